"""Ranked full-text search over paragraphs and recommendations, on the index of :mod:`hrdocs.search.index`.

The query is cut into terms as the texts were (:mod:`hrdocs.search.terms`). Each text sharing at least half of
the query's distinct terms is a hit, scored with BM25 (k1 = 1.2, b = 0.75) computed in SQL from the postings.
Hits come in three tiers, best first, then by score:

1. ``phrase``: the text contains every whitespace-separated part of the query as written (Latin letters
   compared without case, punctuation at a part's ends dropped) and all its terms: 拘留儿童 finds the texts
   containing 拘留儿童.
2. ``all terms``: every term is there, but not as the phrase (拘留 ... 儿童, or 留儿 elsewhere).
3. ``some terms``: at least half of the distinct terms.

All user text reaches DuckDB as bound parameters; the SQL only ever holds placeholders.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hrdocs.errors import HrdocsError
from hrdocs.search.terms import han_query_terms, han_runs, single_character_range, word_terms_sql

if TYPE_CHECKING:
    import duckdb

#: longest query accepted, in characters
MAX_QUERY_CHARS = 200
#: most hits one search returns
MAX_LIMIT = 10_000
#: characters of context shown around the first highlight
SNIPPET_CHARS = 90
#: BM25 parameters
K1 = 1.2
B = 0.75
#: match tiers, best first
TIERS: tuple[str, ...] = ("phrase", "all terms", "some terms")
TABLES: tuple[str, ...] = ("paragraphs", "recommendations")
#: punctuation at either end of a query part, not required in the text: “防火墙” finds 防火墙
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
#: markers around highlighted text in a snippet
MARK_OPEN, MARK_CLOSE = "«", "»"


@dataclass(frozen=True)
class Hit:
    """One text found: its ids (for `hrdocs show` and SQL), how it matched, and a highlighted snippet."""

    table: str  # paragraphs | recommendations
    id: str  # paragraph_id or recommendation_id
    document_id: str
    paragraph_id: str  # the paragraph itself, or the paragraph a recommendation's text appears in
    kind: str  # the paragraph's kind, or 'recommendation'
    match: str  # one of TIERS
    score: float
    #: the snippet as (text, highlighted) pieces
    pieces: tuple[tuple[str, bool], ...] = field(default=(), repr=False)

    @property
    def snippet(self) -> str:
        """The snippet with highlighted text between « and »."""
        return "".join(f"{MARK_OPEN}{t}{MARK_CLOSE}" if marked else t for t, marked in self.pieces)

    def as_dict(self) -> dict[str, object]:
        return {
            "table": self.table,
            "id": self.id,
            "document_id": self.document_id,
            "paragraph_id": self.paragraph_id,
            "kind": self.kind,
            "match": self.match,
            "score": round(self.score, 4),
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class Query:
    """A query cut into terms: what to look up, and what to verify and highlight."""

    text: str
    parts: tuple[str, ...]  # whitespace-separated parts, verified as written
    #: (label, kind, values, weight): kind 'bigram' (values: (term,)), 'char' (values: (lo, hi, char)),
    #: 'word' (values: (word,)); weight = times the term occurs in the query
    terms: tuple[tuple[str, str, tuple[object, ...], int], ...]
    highlights: tuple[str, ...]  # strings to highlight when the phrase itself is not there


def parse_query(con: duckdb.DuckDBPyConnection, text: str) -> Query:
    """Cut ``text`` into terms; refuse an empty, too long or termless query with a one-line error."""
    stripped = " ".join(text.split())
    if not stripped:
        raise HrdocsError("search text is empty: give some Chinese characters, letters or digits to look for")
    if len(stripped) > MAX_QUERY_CHARS:
        raise HrdocsError(f"search text is {len(stripped)} characters long; the limit is {MAX_QUERY_CHARS}")
    counts: Counter[tuple[str, str, tuple[object, ...]]] = Counter()
    highlights: list[str] = []
    for run in han_runs(stripped):
        if len(run) == 1:
            lo, hi = single_character_range(run)
            counts[(run, "char", (lo, hi, ord(run)))] += 1
            highlights.append(run)
        else:
            for pair, term in zip(_pairs(run), han_query_terms(run), strict=True):
                counts[(pair, "bigram", (term,))] += 1
                highlights.append(pair)
    (words,) = con.execute(f"SELECT {word_terms_sql('?')}", [stripped]).fetchall()[0]
    for word in words:
        counts[(word, "word", (word,))] += 1
        highlights.append(word)
    if not counts:
        raise HrdocsError(f"search text {stripped!r} has no Chinese characters, letters or digits to look for")
    terms = tuple((label, kind, values, n) for (label, kind, values), n in counts.items())
    parts = tuple(p for p in (_EDGE_PUNCTUATION.sub("", part) for part in stripped.split(" ")) if p)
    return Query(stripped, parts, terms, tuple(dict.fromkeys(highlights)))


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _postings_sql(query: Query) -> tuple[str, list[object]]:
    """One UNION ALL branch per term, each with a constant filter the zone maps can use."""
    branches: list[str] = []
    params: list[object] = []
    for i, (_label, kind, values, weight) in enumerate(query.terms):
        if kind == "bigram":
            branches.append("SELECT ? AS qt, ? AS qtf, doc_key FROM search_postings WHERE term = ?")
            params += [i, weight, values[0]]
        elif kind == "char":
            lo, hi, char = values
            branches.append("SELECT ? AS qt, ? AS qtf, doc_key FROM search_postings WHERE term BETWEEN ? AND ?")
            branches.append("SELECT ? AS qt, ? AS qtf, doc_key FROM search_postings WHERE term = ?")
            params += [i, weight, lo, hi, i, weight, char]
        else:
            branches.append("SELECT ? AS qt, ? AS qtf, doc_key FROM search_words WHERE term = ?")
            params += [i, weight, values[0]]
    return "\nUNION ALL\n".join(branches), params


def search(
    con: duckdb.DuckDBPyConnection,
    text: str,
    *,
    document: str | None = None,
    kind: str | None = None,
    table: str | None = None,
    limit: int = 20,
    exact: bool = False,
) -> list[Hit]:
    """The best ``limit`` hits for ``text``: phrase matches first, then all terms, then some; BM25 within each.

    ``document``, ``kind`` (a paragraph kind, or 'recommendation') and ``table`` (paragraphs or
    recommendations) keep only the texts that have them; ``exact`` keeps only phrase matches.
    """
    if table is not None and table not in TABLES:
        raise HrdocsError(f"unknown table {table!r}: search covers {' and '.join(TABLES)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise HrdocsError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    query = parse_query(con, text)
    if document is not None:
        _check_document(con, document)
    postings, params = _postings_sql(query)
    n_terms = len(query.terms)
    min_matched = n_terms if exact else max(1, math.ceil(n_terms / 2))
    sql = f"""
        WITH hits AS ({postings}),
        per_term AS (SELECT qt, any_value(qtf) AS qtf, doc_key, count(*) AS tf FROM hits GROUP BY qt, doc_key),
        df AS (SELECT qt, count(*) AS df FROM per_term GROUP BY qt),
        scored AS (
            SELECT p.doc_key,
                   sum(p.qtf * ln(1 + (s.documents - df.df + 0.5) / (df.df + 0.5))
                       * p.tf * ({K1} + 1)
                       / (p.tf + {K1} * (1 - {B} + {B} * d.length / greatest(s.average_length, 1)))) AS score,
                   count(*) AS matched
            FROM per_term p JOIN df USING (qt) JOIN search_docs d USING (doc_key) CROSS JOIN search_stats s
            WHERE (?::VARCHAR IS NULL OR d.document_id = ?)
              AND (?::VARCHAR IS NULL OR d.kind = ?)
              AND (?::VARCHAR IS NULL OR d."table" = ?)
            GROUP BY p.doc_key
            HAVING count(*) >= ?
        ),
        candidates AS (
            SELECT c.doc_key, c.score, c.matched, d."table", d.id, d.document_id, d.kind
            FROM scored c JOIN search_docs d USING (doc_key)
        ),
        texts AS (
            SELECT c.*, coalesce(p.text, r.text) AS text, coalesce(p.paragraph_id, r.paragraph_id) AS paragraph_id
            FROM candidates c
            LEFT JOIN paragraphs p ON c."table" = 'paragraphs' AND p.paragraph_id = c.id
            LEFT JOIN recommendations r ON c."table" = 'recommendations' AND r.recommendation_id = c.id
        ),
        tiered AS (
            SELECT *,
                   CASE WHEN matched < ? THEN 2
                        WHEN list_bool_and(list_transform(?::VARCHAR[], lambda q: contains(lower(text), lower(q))))
                        THEN 0 ELSE 1 END AS tier
            FROM texts
        )
        SELECT "table", id, document_id, paragraph_id, kind, tier, score, text
        FROM tiered
        WHERE tier <= ?
        ORDER BY tier, score DESC, doc_key
        LIMIT ?
    """
    params += [document, document, kind, kind, table, table, min_matched]
    params += [n_terms, list(query.parts), 0 if exact else 2, limit]
    rows = con.execute(sql, params).fetchall()
    return [
        Hit(t, i, doc, para, k, TIERS[tier], float(score), _snippet(txt, query, tier == 0))
        for t, i, doc, para, k, tier, score, txt in rows
    ]


def _check_document(con: duckdb.DuckDBPyConnection, document: str) -> None:
    (found,) = con.execute("SELECT count(*) FROM documents WHERE document_id = ?", [document]).fetchall()[0]
    if not found:
        raise HrdocsError(f'unknown document {document!r}: see `hrdocs query "SELECT document_id FROM documents"`')


def _snippet(text: str, query: Query, phrase: bool) -> tuple[tuple[str, bool], ...]:
    """The text around the first highlight, as (text, highlighted) pieces."""
    needles = query.parts if phrase else query.highlights
    spans: list[tuple[int, int]] = []
    for needle in needles:
        for m in re.finditer(re.escape(needle), text, re.IGNORECASE):
            if phrase or not (_in_word(text, m.start() - 1) or _in_word(text, m.end())):
                spans.append((m.start(), m.end()))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    first = merged[0][0] if merged else 0
    lo = max(0, min(first - SNIPPET_CHARS // 3, len(text) - SNIPPET_CHARS))
    hi = min(len(text), lo + SNIPPET_CHARS)
    pieces: list[tuple[str, bool]] = [("…", False)] if lo > 0 else []
    pos = lo
    for start, end in merged:
        if end <= lo or start >= hi:
            continue
        start, end = max(start, lo), min(end, hi)
        if start > pos:
            pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    if pos < hi:
        pieces.append((text[pos:hi], False))
    if hi < len(text):
        pieces.append(("…", False))
    return tuple(pieces)


def _in_word(text: str, i: int) -> bool:
    """Whether text[i] is a letter or digit of a word (not a Chinese character): highlights stop at words' ends."""
    return 0 <= i < len(text) and text[i].isalnum() and not han_runs(text[i])
