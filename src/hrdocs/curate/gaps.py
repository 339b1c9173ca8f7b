"""hrdocs curate gaps: every range of a source that no row covers, no exclusion lists and is not a conversion
artefact or blank, with its line number and the characters around it (what the coverage rule would report)."""

from __future__ import annotations

import csv
from dataclasses import dataclass

from hrdocs.curate.package_tables import open_package, read_rows
from hrdocs.curate.sources import PARAGRAPHS, Sources, spans_columns
from hrdocs.errors import HrdocsError
from hrdocs.text.normalise import artefact_mask
from hrdocs.text.spans import SpanError, parse_spans

EXCLUSIONS = "validation/coverage_exclusions.csv"


@dataclass(frozen=True)
class Gap:
    document_id: str
    source_file: str
    line: int
    start: int
    end: int
    before: str
    text: str
    after: str


def find_gaps(root, document: str | None = None, context: int = 20) -> list[Gap]:
    package = open_package(root)
    documents = read_rows(package, "documents")
    if document is not None and document not in {r["document_id"] for r in documents}:
        raise HrdocsError(f"--document {document}: no such document in data/documents.csv")
    sources = Sources(package, documents)
    paragraphs = {r["paragraph_id"]: r["document_id"] for r in read_rows(package, PARAGRAPHS)}
    covered: dict[str, list[str]] = {}
    for column in spans_columns(package):
        rows = read_rows(package, column.table.name)
        for row in rows:
            doc = paragraphs.get(row.get("paragraph_id", "")) if column.via_paragraph else row.get("document_id")
            if doc:
                covered.setdefault(doc, []).append(row.get(column.spans_field, ""))
    exclusions = package.path(EXCLUSIONS)
    if exclusions.is_file():
        with exclusions.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                covered.setdefault(row.get("document_id", ""), []).append(row.get("spans", ""))
    gaps: list[Gap] = []
    for doc in sorted(sources.files):
        if document is not None and doc != document:
            continue
        source = sources.text(doc) or ""
        mask = artefact_mask(source)
        for value in covered.get(doc, []):
            try:
                spans = parse_spans(value)
            except SpanError:
                continue
            for start, end in spans:
                if start < len(source):
                    mask[start:end] = b"\x01" * (min(end, len(source)) - start)
        i = 0
        while i < len(source):
            if mask[i] or source[i].isspace():
                i += 1
                continue
            j = i
            while j < len(source) and not mask[j]:
                j += 1
            stop = j
            while stop > i and source[stop - 1].isspace():
                stop -= 1
            gaps.append(
                Gap(
                    doc,
                    sources.files[doc],
                    source.count("\n", 0, i) + 1,
                    i,
                    stop,
                    source[max(0, i - context) : i],
                    source[i:stop],
                    source[stop : stop + context],
                )
            )
            i = j
    return gaps
