"""Coverage: every non-blank character of each source file is covered by some row's spans (every
field marked "hrdocs:spans": paragraphs, recommendations, participants), or is a conversion artefact
(hrdocs.text.normalise.artefact_mask), or lies in a reviewed exclusion listed in
validation/coverage_exclusions.csv (columns document_id, spans, reason).

The spans are those provenance gathered in its scan (hrdocs.validate.spans_scan), merged into covered intervals
with numpy; only the characters of the gaps between them are looked at (artefacts are computed only for
documents with a non-blank gap). Uncovered ranges are reported per document with an excerpt; the coverage
percentage per document is in the report. With --document, only the document's source and exclusions.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import TYPE_CHECKING

from hrdocs.text.normalise import artefact_mask
from hrdocs.text.spans import SpanError, parse_spans
from hrdocs.validate.context import RAW_SCHEMA, Context
from hrdocs.validate.report import Rule, excerpt
from hrdocs.validate.sources import Sources
from hrdocs.validate.spans_scan import SpanArrays

if TYPE_CHECKING:
    import numpy as np

STAGE = "tables"
COVERAGE = Rule(
    "coverage",
    STAGE,
    "every non-blank source character is covered by spans, an artefact or an exclusion",
    "characters {start}-{end} of {document_id}'s source are covered by no row's spans, artefact or exclusion "
    "({length} characters, line {line})",
)
COVERAGE_EXCLUSION = Rule("coverage-exclusion", STAGE, "validation/coverage_exclusions.csv rows are well-formed")
RULES = (COVERAGE, COVERAGE_EXCLUSION)
#: the messages of coverage-exclusion
EXCLUSION_UNREADABLE = "cannot read the exclusions: {error}"
EXCLUSION_HEADER = "header must be {columns}"
EXCLUSION_CELLS = "row must have 3 cells"
EXCLUSION_REASON = "every exclusion needs a reason"
EXCLUSION_DOCUMENT = "no document with a readable source file has this id"
EXCLUSION_BEYOND = "span beyond the source's {size} characters"
EXCLUSIONS = Path("validation") / "coverage_exclusions.csv"
EXCLUSION_COLUMNS = ["document_id", "spans", "reason"]
#: blank characters need no covering
BLANKS = " \t\n\r\f\v\u3000\xa0\u2028\u2029"
_NON_BLANK = re.compile(f"[^{re.escape(BLANKS)}]")
_BLANK_CODES = [ord(c) for c in BLANKS]


def _nonblank_count(text: str) -> int:
    """Non-blank characters, for the coverage percentage (the common blanks only: it is a statistic)."""
    return len(text) - sum(text.count(c) for c in " \n\t\u3000")


def read_exclusions(ctx: Context, sources: dict[str, str]) -> list[tuple[str, str]]:
    """(document_id, spans) of each well-formed exclusion row (of the document validated, with --document);
    problems for the others."""
    path = ctx.root / EXCLUSIONS
    if not path.is_file():
        return []
    found = []
    file = str(EXCLUSIONS)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        message = EXCLUSION_UNREADABLE.format(error=exc)
        ctx.problem(COVERAGE_EXCLUSION, message, table_name="coverage", file=file)
        return []
    if not rows or rows[0] != EXCLUSION_COLUMNS:
        ctx.problem(
            COVERAGE_EXCLUSION,
            EXCLUSION_HEADER.format(columns=",".join(EXCLUSION_COLUMNS)),
            table_name="coverage",
            file=file,
            line=1,
        )
        return []

    def bad(number: int, message: str, **cell: str) -> None:
        """A problem with exclusion row ``number`` (and with its cell, where ``cell`` names one)."""
        ctx.problem(COVERAGE_EXCLUSION, message, table_name="coverage", file=file, row=number, **cell)

    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 3:
            bad(number, EXCLUSION_CELLS)
            continue
        document_id, spans, reason = row
        if ctx.scope is not None and document_id != ctx.scope.document_id:
            continue
        try:
            parsed = parse_spans(spans)
        except SpanError as exc:
            bad(number, str(exc), column="spans", value=spans)
            continue
        if not reason.strip():
            bad(number, EXCLUSION_REASON, column="reason")
        source = sources.get(document_id)
        if source is None:
            bad(number, EXCLUSION_DOCUMENT, column="document_id", value=document_id)
            continue
        if parsed[-1][1] > len(source) or any(end > len(source) for _, end in parsed):
            bad(number, EXCLUSION_BEYOND.format(size=len(source)), column="spans", value=spans)
            continue
        found.append((document_id, spans))
    return found


def _document_rows(ctx: Context) -> dict[str, tuple[int, str]]:
    if not ctx.usable("documents"):
        return {}
    rows = ctx.sql(
        f"SELECT document_id, rowid + 2, source_file FROM {RAW_SCHEMA}.documents WHERE source_file IS NOT NULL"
    )
    return {d: (r, f) for d, r, f in rows}


def _uncovered(source: str, starts: np.ndarray, ends: np.ndarray) -> tuple[int, list[tuple[int, int]]]:
    """Uncovered characters of one source: (how many, one range per gap from its first to its last).

    The gaps' characters are joined and searched at once; only when a gap holds a non-blank character are
    they located (numpy) and the document's artefact mask computed."""
    import numpy as np

    size = len(source)
    ends = np.where(ends < 0, size, np.minimum(ends, size))
    keep = starts < ends
    starts, ends = starts[keep], ends[keep]
    text = "".join([source[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)])
    if not _NON_BLANK.search(text):
        return 0, []
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    at = np.flatnonzero(~np.isin(codes, _BLANK_CODES))
    lengths = ends - starts
    gap_of = np.searchsorted(np.cumsum(lengths), at, side="right")
    position = starts[gap_of] + (at - (np.cumsum(lengths) - lengths)[gap_of])
    mask = np.frombuffer(artefact_mask(source), dtype=np.uint8)
    real = mask[position] == 0
    position, gap_of = position[real], gap_of[real]
    if not len(position):
        return 0, []
    # within one gap, uncovered characters merge into one range across blanks and artefacts
    first = np.ones(len(gap_of), dtype=bool)
    first[1:] = gap_of[1:] != gap_of[:-1]
    last = np.ones(len(gap_of), dtype=bool)
    last[:-1] = gap_of[1:] != gap_of[:-1]
    ranges = list(zip(position[first].tolist(), (position[last] + 1).tolist(), strict=True))
    return len(position), ranges


