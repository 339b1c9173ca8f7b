"""hrdocs curate spans: fill or repair the spans of text values after a curator edited or added them.

A value whose spans already reproduce it is left alone. Otherwise its text is looked for in its source
(within its paragraph's spans where the row has a paragraph); found once, its spans are written; not found, or
found in more than one place (and not only once where its old spans were), the row is refused with one line
naming file, row and field, and the curator narrows the text or sets spans by hand. A text is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hrdocs.curate.package_tables import Change, csv_text, open_package, read_rows
from hrdocs.curate.sources import PARAGRAPHS, Sources, spans_columns
from hrdocs.errors import HrdocsError
from hrdocs.text.locate import NormalisedSource, locate_all, normalised_source
from hrdocs.text.spans import Span, SpanError, format_spans, parse_spans, text_from_spans


@dataclass
class SpansResult:
    checked: int = 0
    #: (file, row, field, old spans, new spans)
    filled: list[tuple[str, int, str, str, str]] = field(default_factory=list)
    #: one line each: file:row: field: why
    refused: list[str] = field(default_factory=list)


def _reproduces(source: str, spans: str, text: str) -> bool:
    try:
        return text_from_spans(source, parse_spans(spans)) == text
    except SpanError:
        return False


def _inside(found: list[Span], window: list[Span] | None) -> bool:
    if window is None:
        return True
    return all(any(a <= s and e <= b for a, b in window) for s, e in found)


def _overlaps(found: list[Span], old: list[Span]) -> bool:
    return any(s < b and a < e for s, e in found for a, b in old)


def fill_spans(root, table: str | None = None, document: str | None = None) -> SpansResult:
    package = open_package(root)
    documents = read_rows(package, "documents")
    if document is not None and document not in {r["document_id"] for r in documents}:
        raise HrdocsError(f"--document {document}: no such document in data/documents.csv")
    sources = Sources(package, documents)
    paragraphs = read_rows(package, PARAGRAPHS)
    para_by_id = {r["paragraph_id"]: r for r in paragraphs}
    normalised: dict[str, NormalisedSource] = {}
    result = SpansResult()
    change = Change()
    columns = spans_columns(package, table)
    for name in dict.fromkeys(c.table.name for c in columns):
        rows = paragraphs if name == PARAGRAPHS else read_rows(package, name)
        file = package.table(name).path
        changed = False
        for column in (c for c in columns if c.table.name == name):
            for index, row in enumerate(rows, start=2):
                text = row.get(column.text_field, "")
                if not text:
                    continue
                window: list[Span] | None = None
                if column.via_paragraph:
                    paragraph = para_by_id.get(row.get("paragraph_id", ""))
                    if paragraph is None:
                        continue  # validation reports the dangling paragraph_id
                    document_id = paragraph["document_id"]
                    try:
                        window = parse_spans(paragraph["spans"])
                    except SpanError:
                        window = None
                else:
                    document_id = row.get("document_id", "")
                if document is not None and document_id != document:
                    continue
                source = sources.text(document_id)
                if source is None:
                    continue
                result.checked += 1
                old = row.get(column.spans_field, "")
                if _reproduces(source, old, text):
                    continue
                if document_id not in normalised:
                    normalised[document_id] = normalised_source(source)
                found = [f for f in locate_all(normalised[document_id], text) if f and _inside(f, window)]
                if len(found) > 1 and old:
                    try:
                        near = [f for f in found if _overlaps(f, parse_spans(old))]
                    except SpanError:
                        near = []
                    found = near if len(near) == 1 else found
                where = f"{file}:{index}: {column.text_field}"
                scope = "its paragraph" if window is not None else sources.files[document_id]
                if not found:
                    result.refused.append(f"{where}: text not found in {scope} (rule: spans-locate)")
                elif len(found) > 1:
                    result.refused.append(
                        f"{where}: text found in {len(found)} places in {scope}; make it longer or set "
                        f"{column.spans_field} by hand (rule: spans-locate)"
                    )
                else:
                    new = format_spans(found[0])
                    row[column.spans_field] = new
                    result.filled.append((file, index, column.spans_field, old, new))
                    changed = True
        if changed:
            change.write(package.path(file), csv_text(package, name, rows))
    change.commit()
    return result
