"""`hrdocs curate add` of a paragraphs-JSON source with its metadata file, and `--replace` of a document."""

from __future__ import annotations

import json
from pathlib import Path

from curate_helpers import TEXTS, copy_package, hrdocs, rows

from hrdocs.text.source_view import source_text
from hrdocs.text.spans import parse_spans, text_from_spans

ID = "cmw-c-gc-8"


def _add(root: Path, *extra: str) -> tuple[int, str]:
    code, _, err = hrdocs(
        "curate", "add", str(TEXTS / "gc_paragraphs.json"), "--id", ID, "--package", str(root), *extra
    )
    return code, err


def test_a_paragraphs_json_source_with_its_metadata(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "package")
    code, err = _add(root, "--metadata", str(TEXTS / "gc_info.json"))
    assert code == 0, err
    document = next(r for r in rows(root, "documents") if r["document_id"] == ID)
    assert document["source_file"] == f"data/sources/{ID}.json"
    assert (root / document["source_file"]).read_bytes() == (TEXTS / "gc_paragraphs.json").read_bytes()
    # the entry whose "File PATH" names the source, not the first one
    assert (document["symbol"], document["date_published"], document["body"], document["document_type"]) == (
        "CMW/C/GC/8",
        "2024-04-12",
        "CMW",
        "general_comment",
    )
    assert document["title"] == "General Comment No. 8 on migrant workers in an irregular situation"
    assert "From gc_info.json, not checked against the text" in document["notes"]
    assert "check symbol, title, date_published, body, document_type taken from gc_info.json" in err
    paragraphs = [r for r in rows(root, "paragraphs") if r["document_id"] == ID]
    assert [(r["paragraph_id"], r["number"]) for r in paragraphs] == [(f"{ID}.p{n}", str(n)) for n in (1, 2, 3, 4)]
    view = source_text(document["source_file"], (root / document["source_file"]).read_text(encoding="utf-8"))
    for row in paragraphs:
        assert text_from_spans(view, parse_spans(row["spans"])) == row["text"]
    assert paragraphs[1]["text"] == "Women migrant workers face\u00a0particular risks, including those set out in " \
        "the Committee\u2019s earlier guidance."  # fmt: skip
    assert paragraphs[3]["text"] == "Children of migrant workers enjoy the rights of the Convention."
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    expected = next(r for r in descriptor["resources"] if r["name"] == "paragraphs")["hrdocs:expectedRows"]
    assert expected["byDocument"][ID] == 4
    code, out, _ = hrdocs("validate", str(root), "--format", "json")
    report = json.loads(out)
    assert code == 0, report["problems"][:5]
    assert report["coverage"][ID]["covered"] == report["coverage"][ID]["total"]


def test_metadata_without_an_entry_for_the_source_is_refused(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "package")
    meta = tmp_path / "info.json"
    meta.write_text('[{"File PATH": "/json_data/other.json", "Name": "x"}]', encoding="utf-8")
    code, err = _add(root, "--metadata", str(meta))
    assert code == 2
    assert err == f"hrdocs: error: {meta}: no entry for gc_paragraphs.json\n"


def test_replace_redoes_a_document(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "package")
    assert _add(root)[0] == 0
    code, err = _add(root)
    assert code == 2 and "already in the package" in err and "--replace" in err
    changed = tmp_path / "gc_paragraphs.json"
    items = json.loads((TEXTS / "gc_paragraphs.json").read_text(encoding="utf-8"))[:2]
    changed.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    code, _, err = hrdocs("curate", "add", str(changed), "--id", ID, "--package", str(root), "--replace")
    assert code == 0, err
    assert "replaced 4 paragraphs rows" in err
    assert [r["paragraph_id"] for r in rows(root, "paragraphs") if r["document_id"] == ID] == [f"{ID}.p1", f"{ID}.p2"]
    assert [r["document_id"] for r in rows(root, "documents")].count(ID) == 1
    code, out, _ = hrdocs("validate", str(root))
    assert code == 0, out
