"""The full-text search index: plain DuckDB tables inside the database it searches.

DuckDB's `fts` extension is not available for DuckDB 2.0, and it would index an unsegmented Chinese sentence as
one token anyway. So the index is built here, from ``paragraphs`` and ``recommendations``, with the terms of
:mod:`hrdocs.search.terms` (Chinese bigrams and characters, English word lemmas), one index for both languages:

- ``search_docs``: one row per searchable text, with a dense integer ``doc_key`` (paragraphs then
  recommendations, each by id), its table, id, document, kind (``recommendation`` for recommendations) and
  length in terms (Chinese terms and words together). Texts stay in their tables: a query reads the few it
  shows by primary key.
- ``search_postings``: ``(term BIGINT, doc_key INTEGER, w FLOAT)``, one row per Chinese term and text, sorted
  by term then doc_key, so that DuckDB's min/max zone maps skip all but the row groups holding a query's terms.
  ``w`` is the term's BM25 weight in the text without idf, from tf (its occurrences in the text):
  ``tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average_length))``, k1 = 1.2, b = 0.75: a query adds up
  ``idf * w`` and never joins the text lengths.
- ``search_words``: the same for words (``term VARCHAR``: the lemma, :func:`hrdocs.search.terms.lemma`), sorted
  by term then doc_key.
- ``search_forms``: ``(term, form)``: every lower-cased word form seen in the texts and its lemma (women ->
  woman), sorted; a query reads the forms of its lemmas to check a phrase and to highlight.
- ``search_stats``: number of texts and their average length.

Chinese terms are computed with numpy over the texts' code points and sorted as 64-bit keys (term, doc_key):
one character is one term, so at a million paragraphs the index holds about 150 million postings, and a
vectorised sort is several times faster than DuckDB's list lambdas and ORDER BY (measured once each on one
100,000-paragraph table: 8 s against 27 s). Words are cut in Python by :func:`hrdocs.search.terms.words` and
:func:`~hrdocs.search.terms.lemma` (cached per form), only in the texts that have a character that may belong to
one, and sorted the same way, as 64-bit keys (rank of the lemma in sorted order, doc_key).

Every step is ordered, so the same tables give the same index. Queries need no extension and no setting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrdocs.search.terms import BIGRAM_BASE, HAN_RANGES, lemma, pair_term, word_runs

if TYPE_CHECKING:
    import duckdb
    import numpy as np
    import pyarrow as pa

#: the tables this module creates
INDEX_TABLES: tuple[str, ...] = (
    "search_docs",
    "search_postings",
    "search_words",
    "search_pairs",
    "search_forms",
    "search_stats",
)

#: BM25 parameters
K1 = 1.2
B = 0.75
#: texts decoded per batch
BATCH_ROWS = 20_000
#: postings written to DuckDB per insert
WRITE_ROWS = 8_000_000
#: doc_key bits in a sort key (term in the bits above): up to 2**27 - 1 texts
DOC_BITS = 27

#: code point ranges that can never be part of a word: ASCII punctuation and controls, general punctuation,
#: CJK punctuation, fullwidth punctuation (a text with only these and Chinese characters has no words)
_NOT_WORD_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x2F),
    (0x3A, 0x40),
    (0x5B, 0x60),
    (0x7B, 0x7F),
    (0x2000, 0x206F),
    (0x3000, 0x3004),
    (0x3008, 0x3020),
    (0xFF01, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
)

_SOURCES = """
    SELECT 'paragraphs' AS t, paragraph_id AS id, document_id, kind, text FROM paragraphs
    UNION ALL
    SELECT 'recommendations', recommendation_id, document_id, 'recommendation', text FROM recommendations
