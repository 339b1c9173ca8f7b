"""A package for the site's tests: a copy of the shipped package, plus one English paragraph in a Chinese
document (search must find it beside the general comments' English) and a small `citations` table (the links
issue adds the real one; the site shows "Cites / Cited by" only when a package has it). The extra rows
are not valid provenance (their spans point nowhere): the site does not validate, it only reads the build."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENGLISH_ID = "a-hrc-50-52.en-test"
ENGLISH_TEXT = "Participants called for alternatives to immigration detention, in particular for children."
CITATIONS = [
    {"citation_id": "c1", "paragraph_id": "a-hrc-50-52.fn1", "cited_document_id": "a-hrc-34-31",
     "pinpoint": "", "how": "footnote"},
    {"citation_id": "c2", "paragraph_id": "cmw-aze-follow-up-co3.fn1", "cited_document_id": "cmw-c-aze-co-2",
     "pinpoint": "第 45 段", "how": "footnote"},
]  # fmt: skip
CITATIONS_SCHEMA = {
    "fields": [
        {"name": "citation_id", "type": "string", "constraints": {"required": True}},
        {"name": "paragraph_id", "type": "string", "constraints": {"required": True}},
        {"name": "cited_document_id", "type": "string", "constraints": {"required": True}},
        {"name": "pinpoint", "type": "string"},
        {"name": "how", "type": "string"},
    ],
    "primaryKey": ["citation_id"],
    "foreignKeys": [
        {"fields": ["paragraph_id"], "reference": {"resource": "paragraphs", "fields": ["paragraph_id"]}},
        {"fields": ["cited_document_id"], "reference": {"resource": "documents", "fields": ["document_id"]}},
    ],
}


def copy_shipped(root: Path) -> Path:
    """The shipped package as it is (what `make release` ships), in ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("datapackage.json", "VERSION", "CHANGELOG.md"):
        shutil.copy(REPO / name, root / name)
    for folder in ("schemas", "data", "validation", "examples"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def without_citations(root: Path) -> Path:
    """The shipped package without its citations table."""
    copy_shipped(root)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "citations"]
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return root


def site_package(root: Path) -> Path:
    copy_shipped(root)
    if json.loads((REPO / "datapackage.json").read_text(encoding="utf-8")).get("resources") and any(
        r["name"] == "citations" for r in json.loads((REPO / "datapackage.json").read_text())["resources"]
    ):
        _add_english(root)
        return root
    _add_english(root)
    _add_citations(root)
    return root


def _add_english(root: Path) -> None:
    paragraphs = root / "data" / "paragraphs.csv"
    with paragraphs.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    seq = max(int(r["seq"]) for r in rows if r["document_id"] == "a-hrc-50-52") + 1
    extra = dict.fromkeys(fields, "")
    extra.update(paragraph_id=ENGLISH_ID, document_id="a-hrc-50-52", seq=str(seq), kind="paragraph",
                 text=ENGLISH_TEXT, spans="0-1")  # fmt: skip
    with paragraphs.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fields, lineterminator="\n").writerow(extra)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "paragraphs":
            resource.pop("hrdocs:expectedRows", None)
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def _add_citations(root: Path) -> None:
    (root / "schemas" / "citations.schema.json").write_text(json.dumps(CITATIONS_SCHEMA, indent=2), encoding="utf-8")
    with (root / "data" / "citations.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(CITATIONS[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(CITATIONS)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "paragraphs":
            resource.pop("hrdocs:expectedRows", None)
    descriptor["resources"].append(
        {"name": "citations", "type": "table", "path": "data/citations.csv", "scheme": "file", "format": "csv",
         "mediatype": "text/csv", "encoding": "utf-8", "schema": "schemas/citations.schema.json"}
    )  # fmt: skip
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return root
