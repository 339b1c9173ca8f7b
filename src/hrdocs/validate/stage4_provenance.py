"""Stage 4: provenance. Every field marked "hrdocs:spans" in its schema equals
``text_from_spans(source, parse_spans(spans))`` of its row's document's source file.

Fast path: the raw source slice of a single span is compared with the value first, and the documented
normalisation (hrdocs.text.normalise) runs only for rows where they differ. The slices are taken in Python,
where slicing a str by code point is O(1); DuckDB's substring() walks UTF-8 from the start of the string, which
made a 2-million-character source 1000 times slower to slice (measured). The rows come from the scan shared
with coverage (hrdocs.validate.spans_scan).
"""

from __future__ import annotations

import re

from hrdocs.text.spans import SpanError, parse_spans, text_from_spans
from hrdocs.validate.context import Context
from hrdocs.validate.report import excerpt
from hrdocs.validate.spans_scan import scan_spans

STAGE = "provenance"


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def check_provenance(ctx: Context) -> None:
    assert ctx.con is not None
    sources = ctx.sources
    # a row whose document is not in documents is a foreign-key problem already; only known documents count
    known = {d for (d,) in ctx.sql("SELECT document_id FROM raw.documents")} if ctx.usable("documents") else set()
    last_doc: str | None = None
    source: str | None = None
    size = 0
    patterns: dict[str, re.Pattern[str] | None] = {}
    for sf, batch in scan_spans(ctx):
        table = sf.table
        key = f"{table.name}.{sf.spans_field}"
        if key not in patterns:
            # a value that breaks the spans field's own pattern (schemas/) is stage 2's problem, not repeated here
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
            if source is not None and st is not None and en <= size and source[st:en] == text:
                continue  # the fast path: one span, no artefact in it
            if text is None:
                continue  # an empty text is a required-field problem (stage 2)
            row, spans = rows[i].as_py(), spans_col[i].as_py()
            if source is None:
                if doc not in known or (pattern is not None and not pattern.fullmatch(spans)):
                    continue
                ctx.problem(
                    STAGE,
                    "spans-no-source",
                    f"document {doc} has no readable source file to check {sf.text_field} against",
                    table,
                    row=row,
                    column=sf.spans_field,
                    value=spans,
                )
                continue
            if pattern is not None and not pattern.fullmatch(spans):
                continue  # reported by stage 2 (field-pattern)
            try:
                parsed = parse_spans(spans)
                expected = text_from_spans(source, parsed)
            except SpanError as exc:
                rule = "spans-out-of-range" if "beyond" in str(exc) else "spans-malformed"
                ctx.problem(STAGE, rule, f"{exc} (source of {doc})", table, row=row, column=sf.spans_field, value=spans)
                continue
            if expected != text:
                at = _first_difference(expected, text)
                ctx.problem(
                    STAGE,
                    "spans-text-mismatch",
                    f"differs from the source at character {at}: source gives "
                    f"{excerpt(expected[max(0, at - 10) : at + 30])!r}",
                    table,
                    row=row,
                    column=sf.text_field,
                    value=text[max(0, at - 10) : at + 30],
                )
    for sf in ctx.extra["span_arrays"].skipped:
        ctx.report.skipped.append(f"{sf.table.name}.{sf.text_field}: provenance not checked (document unknown)")
