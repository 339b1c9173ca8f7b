"""hrdocs curate add: bring a new source into the package and draft its rows for a person to review.

The source is copied unaltered to ``data/sources/<document_id>.txt`` (or ``.json``); its documents row gets the
source file, SHA-256, has_text, language and what the layout itself prints (symbol, date, session, agenda items,
title, original language), or, with ``--metadata``, the values of the metadata file's entry for it, marked in
notes as that file's, to be checked; its paragraphs rows are drafted with exact spans; the declared expected
row counts are updated. Every file of the change is written to a temporary path and renamed into place only
when all are written. Nothing is guessed: what neither the layout nor the metadata states stays empty (body
and document type, which the schema requires, are ``other`` with a note until a curator sets them).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from hrdocs.curate.follow_up import draft_grades, draft_recommendations
from hrdocs.curate.json_layout import LABELS_ANNOTATOR, draft_json
from hrdocs.curate.package_tables import Change, Row, csv_text, descriptor_text, open_package, read_rows
from hrdocs.curate.rows import paragraph_rows
from hrdocs.curate.text_layout import Draft, draft_text
from hrdocs.errors import EXIT_INVALID, HrdocsError
from hrdocs.metadata.model import EXPECTED_ROWS_PROPERTY, Package
from hrdocs.text.source_view import SourceFormatError, source_text
from hrdocs.text.spans import text_from_spans

FORMATS = ("auto", "text", "paragraphs-json")
#: the meaning of a label first met in a new source, until a curator writes it
UNDESCRIBED_MEANING = "A label of the source's publisher whose meaning hrdocs curators have not yet described."
SOURCES_DIR = "data/sources"
#: the vocabulary of a paragraphs-JSON source's labels (see schemas/annotation_vocabulary.schema.json)
LABELS_VOCABULARY = "affected_persons"

#: printed names of issuing bodies that are not the documents.body codes or their labels in the schema
_PRINTED_BODY_NAMES = {
    "人权理事会": "HRC",
    "保护所有移民工人及其家庭成员权利委员会": "CMW",
    "保护所有移徙工人及其家庭成员权利委员会": "CMW",
    "Committee on Migrant Workers": "CMW",
    "Human Rights Committee": "CCPR",
    "大会": "GA",
}


def _body_codes(package: Package) -> dict[str, str]:
    """Printed body name -> documents.body: the schema's codes and their labels, and the names above."""
    categories = package.table("documents").field("body").categories or {}
    codes = {code: code for code in categories} | {label: code for code, label in categories.items()}
    return codes | {name: code for name, code in _PRINTED_BODY_NAMES.items() if code in categories}


@dataclass
class AddResult:
    document_id: str
    source_file: str
    rows: dict[str, int]
    kinds: dict[str, int]
    documents_row: Row
    review: list[str] = field(default_factory=list)
    replaced: bool = False


