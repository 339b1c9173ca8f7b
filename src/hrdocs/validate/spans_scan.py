"""One scan of every spans field, shared by provenance and coverage.

Provenance reads each row's document, spans and text once (``scan_spans``); as it goes, every well-formed span
is gathered into numpy arrays (``SpanArrays``: document code, start, end), which provenance hands to coverage to
merge into covered intervals without reading the tables again. With --document, only the document's rows.
Single spans are split into integers by DuckDB, in parallel; only the rare rows with several spans are parsed in
Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hrdocs.metadata.duckdb_schema import sql_string
from hrdocs.text.spans import SpanError, parse_spans
from hrdocs.validate.context import Context
from hrdocs.validate.spans_fields import SpansField, rows_sql, spans_fields

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

BATCH_ROWS = 50_000


def _as_numpy(array: pa.Array) -> np.ndarray:
    """An Arrow integer array without nulls as a numpy view of its buffer (pyarrow's own to_numpy and compute
    functions import pandas, about half a second)."""
    import numpy as np

    width = array.type.bit_width // 8
    return np.frombuffer(array.buffers()[1], dtype=f"<i{width}", count=len(array), offset=array.offset * width)


@dataclass
class SpanArrays:
    """Every well-formed span (start < end) of every spans field, by document."""

    #: code -> document_id
    documents: list[str] = field(default_factory=list)
    codes: dict[str, int] = field(default_factory=dict)
    _doc: list[np.ndarray] = field(default_factory=list)
    _start: list[np.ndarray] = field(default_factory=list)
    _end: list[np.ndarray] = field(default_factory=list)
    #: fields whose rows could not be scanned (their document is unknowable)
    skipped: list[SpansField] = field(default_factory=list)

    def code(self, document_id: str) -> int:
        found = self.codes.get(document_id)
        if found is None:
            found = self.codes[document_id] = len(self.documents)
            self.documents.append(document_id)
        return found

    def add_batch(self, batch: pa.RecordBatch) -> None:
        """Gather the spans of one scanned batch (columns document_id, spans, st, en; none of them null but spans,
        st and en are -1 when not one span)."""
        import numpy as np

        encoded = batch.column("document_id").dictionary_encode()
        if len(encoded.dictionary) == 0:
            return
        local = np.array([self.code(d) for d in encoded.dictionary.to_pylist()], dtype=np.int32)
        indices = _as_numpy(encoded.indices)
        st = _as_numpy(batch.column("st"))
        en = _as_numpy(batch.column("en"))
        single = (indices >= 0) & (st >= 0) & (en > st)
        self._append(local[indices[single]], st[single], en[single])
        # several spans in one value: DuckDB left st null; parse these few rows here
        several = np.flatnonzero((indices >= 0) & (st < 0))
        if len(several):
            spans_col = batch.column("spans")
            docs, starts, ends = [], [], []
            for i in several.tolist():
                try:
                    parsed = parse_spans(spans_col[i].as_py())
                except SpanError:
                    continue  # reported by the column checks (the field's pattern) or by provenance
                for a, b in parsed:
                    docs.append(local[indices[i]])
                    starts.append(a)
                    ends.append(b)
            self._append(np.array(docs, dtype=np.int32), np.array(starts), np.array(ends))

    def add(self, document_id: str, spans: list[tuple[int, int]]) -> None:
        import numpy as np

        code = self.code(document_id)
        self._append(
            np.full(len(spans), code, dtype=np.int32),
            np.array([a for a, _ in spans], dtype=np.int64),
            np.array([b for _, b in spans], dtype=np.int64),
        )

    def _append(self, doc: np.ndarray, start: np.ndarray, end: np.ndarray) -> None:
        if len(doc):
            self._doc.append(doc)
            self._start.append(start.astype("int64", copy=False))
            self._end.append(end.astype("int64", copy=False))

    def gaps(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """document_id -> (starts, ends) of the intervals no span covers, in order; the last gap of a document
        ends at -1, meaning the end of its source."""
        import numpy as np

        if not self._doc:
            return {}
        doc = np.concatenate(self._doc)
        start = np.concatenate(self._start)
        end = np.concatenate(self._end)
        # sorted by document and start (the order of equal starts does not change the gaps); a stable sort of
        # one integer key is quick on spans that arrive mostly in order. Offsetting by the document times a
        # bound larger than any end also lets one running maximum restart at every document.
        bound = int(max(end.max(), start.max())) + 1
        order = np.argsort(doc.astype(np.int64) * bound + start, kind="stable")
        doc, start, end = doc[order], start[order], end[order]
        reach = np.maximum.accumulate(doc.astype(np.int64) * bound + end) - doc.astype(np.int64) * bound
        first = np.ones(len(doc), dtype=bool)
        first[1:] = doc[1:] != doc[:-1]
        previous = np.empty_like(reach)
        previous[0] = 0
        previous[1:] = reach[:-1]
        previous[first] = 0
        open_gap = start > previous
        last = np.ones(len(doc), dtype=bool)
        last[:-1] = doc[1:] != doc[:-1]
        gap_doc = np.concatenate([doc[open_gap], doc[last]])
        gap_start = np.concatenate([previous[open_gap], reach[last]])
        gap_end = np.concatenate([start[open_gap], np.full(int(last.sum()), -1, dtype=np.int64)])
        order = np.lexsort((gap_start, gap_doc))
        gap_doc, gap_start, gap_end = gap_doc[order], gap_start[order], gap_end[order]
        bounds = np.flatnonzero(np.diff(gap_doc)) + 1
        found = {}
        for part_doc, part_start, part_end in zip(
            np.split(gap_doc, bounds), np.split(gap_start, bounds), np.split(gap_end, bounds), strict=True
        ):
            found[self.documents[int(part_doc[0])]] = (part_start, part_end)
        return found


def scan_sql(ctx: Context, sf: SpansField) -> str | None:
    """row, document_id, spans, text, st, en of every row with spans and a document; None when unknowable."""
    query = rows_sql(ctx, sf)
    if query is None:
        return None
    only = "" if ctx.scope is None else f" AND document_id = {sql_string(ctx.scope.document_id)}"
    return (
        f"SELECT row, document_id, spans, text, "
        f"coalesce(CASE WHEN NOT contains(spans, ';') THEN TRY_CAST(split_part(spans, '-', 1) AS BIGINT) END, -1) "
        f"AS st, "
        f"coalesce(CASE WHEN NOT contains(spans, ';') THEN TRY_CAST(split_part(spans, '-', 2) AS BIGINT) END, -1) "
        f"AS en "
        f"FROM ({query}) WHERE spans IS NOT NULL AND document_id IS NOT NULL{only}"
    )


def scan_spans(ctx: Context, arrays: SpanArrays) -> Iterator[tuple[SpansField, pa.RecordBatch]]:
    """Every spans field's rows in batches (no ORDER BY: rows carry their number), gathering their spans into
    ``arrays`` as they pass."""
    for sf in spans_fields(ctx):
        query = scan_sql(ctx, sf)
        if query is None:
            arrays.skipped.append(sf)
            continue
        for batch in ctx.cursor().sql(query).to_arrow_reader(BATCH_ROWS):
            arrays.add_batch(batch)
            yield sf, batch
