"""Stage 3d: coverage. Every non-blank character of each source file is covered by some row's spans (every
field marked "hrdocs:spans": paragraphs, recommendations, participants), or is a conversion artefact
(hrdocs.text.normalise.artefact_mask), or lies in a reviewed exclusion listed in
validation/coverage_exclusions.csv (columns document_id, spans, reason).

DuckDB merges all spans of a document into covered intervals and returns only the gaps between them; Python
then looks at the characters of the gaps alone (artefacts are computed only for documents with a non-blank
gap). Uncovered ranges are reported per document with an excerpt; the coverage percentage per document is in
the report.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from hrdocs.text.normalise import artefact_mask
from hrdocs.text.spans import SpanError, parse_spans
from hrdocs.validate.context import RAW_SCHEMA, Context
from hrdocs.validate.report import excerpt
from hrdocs.validate.spans_fields import rows_sql, spans_fields

STAGE = "tables"
RULE = "coverage"
EXCLUSIONS = Path("validation") / "coverage_exclusions.csv"
EXCLUSION_COLUMNS = ["document_id", "spans", "reason"]
#: blank characters need no covering
BLANKS = " \t\n\r\f\v\u3000\xa0\u2028\u2029"
_NON_BLANK = re.compile(f"[^{re.escape(BLANKS)}]")


def _nonblank_count(text: str) -> int:
    """Non-blank characters, for the coverage percentage (the common blanks only: it is a statistic)."""
    return len(text) - sum(text.count(c) for c in " \n\t\u3000")


def read_exclusions(ctx: Context) -> list[tuple[str, str]]:
    """(document_id, spans) of each well-formed exclusion row; problems for the others."""
    path = ctx.root / EXCLUSIONS
    if not path.is_file():
        return []
    found = []
    file = str(EXCLUSIONS)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        ctx.problem(STAGE, "coverage-exclusion", f"cannot read the exclusions: {exc}", table_name="coverage", file=file)
        return []
    if not rows or rows[0] != EXCLUSION_COLUMNS:
        ctx.problem(
            STAGE,
            "coverage-exclusion",
            f"header must be {','.join(EXCLUSION_COLUMNS)}",
            table_name="coverage",
            file=file,
            line=1,
        )
        return []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 3:
            ctx.problem(
                STAGE, "coverage-exclusion", "row must have 3 cells", table_name="coverage", file=file, row=number
            )
            continue
        document_id, spans, reason = row
        try:
            parsed = parse_spans(spans)
        except SpanError as exc:
            ctx.problem(
                STAGE,
                "coverage-exclusion",
                str(exc),
                table_name="coverage",
                file=file,
                row=number,
                column="spans",
                value=spans,
            )
            continue
        if not reason.strip():
            ctx.problem(
                STAGE,
                "coverage-exclusion",
                "every exclusion needs a reason",
                table_name="coverage",
                file=file,
                row=number,
                column="reason",
            )
        source = ctx.sources.get(document_id)
        if source is None:
            ctx.problem(
                STAGE,
                "coverage-exclusion",
                "no document with a readable source file has this id",
                table_name="coverage",
                file=file,
                row=number,
                column="document_id",
                value=document_id,
            )
            continue
        if parsed[-1][1] > len(source) or any(end > len(source) for _, end in parsed):
            ctx.problem(
                STAGE,
                "coverage-exclusion",
                f"span beyond the source's {len(source)} characters",
                table_name="coverage",
                file=file,
                row=number,
                column="spans",
                value=spans,
            )
            continue
        found.append((document_id, spans))
    return found


def _gaps(ctx: Context, exclusions: list[tuple[str, str]]) -> dict[str, list[tuple[int, int | None]]]:
    """document_id -> uncovered intervals (start, end); end None means to the end of the source."""
    assert ctx.con is not None
    parts = [q for sf in spans_fields(ctx) if (q := rows_sql(ctx, sf, with_text=False)) is not None]
    ctx.cursor().execute("CREATE OR REPLACE TEMP TABLE coverage_exclusions (document_id VARCHAR, spans VARCHAR)")
    if exclusions:
        ctx.cursor().executemany("INSERT INTO coverage_exclusions VALUES (?, ?)", exclusions)
    parts.append("SELECT NULL AS row, document_id, spans FROM coverage_exclusions")
    union = " UNION ALL ".join(f"SELECT document_id, spans FROM ({q})" for q in parts)
    rows = ctx.sql(
        f"""
        WITH s AS (
            SELECT document_id, TRY_CAST(split_part(x, '-', 1) AS BIGINT) AS st,
                   TRY_CAST(split_part(x, '-', 2) AS BIGINT) AS en
            FROM (SELECT document_id, unnest(string_split(spans, ';')) AS x FROM ({union})
                  WHERE document_id IS NOT NULL AND spans IS NOT NULL)
        ), v AS (SELECT * FROM s WHERE st IS NOT NULL AND en > st),
        m AS (
            SELECT document_id, st, max(en) OVER (PARTITION BY document_id ORDER BY st, en
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
            FROM v
        )
        , g AS (
            SELECT document_id, coalesce(prev_end, 0) AS gap_start, st AS gap_end FROM m
            WHERE st > coalesce(prev_end, 0)
            UNION ALL
            SELECT document_id, max(en), NULL FROM v GROUP BY document_id
        )
        SELECT document_id, list(gap_start ORDER BY gap_start), list(gap_end ORDER BY gap_start)
        FROM g GROUP BY document_id
        """
    )
    gaps: dict[str, list[tuple[int, int | None]]] = {}
    for document_id, starts, ends in rows:
        gaps[document_id] = list(zip(starts, ends, strict=True))
    return gaps


def _document_rows(ctx: Context) -> dict[str, tuple[int, str]]:
    if not ctx.usable("documents"):
        return {}
    rows = ctx.sql(
        f"SELECT document_id, rowid + 2, source_file FROM {RAW_SCHEMA}.documents WHERE source_file IS NOT NULL"
    )
    return {d: (r, f) for d, r, f in rows}


def check_coverage(ctx: Context) -> None:
    assert ctx.package is not None
    exclusions = read_exclusions(ctx)
    if not ctx.sources:
        return
    unreadable = [r.get("name") for r in ctx.package.descriptor.get("resources", []) if r.get("name") not in ctx.loaded]
    if unreadable:
        ctx.report.skipped.append(f"coverage not checked: {', '.join(map(str, unreadable))} unreadable")
        return
    gaps = _gaps(ctx, exclusions)
    documents = _document_rows(ctx)
    for document_id, source in sorted(ctx.sources.items()):
        doc_gaps = gaps.get(document_id, [(0, None)])
        mask: bytearray | None = None
        uncovered_total = 0
        ranges: list[tuple[int, int]] = []
        # one search over all gaps joined: a document whose gaps are all blank needs no closer look
        if not _NON_BLANK.search("".join([source[a:b] for a, b in doc_gaps])):
            doc_gaps = []
        for start, end in doc_gaps:
            stop = len(source) if end is None else min(end, len(source))
            if start >= stop or not _NON_BLANK.search(source, start, stop):
                continue
            if mask is None:
                mask = artefact_mask(source)
            in_gap: list[tuple[int, int]] = []  # within one gap, ranges merge across blanks and artefacts
            for m in _NON_BLANK.finditer(source, start, stop):
                i = m.start()
                if mask[i]:
                    continue
                uncovered_total += 1
                if in_gap:
                    in_gap[-1] = (in_gap[-1][0], i + 1)
                else:
                    in_gap.append((i, i + 1))
            ranges.extend(in_gap)
        total = _nonblank_count(source)
        percent = 100.0 if total == 0 else round(100.0 * (total - uncovered_total) / total, 2)
        ctx.report.coverage[document_id] = {"covered": total - uncovered_total, "total": total, "percent": percent}
        row, source_file = documents.get(document_id, (None, None))
        for start, end in ranges:
            line = source.count("\n", 0, start) + 1
            ctx.problem(
                STAGE,
                RULE,
                f"characters {start}-{end} of {document_id}'s source are covered by no row's spans, artefact or "
                f"exclusion ({end - start} characters, line {line})",
                table_name="documents",
                file=source_file or "documents",
                row=row,
                column="source_file",
                value=excerpt(source[start:end], 40),
            )
