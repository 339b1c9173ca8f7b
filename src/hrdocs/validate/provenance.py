"""Provenance: every field marked "hrdocs:spans" in its schema equals
``text_from_spans(source, parse_spans(spans))`` of its row's document's source file.

Fast path: the raw source slice of a single span is compared with the value first, and the documented
normalisation (hrdocs.text.normalise) runs only for rows where they differ. The slices are taken in Python,
where slicing a str by code point is O(1); DuckDB's substring() walks UTF-8 from the start of the string, which
made a 2-million-character source 1000 times slower to slice (measured). The rows come from the scan shared
with coverage (hrdocs.validate.spans_scan): check_provenance returns the spans it gathered, for coverage.
"""

from __future__ import annotations

import re

from hrdocs.text.spans import SpanError, parse_spans, text_from_spans
from hrdocs.validate.context import Context
from hrdocs.validate.report import Rule, excerpt
from hrdocs.validate.sources import Sources
from hrdocs.validate.spans_scan import SpanArrays, scan_spans

STAGE = "provenance"
SPANS_MALFORMED = Rule(
    "spans-malformed", STAGE, "spans are start-end pairs with start < end", "{error} (source of {document_id})"
)
SPANS_OUT_OF_RANGE = Rule(
    "spans-out-of-range",
    STAGE,
    "spans lie inside the source file",
    "span {start}-{end} ends beyond the source's {size} characters (source of {document_id})",
)
SPANS_NO_SOURCE = Rule(
    "spans-no-source",
    STAGE,
    "the row's document has a readable source file",
    "document {document_id} has no readable source file to check {field} against",
)
SPANS_TEXT_MISMATCH = Rule(
    "spans-text-mismatch",
    STAGE,
    "the text equals text_from_spans of its source",
    "differs from the source at character {at}: source gives {expected!r}",
)
RULES = (SPANS_MALFORMED, SPANS_OUT_OF_RANGE, SPANS_NO_SOURCE, SPANS_TEXT_MISMATCH)


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def check_provenance(ctx: Context, found: Sources) -> SpanArrays:
    """Check every spans field's rows against the sources; returns every well-formed span, for coverage."""
    assert ctx.con is not None
    sources = found.texts
    arrays = SpanArrays()
    # a row whose document is not in documents is a foreign-key problem already; only known documents count
    known = {d for (d,) in ctx.sql("SELECT document_id FROM raw.documents")} if ctx.usable("documents") else set()
    last_doc: str | None = None
    source: str | None = None
    size = 0
    patterns: dict[str, re.Pattern[str] | None] = {}
    for sf, batch in scan_spans(ctx, arrays):
        table = sf.table
        key = f"{table.name}.{sf.spans_field}"
        if key not in patterns:
            # a value that breaks the spans field's own pattern (schemas/) is a column problem, not repeated here
            declared = table.field(sf.spans_field).pattern
            patterns[key] = re.compile(declared) if declared else None
        pattern = patterns[key]
        rows = batch.column(0)
        # document ids repeat: convert each distinct id once, not once per row
        encoded = batch.column(1).dictionary_encode()
        names = encoded.dictionary.to_pylist()
        docs = [names[i] for i in encoded.indices.to_pylist()]
        spans_col = batch.column(2)
        texts = batch.column(3).to_pylist()
        starts = batch.column(4).to_pylist()
        ends = batch.column(5).to_pylist()
        for i, (doc, text, st, en) in enumerate(zip(docs, texts, starts, ends, strict=True)):
            if doc != last_doc:
                last_doc, source = doc, sources.get(doc)
                size = len(source) if source is not None else 0
            if source is not None and st >= 0 and en <= size and source[st:en] == text:
                continue  # the fast path: one span, no artefact in it
            if text is None:
                continue  # an empty text is a required-field problem (a column check)
            row, spans = rows[i].as_py(), spans_col[i].as_py()
            if source is None:
                if doc not in known or (pattern is not None and not pattern.fullmatch(spans)):
                    continue
                ctx.problem(
                    SPANS_NO_SOURCE,
                    SPANS_NO_SOURCE.message(document_id=doc, field=sf.text_field),
                    table,
                    row=row,
                    column=sf.spans_field,
                    value=spans,
                )
                continue
            if pattern is not None and not pattern.fullmatch(spans):
                continue  # reported by the column checks (field-pattern)
            where = {"row": row, "column": sf.spans_field, "value": spans}
            try:
                parsed = parse_spans(spans)
            except SpanError as exc:
                ctx.problem(SPANS_MALFORMED, SPANS_MALFORMED.message(error=exc, document_id=doc), table, **where)
                continue
            beyond = next(((a, b) for a, b in parsed if b > size), None)
            if beyond is not None:
                message = SPANS_OUT_OF_RANGE.message(start=beyond[0], end=beyond[1], size=size, document_id=doc)
                ctx.problem(SPANS_OUT_OF_RANGE, message, table, **where)
                continue
            expected = text_from_spans(source, parsed)
            if expected != text:
                at = _first_difference(expected, text)
                ctx.problem(
                    SPANS_TEXT_MISMATCH,
                    SPANS_TEXT_MISMATCH.message(at=at, expected=excerpt(expected[max(0, at - 10) : at + 30])),
                    table,
                    row=row,
                    column=sf.text_field,
                    value=text[max(0, at - 10) : at + 30],
                )
    for sf in arrays.skipped:
        ctx.report.skipped.append(f"{sf.table.name}.{sf.text_field}: provenance not checked (document unknown)")
    return arrays