def _read_source(source: Path) -> tuple[bytes, str]:
    if not source.exists():
        raise HrdocsError(f"{source}: no such file")
    if not source.is_file():
        raise HrdocsError(f"{source}: not a file")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise HrdocsError(f"{source}: cannot read ({exc.strerror})") from exc
    if not data.strip():
        raise HrdocsError(f"{source}: the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        raise HrdocsError(f"{source}: starts with a byte-order mark; save it as UTF-8 without one")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HrdocsError(f"{source}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    return data, text


def _read_metadata(path: Path, source_name: str) -> dict[str, Any] | None:
    """The entry for ``source_name`` in a metadata file: a JSON object, or a list of objects of which the one
    whose "File PATH" (or "file") ends with the source's name is taken."""
    if not path.exists():
        raise HrdocsError(f"{path}: no such file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise HrdocsError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise HrdocsError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc
    if isinstance(data, dict):
        return data
    if isinstance(data, list):
        for entry in data:
            if isinstance(entry, dict):
                where = str(entry.get("File PATH") or entry.get("file") or "")
                if where and Path(where.strip()).name == source_name:
                    return entry
        return None
    raise HrdocsError(f"{path}: expected a JSON object or a list of objects")


def _parse_date(value: str) -> str | None:
    for fmt in ("%d %B %Y", "%Y-%m-%d", "%B %d, %Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _document_row(
    package: Package,
    document_id: str,
    source_file: str,
    sha: str,
    draft: Draft,
    source: str,
    metadata: dict[str, Any] | None,
    metadata_name: str,
) -> tuple[Row, list[str]]:
    facts = draft.facts
    review: list[str] = []
    notes: list[str] = []
    row: Row = dict.fromkeys(package.table("documents").field_names, "")
    row.update(document_id=document_id, has_text="true", source_file=source_file, source_sha256=sha)
    row["language"] = facts.get("language_line") or facts.get("language", "")
    row["original_language"] = facts.get("original_language", "")
    row["symbol"] = facts.get("symbol", "")
    row["date_published"] = facts.get("date_published", "")
    row["session"] = facts.get("session", "")
    row["agenda_items"] = facts.get("agenda_items", "")
    titles = [u for u in draft.units if u.kind == "title"]
    if titles:  # a footnote marker printed after the title is not part of it
        row["title"] = re.sub(r"[*⁰¹²³⁴⁵⁶⁷⁸⁹]+$", "", text_from_spans(source, titles[0].ranges)).strip()
    body_lines = [text_from_spans(source, u.ranges) for u in draft.units if u.kind == "metadata"]
    bodies = _body_codes(package)
    row["body"] = next((bodies[line] for line in body_lines if line in bodies), "")
    printed = [
        name
        for name in ("symbol", "title", "date_published", "session", "agenda_items", "original_language", "body")
        if row[name]
    ]
    if printed:
        notes.append(f"Drafted by hrdocs curate add from the layout: {', '.join(printed)} as printed (review).")
    if metadata is not None:
        taken = []
        signature = str(metadata.get("Signature") or metadata.get("symbol") or "").strip()
        symbols = [s.strip() for s in re.split(r"[,–;]| and ", signature) if s.strip()]
        pattern = re.compile(package.table("documents").field("symbol").pattern or ".*")
        if symbols and not row["symbol"] and pattern.fullmatch(symbols[0]):
            row["symbol"] = symbols[0]
            taken.append(f"symbol {symbols[0]!r} (of {signature!r})")
        name = str(metadata.get("Name") or metadata.get("title") or "").strip()
        if name and not row["title"]:
            row["title"] = name
            taken.append("title")
        date = _parse_date(str(metadata.get("Adoption Date") or metadata.get("date") or ""))
        if date and not row["date_published"]:
            row["date_published"] = date
            taken.append(f"date_published {date} (its adoption date)")
        committees = [c.strip() for c in str(metadata.get("Committee") or "").split(",") if c.strip()]
        if committees and not row["body"] and committees[0] in bodies:
            row["body"] = bodies[committees[0]]
            taken.append(f"body {committees[0]}")
        kind = (
            "general_recommendation"
            if re.search(r"general recommendation", name, re.I)
            else ("general_comment" if re.search(r"general comment", name, re.I) else "")
        )
        if kind:
            row["document_type"] = kind
            taken.append("document_type (from the name)")
        if taken:
            notes.append(f"From {metadata_name}, not checked against the text: {'; '.join(taken)}.")
            review.append(f"documents: check {', '.join(t.split(' ')[0] for t in taken)} taken from {metadata_name}")
    if not row["title"]:
        first = draft.units[0] if draft.units else None
        row["title"] = text_from_spans(source, first.ranges)[:200] if first else document_id
        notes.append("No title line recognised: title is the first unit's text (review).")
        review.append("documents: no title recognised; title is the first unit's text")
    for name in ("body", "document_type"):
        if not row[name]:
            row[name] = "other"
            notes.append(f"{name} not stated by the layout: 'other' until a curator sets it.")
            review.append(f"documents: set {name} (drafted as 'other')")
    row["notes"] = " ".join(notes)
    return row, review


def _expected_rows(descriptor: dict[str, Any], table: str, rows: list[Row]) -> None:
    for resource in descriptor.get("resources", []):
        if resource.get("name") != table or EXPECTED_ROWS_PROPERTY not in resource:
            continue
        expected = resource[EXPECTED_ROWS_PROPERTY]
        expected["total"] = len(rows)
        if "byDocument" in expected:
            counts: dict[str, int] = {}
            for row in rows:
                counts[row.get("document_id", "")] = counts.get(row.get("document_id", ""), 0) + 1
            expected["byDocument"] = {d: counts[d] for d in sorted(counts) if d}


def add(
    root: Path,
    source: Path,
    document_id: str,
    fmt: str = "auto",
    metadata: Path | None = None,
    replace: bool = False,
) -> AddResult:
    """Add ``source`` to the package at ``root`` as document ``document_id``; see the module docstring."""
    package = open_package(root)
    if fmt not in FORMATS:
        raise HrdocsError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    id_pattern = package.table("documents").field("document_id").pattern
    if id_pattern and not re.fullmatch(id_pattern, document_id):
        raise HrdocsError(f"--id {document_id!r}: a document id is lower-case letters and digits joined by '-'")
    data, text = _read_source(source)
    if fmt == "auto":
        fmt = "paragraphs-json" if source.suffix.lower() == ".json" else "text"
    suffix = ".json" if fmt == "paragraphs-json" else ".txt"
    source_file = f"{SOURCES_DIR}/{document_id}{suffix}"
    entry = None
    if metadata is not None:
        entry = _read_metadata(metadata, source.name)
        if entry is None:
            raise HrdocsError(f"{metadata}: no entry for {source.name}")

    documents = read_rows(package, "documents")
    paragraphs = read_rows(package, "paragraphs")
    sha = hashlib.sha256(data).hexdigest()
    existing = next((r for r in documents if r["document_id"] == document_id), None)
    if existing is not None and not replace:
        raise HrdocsError(f"--id {document_id}: already in the package (data/documents.csv); --replace to redo it")
    same_file = next((r for r in documents if r.get("source_sha256") == sha and r["document_id"] != document_id), None)
    if same_file is not None:
        raise HrdocsError(
            f"{source}: already in the package as {same_file['source_file']} (document {same_file['document_id']})"
        )
    target = package.path(source_file)
    if target.exists() and (existing is None or existing.get("source_file") != source_file):
        raise HrdocsError(f"{source_file}: already exists in the package")

    if fmt == "paragraphs-json":
        try:
            draft, labelled = draft_json(text)
            view = source_text(source_file, text)
        except SourceFormatError as exc:
            raise HrdocsError(f"{source}: not a paragraphs-JSON source: {exc}") from exc
    else:
        if source.suffix.lower() == ".json":
            raise HrdocsError(f"{source}: a .json file is read with --format paragraphs-json")
        draft, labelled, view = draft_text(text), [], text
    if not draft.units:
        raise HrdocsError(f"{source}: no text to draft")
    drafted = paragraph_rows(draft.units, document_id, view)
    doc_row, review = _document_row(
        package, document_id, source_file, sha, draft, view, entry, metadata.name if metadata else ""
    )

    change = Change()
    if existing is not None:
        documents = [doc_row if r["document_id"] == document_id else r for r in documents]
        old_ids = {r["paragraph_id"] for r in paragraphs if r["document_id"] == document_id}
        paragraphs = [r for r in paragraphs if r["document_id"] != document_id]
        if existing.get("source_file") and existing["source_file"] != source_file:
            change.delete(package.path(existing["source_file"]))
        review.append(
            f"replaced {len(old_ids)} paragraphs rows; rows of other tables pointing at them may need "
            "repair (hrdocs validate names them)"
        )
    else:
        documents.append(doc_row)
    paragraphs.extend(drafted)
    tables = {"documents": documents, "paragraphs": paragraphs}
    counts = {"paragraphs": len(drafted)}
    table_names = {t.name for t in package.tables}
    if labelled and "annotations" in table_names:
        annotations = [
            r for r in read_rows(package, "annotations") if not r["paragraph_id"].startswith(f"{document_id}.")
        ]
        new = [
            {
                "paragraph_id": f"{document_id}.{unit.local}",
                "vocabulary": LABELS_VOCABULARY,
                "label": label,
                "annotator": LABELS_ANNOTATOR,
                "notes": "",
            }
            for unit, labels in labelled
            for label in dict.fromkeys(labels)
        ]
        if "annotation_vocabulary" in table_names:
            vocabulary_rows = read_rows(package, "annotation_vocabulary")
            known = {r["value"] for r in vocabulary_rows if r["vocabulary"] == LABELS_VOCABULARY}
            unknown = sorted({r["label"] for r in new} - known)
            if unknown:
                vocabulary_rows += [
                    {
                        "vocabulary": LABELS_VOCABULARY,
                        "value": label,
                        "meaning": UNDESCRIBED_MEANING,
                        "meaning_source": "none yet: drafted by hrdocs curate add",
                    }
                    for label in unknown
                ]
                tables["annotation_vocabulary"] = vocabulary_rows
                review.append(f"annotation_vocabulary: new labels {', '.join(unknown)}: write their meaning")
        tables["annotations"] = annotations + new
        counts["annotations"] = len(new)

    if fmt == "text" and "recommendations" in table_names:
        verbs = package.table("recommendations").field("verb").allowed_values
        recommendations = draft_recommendations(draft.units, document_id, view, verbs)
        if recommendations:
            kept = [r for r in read_rows(package, "recommendations") if r["document_id"] != document_id]
            tables["recommendations"] = kept + recommendations
            counts["recommendations"] = len(recommendations)
            review.append(f"recommendations: {len(recommendations)} drafted from chapeaus with their items")
            grades = draft_grades(draft.units, document_id, view, recommendations) if "grades" in table_names else []
            if grades:
                old_grades = read_rows(package, "grades")
                kept_grades = [r for r in old_grades if r["document_id"] != document_id]
                tables["grades"] = kept_grades + grades
                if "grade_paragraphs" in table_names:
                    dropped = {r["grade_id"] for r in old_grades if r["document_id"] == document_id}
                    kept_links = [r for r in read_rows(package, "grade_paragraphs") if r["grade_id"] not in dropped]
                    links = [
                        {"grade_id": g["grade_id"], "seq": str(i), "paragraph_id": pid}
                        for g in grades
                        for i, pid in enumerate(g["text_paragraphs"], start=1)
                    ]
                    tables["grade_paragraphs"] = kept_links + links
                counts["grades"] = len(grades)
                review.append(f"grades: {len(grades)} drafted from grade headings")
                if doc_row["document_type"] == "other":  # grade headings are a follow-up evaluation's layout
                    doc_row["document_type"] = "follow_up_evaluation"
                    doc_row["notes"] = doc_row["notes"].replace(
                        "document_type not stated by the layout: 'other' until a curator sets it.",
                        "document_type follow_up_evaluation: the layout prints grade headings (review).",
                    )
                    review.remove("documents: set document_type (drafted as 'other')")

    descriptor = json.loads(json.dumps(package.descriptor))
    for name, rows in tables.items():
        change.write(package.path(package.table(name).path), csv_text(package, name, rows))
        _expected_rows(descriptor, name, rows)
    change.write(target, data)
    change.write(package.path("datapackage.json"), descriptor_text(descriptor))
    change.commit()

    kinds: dict[str, int] = {}
    for row in drafted:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
    review += [f"paragraphs {row['paragraph_id']}: {row['notes']}" for row in drafted if row["notes"]]
    review += [f"source: {line}" for line in draft.review]
    return AddResult(document_id, source_file, counts, kinds, doc_row, review, replaced=existing is not None)


def check_exit(result: AddResult) -> int:
    """Exit code of `hrdocs curate add`: 0 (review notes are not errors)."""
    return 0 if result.rows else EXIT_INVALID