"""


_HAN, _NOT_WORD, _MAYBE_WORD = 1, 2, 0
_CLASSES: np.ndarray | None = None


def _classes() -> np.ndarray:
    """The class of every code point of the Basic Multilingual Plane: Chinese, never in a word, maybe in one."""
    global _CLASSES
    if _CLASSES is None:
        import numpy as np

        table = np.full(0x10000, _MAYBE_WORD, dtype=np.uint8)
        for lo, hi in _NOT_WORD_RANGES:
            table[lo : hi + 1] = _NOT_WORD
        for lo, hi in HAN_RANGES:
            if lo <= 0xFFFF:
                table[lo : min(hi, 0xFFFF) + 1] = _HAN
        _CLASSES = table
    return _CLASSES


def _batch_terms(texts: pa.Array, first_doc: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For a batch of texts with doc_keys from ``first_doc``: the sort keys (term << DOC_BITS | doc_key) of their
    Chinese terms, the number of terms per text, and the doc_keys of the texts that may hold words."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    array = texts if texts.type in (pa.string(), pa.large_string()) else texts.cast(pa.large_string())
    n = len(array)
    lengths = pc.utf8_length(array).to_numpy(zero_copy_only=False)
    offset_type = np.int64 if array.type == pa.large_string() else np.int32
    offsets = np.frombuffer(array.buffers()[1], dtype=offset_type)[array.offset : array.offset + n + 1]
    data = str(memoryview(array.buffers()[2])[offsets[0] : offsets[-1]], "utf-8")
    codes = np.frombuffer(data.encode("utf-32-le"), dtype=np.uint32)
    cls = _classes()[np.minimum(codes, 0xFFFF)]
    astral = np.flatnonzero(codes > 0xFFFF)
    if len(astral):
        cls[astral] = np.where(_in_han_ranges(codes[astral]), _HAN, _MAYBE_WORD)
    han = cls == _HAN
    doc = np.repeat(np.arange(first_doc, first_doc + n, dtype=np.int64), lengths)
    next_han = np.zeros_like(han)
    next_han[:-1] = han[1:]
    ends = np.cumsum(lengths) - 1
    next_han[ends[lengths > 0]] = False  # a run ends with its text
    positions = np.flatnonzero(han)
    doc_at = doc[positions]
    first = codes[positions].astype(np.int64)
    second = codes[np.minimum(positions + 1, len(codes) - 1)]
    term = np.where(next_han[positions], first * BIGRAM_BASE + second, first)
    keys = (term << DOC_BITS) | doc_at
    per_text = np.bincount(doc_at - first_doc, minlength=n)
    word_docs = np.unique(doc[cls == _MAYBE_WORD])
    return keys, per_text, word_docs


def _in_han_ranges(codes: np.ndarray) -> np.ndarray:
    import numpy as np

    mask = np.zeros(len(codes), dtype=bool)
    for lo, hi in HAN_RANGES:
        mask |= (codes >= lo) & (codes <= hi)
    return mask


def create_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) the search index tables from the loaded ``paragraphs`` and ``recommendations``."""
    import numpy as np
    import pyarrow as pa

    for table in INDEX_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    ((n_docs, n_chars),) = con.execute(f"SELECT count(*), coalesce(sum(length(text)), 0) FROM ({_SOURCES})").fetchall()
    if n_docs >= 1 << DOC_BITS:
        raise ValueError(f"the search index holds at most {(1 << DOC_BITS) - 1} texts, not {n_docs}")

    # Chinese terms of every text, as sort keys; terms per text; texts that may hold words
    keys = np.empty(n_chars, dtype=np.int64)
    lengths = np.zeros(n_docs + 1, dtype=np.int64)
    word_docs: list[np.ndarray] = [np.empty(0, dtype=np.int64)]
    filled, next_doc = 0, 1
    reader = con.sql(f"SELECT text FROM ({_SOURCES}) ORDER BY t, id").to_arrow_reader(BATCH_ROWS)
    for batch in reader:
        batch_keys, per_text, maybe = _batch_terms(batch.column(0), next_doc)
        keys[filled : filled + len(batch_keys)] = batch_keys
        filled += len(batch_keys)
        lengths[next_doc : next_doc + batch.num_rows] = per_text
        word_docs.append(maybe)
        next_doc += batch.num_rows
    keys = keys[:filled]

    # words (lemmas), cut by hrdocs.search.terms in the texts that may hold one
    word_keys, word_lemmas, forms, pair_keys, pairs = _word_keys(con, np.unique(np.concatenate(word_docs)))
    lengths += np.bincount(word_keys & ((1 << DOC_BITS) - 1), minlength=n_docs + 1)

    # texts: ids, kinds, length in terms
    con.register("search_lengths", pa.table({"doc_key": np.arange(n_docs + 1, dtype=np.int32), "n": lengths}))
    con.execute(
        f"""
        CREATE TABLE search_docs AS
        SELECT s.doc_key, s.t AS "table", s.id, s.document_id, s.kind, l.n::INTEGER AS length
        FROM (SELECT row_number() OVER (ORDER BY t, id)::INTEGER AS doc_key, t, id, document_id, kind
              FROM ({_SOURCES})) s
        JOIN search_lengths l USING (doc_key)
        ORDER BY s.doc_key
        """
    )
    con.unregister("search_lengths")
    con.execute(
        """
        CREATE TABLE search_stats AS
        SELECT count(*)::BIGINT AS documents, coalesce(avg(length), 0)::DOUBLE AS average_length
        FROM search_docs
        """
    )
    ((average,),) = con.execute("SELECT average_length FROM search_stats").fetchall()
    #: BM25's length normalisation of each text
    norm = K1 * (1 - B + B * lengths / max(average, 1.0))

    # Chinese postings: sorted, one row per (term, text) with its BM25 weight (from tf, its number of occurrences)
    keys.sort()
    con.execute("CREATE TABLE search_postings (term BIGINT, doc_key INTEGER, w FLOAT)")
    mask = (1 << DOC_BITS) - 1
    start = 0
    while start < filled:
        end = min(start + WRITE_ROWS, filled)
        if end < filled:  # keep every occurrence of a (term, text) in one chunk
            end = start + int(np.searchsorted(keys[start:], keys[end - 1], side="right"))
        chunk = keys[start:end]
        first = np.flatnonzero(np.r_[True, chunk[1:] != chunk[:-1]])
        tf = np.diff(np.r_[first, len(chunk)])
        unique = chunk[first]
        doc = unique & mask
        arrow = pa.table(
            {
                "term": unique >> DOC_BITS,
                "doc_key": doc.astype(np.int32),
                "w": (tf * (K1 + 1) / (tf + norm[doc])).astype(np.float32),
            }
        )
        con.register("search_postings_chunk", arrow)
        con.execute("INSERT INTO search_postings SELECT * FROM search_postings_chunk")
        con.unregister("search_postings_chunk")
        start = end
    del keys

    # word postings: the same, terms sorted as strings (the rank of each lemma in sorted order)
    word_keys.sort()
    con.execute("CREATE TABLE search_words (term VARCHAR, doc_key INTEGER, w FLOAT)")
    if len(word_keys):
        first = np.flatnonzero(np.r_[True, word_keys[1:] != word_keys[:-1]])
        tf = np.diff(np.r_[first, len(word_keys)])
        unique = word_keys[first]
        doc = unique & mask
        arrow = pa.table(
            {
                "term": pa.array(word_lemmas, pa.string()).take(pa.array(unique >> DOC_BITS)),
                "doc_key": doc.astype(np.int32),
                "w": (tf * (K1 + 1) / (tf + norm[doc])).astype(np.float32),
            }
        )
        con.register("search_words_chunk", arrow)
        con.execute("INSERT INTO search_words SELECT * FROM search_words_chunk")
        con.unregister("search_words_chunk")
    del word_keys

    # pairs of adjacent words: one row per pair and text, sorted (no weight: a phrase's filter, not ranked)
    con.execute("CREATE TABLE search_pairs (term VARCHAR, doc_key INTEGER)")
    if len(pair_keys):
        pair_keys = np.unique(pair_keys)
        arrow = pa.table(
            {
                "term": pa.array(pairs, pa.string()).take(pa.array(pair_keys >> DOC_BITS)),
                "doc_key": (pair_keys & mask).astype(np.int32),
            }
        )
        con.register("search_pairs_chunk", arrow)
        con.execute("INSERT INTO search_pairs SELECT * FROM search_pairs_chunk")
        con.unregister("search_pairs_chunk")
    del pair_keys

    # every word form seen, with its term: what a phrase check and a highlight look for
    con.register("search_forms_arrow", pa.table({"term": [f[1] for f in forms], "form": [f[0] for f in forms]}))
    con.execute("CREATE TABLE search_forms AS SELECT term, form FROM search_forms_arrow ORDER BY term, form")
    con.unregister("search_forms_arrow")