def check_coverage(ctx: Context, found: Sources, arrays: SpanArrays) -> None:
    """Coverage of each source by ``arrays``, the spans provenance gathered, and the exclusions."""
    import numpy as np

    assert ctx.package is not None
    exclusions = read_exclusions(ctx, found.texts)
    if not found.texts:
        return
    unreadable = [r.get("name") for r in ctx.package.descriptor.get("resources", []) if r.get("name") not in ctx.loaded]
    if unreadable:
        ctx.report.skipped.append(f"coverage not checked: {', '.join(map(str, unreadable))} unreadable")
        return
    for document_id, spans in exclusions:
        arrays.add(document_id, parse_spans(spans))
    gaps = arrays.gaps()
    whole = (np.zeros(1, dtype=np.int64), np.full(1, -1, dtype=np.int64))
    documents = _document_rows(ctx)
    for document_id, source in sorted(found.texts.items()):
        uncovered_total, ranges = _uncovered(source, *gaps.get(document_id, whole))
        total = _nonblank_count(source)
        percent = 100.0 if total == 0 else round(100.0 * (total - uncovered_total) / total, 2)
        ctx.report.coverage[document_id] = {"covered": total - uncovered_total, "total": total, "percent": percent}
        row, source_file = documents.get(document_id, (None, None))
        for start, end in ranges:
            line = source.count("\n", 0, start) + 1
            ctx.problem(
                COVERAGE,
                COVERAGE.message(start=start, end=end, document_id=document_id, length=end - start, line=line),
                table_name="documents",
                file=source_file or "documents",
                row=row,
                column="source_file",
                value=excerpt(source[start:end], 40),
            )