def _word_keys(
    con: duckdb.DuckDBPyConnection, doc_keys: np.ndarray
) -> tuple[np.ndarray, list[str], list[tuple[str, str]], np.ndarray, list[str]]:
    """For the texts ``doc_keys``: the sort keys (lemma rank << DOC_BITS | doc_key) of their word terms, one per
    occurrence; the lemmas in sorted order (the ranks); every (form, lemma) seen, sorted; and the same keys and
    sorted terms for the pairs of adjacent words (:func:`hrdocs.search.terms.word_pairs`)."""
    import numpy as np
    import pyarrow as pa

    ids: dict[str, int] = {}  # form -> lemma id (in order of first sight)
    lemma_ids: dict[str, int] = {}
    pair_ids: dict[tuple[int, int], int] = {}  # (lemma id, lemma id) -> pair id (in order of first sight)
    chunks: list[np.ndarray] = []
    docs: list[np.ndarray] = []
    pair_chunks: list[np.ndarray] = []
    pair_docs: list[np.ndarray] = []
    con.register("search_word_candidates", pa.table({"doc_key": doc_keys.astype(np.int32)}))
    reader = con.sql(
        f"""SELECT s.doc_key, s.text
            FROM (SELECT row_number() OVER (ORDER BY t, id)::INTEGER AS doc_key, text FROM ({_SOURCES})) s
            SEMI JOIN search_word_candidates c ON c.doc_key = s.doc_key
            ORDER BY s.doc_key"""
    ).to_arrow_reader(BATCH_ROWS)
    for batch in reader:
        found: list[int] = []
        counts: list[int] = []
        pairs_found: list[int] = []
        pair_counts: list[int] = []
        for text in batch.column(1).to_pylist():
            n = n_pairs = 0
            for run in word_runs(text):
                previous = -1
                for form in run:
                    i = ids.get(form)
                    if i is None:
                        i = ids[form] = lemma_ids.setdefault(lemma(form), len(lemma_ids))
                    found.append(i)
                    if previous >= 0:
                        pairs_found.append(pair_ids.setdefault((previous, i), len(pair_ids)))
                        n_pairs += 1
                    previous = i
                n += len(run)
            counts.append(n)
            pair_counts.append(n_pairs)
        keys_of_batch = batch.column(0).to_numpy().astype(np.int64)
        chunks.append(np.array(found, dtype=np.int64))
        docs.append(np.repeat(keys_of_batch, counts))
        pair_chunks.append(np.array(pairs_found, dtype=np.int64))
        pair_docs.append(np.repeat(keys_of_batch, pair_counts))
    con.unregister("search_word_candidates")
    lemmas = sorted(lemma_ids)
    rank = np.empty(len(lemmas), dtype=np.int64)
    for r, name in enumerate(lemmas):
        rank[lemma_ids[name]] = r
    found_ids = np.concatenate(chunks) if chunks else np.empty(0, dtype=np.int64)
    keys = (rank[found_ids] << DOC_BITS) | (np.concatenate(docs) if docs else np.empty(0, dtype=np.int64))
    forms_seen = sorted((form, lemmas[rank[i]]) for form, i in ids.items())
    by_id = list(lemma_ids)  # lemma id -> lemma
    pair_names = [pair_term(by_id[a], by_id[b]) for a, b in pair_ids]
    pairs = sorted(set(pair_names))
    pair_rank = {name: r for r, name in enumerate(pairs)}
    pair_rank_of_id = np.array([pair_rank[name] for name in pair_names], dtype=np.int64)
    found_pairs = np.concatenate(pair_chunks) if pair_chunks else np.empty(0, dtype=np.int64)
    pair_keys = (pair_rank_of_id[found_pairs] << DOC_BITS) | (
        np.concatenate(pair_docs) if pair_docs else np.empty(0, dtype=np.int64)
    )
    return keys, lemmas, forms_seen, pair_keys, pairs
