"""Ranked full-text search over paragraphs and recommendations, on the index of :mod:`hrdocs.search.index`.

The query is cut into terms as the texts were (:mod:`hrdocs.search.terms`). Hits come in three tiers, best
first, each ranked by BM25 (the sum of idf times the precomputed weight of each query term in the text):

1. ``phrase``: the text contains every whitespace-separated part of the query as written (Latin letters
   compared without case, white space ignored in parts that are not only Chinese characters, punctuation at
   a part's ends dropped) and all its terms:
   拘留儿童 finds the texts containing 拘留儿童, COVID-19疫情 those containing COVID-19 疫情.
2. ``all terms``: every term is there, but not as the phrase (拘留 ... 儿童, or 留儿 elsewhere).
3. ``some terms``: at least half of the distinct terms, only looked for when the first two tiers hold fewer
   than ``limit`` hits.

How it stays fast at a million paragraphs: the document frequency of each term is counted first; texts
holding all terms are drawn from the rarest term's postings; they are ranked on the postings alone and only
the best ``2 * limit`` (at least 20) texts are read, by primary key, to tell phrase from all-terms matches (all of
them when those hold fewer than ``limit`` phrase matches). A query that is its own single term (正规 or
levoy) needs no reading at all. Some-terms candidates come from the texts holding one of the
``n - ceil(n/2) + 1`` rarest terms (every such text holds one of them).

All user text reaches DuckDB as bound parameters; the SQL only ever holds placeholders.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from hrdocs.errors import HrdocsError
from hrdocs.search.index import K1, B  # noqa: F401  (BM25 parameters, for readers)
from hrdocs.search.terms import (
    han_query_terms,
    han_runs,
    lemma,
    pair_term,
    phrase_pattern,
    single_character_range,
    words,
)

if TYPE_CHECKING:
    import duckdb

#: longest query accepted, in characters
MAX_QUERY_CHARS = 200
#: most hits one search returns
MAX_LIMIT = 10_000
#: most texts holding all terms checked for the phrase one by one; beyond, one SQL pass checks them all
MAX_WINDOW = 160
#: characters of context shown around the first highlight
SNIPPET_CHARS = 90
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
    #: the word phrases: each run of parts without Chinese characters, as the forms of each of its words (every
    #: form of the word's lemma that the index has seen, and the word as typed)
    runs: tuple[tuple[tuple[str, ...], ...], ...] = ()
    #: the pairs of adjacent words of the word phrases (terms of ``search_pairs``): a phrase hit holds them all
    pairs: tuple[str, ...] = ()

    @property
    def phrase_parts(self) -> tuple[list[str], list[str]]:
        """The parts with Chinese characters a phrase match contains: Chinese-only parts exactly; the others
        lower-cased and without white space, to be found in the lower-cased text without white space
        (COVID-19疫情 in COVID-19 疫情). Parts without Chinese are checked as :meth:`phrase_patterns`."""
        exact = [p for p in self.parts if han_runs(p) == [p]]
        loose = ["".join(p.lower().split()) for p in self.parts if han_runs(p) and han_runs(p) != [p]]
        return exact, loose

    def phrase_patterns(self, engine: str = "python") -> list[str]:
        """One regular expression per word phrase (:attr:`runs`), for the lower-cased text."""
        return [phrase_pattern([list(f) for f in run], engine) for run in self.runs]

    @property
    def self_verifying(self) -> bool:
        """A query of one part that is its one term (one or two Chinese characters, or one word): a text holding
        the term holds the query, so the texts need no reading to know it."""
        if len(self.parts) != 1 or len(self.terms) != 1:
            return False
        part = self.parts[0]
        return self.terms[0][0] == part if han_runs(part) else len(words(part)) == 1 and not han_runs(part)


def parse_query(con: duckdb.DuckDBPyConnection | None, text: str) -> Query:
    """Cut ``text`` into terms; refuse an empty, too long or termless query with a one-line error.

    Reads nothing (``con`` is not used: the CLI checks a query before it opens the database); a phrase's words
    are only their forms as typed until :func:`with_index_forms` adds the forms the index has seen."""
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
    typed = words(stripped)
    for word in typed:
        term = lemma(word)
        counts[(term, "word", (term,))] += 1
    if not counts:
        raise HrdocsError(f"search text {stripped!r} has no Chinese characters, letters or digits to look for")
    terms = tuple((label, kind, values, n) for (label, kind, values), n in counts.items())
    parts = tuple(p for p in (_EDGE_PUNCTUATION.sub("", part) for part in stripped.split(" ")) if p)
    query = Query(stripped, parts, terms, tuple(dict.fromkeys(highlights)))
    return _with_forms(query, {})


def with_index_forms(con: duckdb.DuckDBPyConnection, query: Query) -> Query:
    """``query`` with every form of its words' lemmas that the indexed texts hold (``search_forms``): what a
    phrase check accepts and a snippet highlights (woman: woman, women)."""
    lemmas = sorted({lemma(w) for w in words(query.text)})
    if not lemmas:
        return query
    placeholders = ", ".join("?" for _ in lemmas)
    rows = con.execute(f"SELECT term, form FROM search_forms WHERE term IN ({placeholders})", lemmas).fetchall()
    forms: dict[str, set[str]] = {}
    for term, form in rows:
        forms.setdefault(term, set()).add(form)
    return _with_forms(query, forms)


def _with_forms(query: Query, forms: dict[str, set[str]]) -> Query:
    """``query`` whose word phrases and highlights are the ``forms`` of its lemmas and the words as typed."""
    typed = words(query.text)
    for word in typed:
        forms.setdefault(lemma(word), set()).add(word)
    chinese = [h for h in query.highlights if han_runs(h)]
    latin = sorted({f for w in typed for f in forms[lemma(w)]}, key=lambda f: (-len(f), f))
    runs: list[list[str]] = []
    previous_latin = False
    for part in query.parts:
        is_latin = not han_runs(part)
        if is_latin:
            if not previous_latin:
                runs.append([])
            runs[-1] += words(part)
        previous_latin = is_latin
    pairs = [pair_term(lemma(a), lemma(b)) for run in runs for a, b in itertools.pairwise(run)]
    return replace(
        query,
        highlights=tuple(chinese + latin),
        runs=tuple(tuple(tuple(sorted(forms[lemma(w)])) for w in run) for run in runs if run),
        pairs=tuple(dict.fromkeys(pairs)),
    )


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _term_sql(kind: str, values: tuple[object, ...]) -> tuple[str, list[object]]:
    """SQL giving (doc_key, w) for one query term: its BM25 weight in every text holding it.

    Each filter is a constant on the sorted ``term`` column, so DuckDB's zone maps skip the other row groups.
    A single character is every term starting with it; its weight in a text is the largest of theirs. Each
    gives at most one row per text, so counting a text's rows counts the query terms it holds.
    """
    if kind == "bigram":
        return "SELECT doc_key, w FROM search_postings WHERE term = ?", [values[0]]
    if kind == "char":
        lo, hi, char = values
        return (
            "SELECT doc_key, max(w) AS w FROM search_postings WHERE term BETWEEN ? AND ? OR term = ? GROUP BY doc_key",
            [lo, hi, char],
        )
    return "SELECT doc_key, w FROM search_words WHERE term = ?", [values[0]]


_FILTERS = """(?::VARCHAR IS NULL OR d.document_id = ?) AND (?::VARCHAR IS NULL OR d.kind = ?)
              AND (?::VARCHAR IS NULL OR d."table" = ?)"""


@dataclass
class _Candidate:
    table: str
    id: str
    document_id: str
    kind: str
    score: float
    tier: int = 0


@dataclass(frozen=True)
class _Terms:
    """A query's terms as the index sees them: each term's postings query (SQL, parameters), its idf and its
    document frequency, by the term's position in the query."""

    sql: list[tuple[str, list[object]]]
    idf: list[float]
    df: dict[int, int]


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
    query = with_index_forms(con, parse_query(con, text))
    if document is not None:
        _check_document(con, document)
    filters = [document, document, kind, kind, table, table]
    terms = [_term_sql(kind_, values) for _label, kind_, values, _weight in query.terms]
    n_terms = len(terms)

    # document frequency and idf of each term
    df_sql = " UNION ALL ".join(f"SELECT {i} AS qt, count(*) AS df FROM ({sql})" for i, (sql, _) in enumerate(terms))
    df = dict(con.execute(df_sql, [p for _, params in terms for p in params]).fetchall())
    ((documents,),) = con.execute("SELECT documents FROM search_stats").fetchall()
    idf = [
        weight * math.log(1 + (documents - df[i] + 0.5) / (df[i] + 0.5))
        for i, (_l, _k, _v, weight) in enumerate(query.terms)
    ]

    indexed = _Terms(terms, idf, df)
    hits: list[_Candidate] = []
    if all(df[i] > 0 for i in range(n_terms)):
        hits = _all_terms(con, query, indexed, filters, limit)
        if exact:
            hits = [h for h in hits if h.tier == 0]
    if not exact and n_terms > 1 and len(hits) < limit:
        hits += _some_terms(con, indexed, filters, limit - len(hits))
    texts = _texts(con, hits)
    return [
        Hit(
            c.table,
            c.id,
            c.document_id,
            texts[(c.table, c.id)][1],
            c.kind,
            TIERS[c.tier],
            c.score,
            _snippet(texts[(c.table, c.id)][0], query, c.tier == 0),
        )
        for c in hits
    ]


def _scored_sql(
    terms: list[tuple[str, list[object]]], idf: list[float], within: tuple[str, list[object]] | None
) -> tuple[str, list[object]]:
    """UNION ALL of (qt, s, doc_key) over the terms, optionally only in the texts of the term ``within``."""
    branches: list[str] = []
    params: list[object] = []
    for i, (sql, term_params) in enumerate(terms):
        if within is None:
            branches.append(f"SELECT {i} AS qt, ? * w AS s, doc_key FROM ({sql})")
            params += [idf[i], *term_params]
        else:
            restrict = f"doc_key IN (SELECT doc_key FROM ({within[0]}))"
            branches.append(f"SELECT {i} AS qt, ? * w AS s, doc_key FROM ({sql}) WHERE {restrict}")
            params += [idf[i], *term_params, *within[1]]
    return " UNION ALL ".join(branches), params


def _ranked(
    con: duckdb.DuckDBPyConnection,
    scored: str,
    params: list,
    having: str,
    having_params: list,
    filters: list,
    limit: int | None,
) -> list[_Candidate]:
    """The texts passing ``having``, best score first, with their ids; filters applied before the limit."""
    if having_params == [1]:  # one term: one row per text already, nothing to add up
        aggregate, having_params = f"SELECT doc_key, s AS score FROM ({scored})", []
    else:
        aggregate = f"SELECT doc_key, sum(s) AS score FROM ({scored}) GROUP BY doc_key HAVING {having}"
    top = "ORDER BY a.score DESC, a.doc_key" + (" LIMIT ?" if limit is not None else "")
    if any(f is not None for f in filters):
        sql = f"""SELECT d."table", d.id, d.document_id, d.kind, a.score
                  FROM ({aggregate}) a JOIN search_docs d USING (doc_key) WHERE {_FILTERS} {top}"""
        args = [*params, *having_params, *filters]
    else:  # rank on the postings alone, then read the few texts' ids
        sql = f"""SELECT d."table", d.id, d.document_id, d.kind, a.score
                  FROM (SELECT * FROM ({aggregate}) a {top}) a JOIN search_docs d USING (doc_key)
                  ORDER BY a.score DESC, a.doc_key"""
        args = [*params, *having_params]
    rows = con.execute(sql, [*args, *([limit] if limit is not None else [])]).fetchall()
    return [_Candidate(t, i, doc, k, float(score)) for t, i, doc, k, score in rows]


def _all_terms(
    con: duckdb.DuckDBPyConnection, query: Query, indexed: _Terms, filters: list, limit: int
) -> list[_Candidate]:
    """Texts holding every term, from the rarest term's texts: phrase matches first (verified on the text)."""
    terms, idf, df = indexed.sql, indexed.idf, indexed.df
    rarest = min(range(len(terms)), key=lambda i: df[i])
    scored, params = _scored_sql(terms, idf, terms[rarest])
    having, having_params = "count(*) = ?", [len(terms)]
    if query.self_verifying:  # the text holds the query's one term: it holds the query
        return _ranked(con, scored, params, having, having_params, filters, limit)
    if query.pairs:
        return _all_terms_by_pairs(con, query, terms, idf, (scored, params), filters, limit)
    window = max(limit * 2, 20)
    tiers: dict[tuple[str, str], int] = {}
    while window <= MAX_WINDOW:  # widen the window until it holds `limit` phrase matches or every candidate
        found = _ranked(con, scored, params, having, having_params, filters, window)
        _verify(con, query, [c for c in found if (c.table, c.id) not in tiers], tiers)
        for c in found:
            c.tier = tiers[(c.table, c.id)]
        if len(found) < window or sum(c.tier == 0 for c in found) >= limit:
            found.sort(key=lambda c: c.tier)  # stable: score order within each tier
            return found[:limit]
        window *= 4
    return _ranked_with_phrase(con, query, scored, params, having_params, filters, limit)


def _all_terms_by_pairs(
    con: duckdb.DuckDBPyConnection,
    query: Query,
    terms: list[tuple[str, list[object]]],
    idf: list[float],
    everything: tuple[str, list[object]],
    filters: list,
    limit: int,
) -> list[_Candidate]:
    """For a query with a word phrase: phrase hits only among the texts holding every pair of its adjacent words
    (``search_pairs``), verified best first; then the best of the other texts holding all terms."""
    pool = (
        " INTERSECT ".join("SELECT doc_key FROM search_pairs WHERE term = ?" for _ in query.pairs),
        list(query.pairs),
    )
    scored, params = _scored_sql(terms, idf, pool)
    having, having_params = "count(*) = ?", [len(terms)]
    tiers: dict[tuple[str, str], int] = {}
    window = max(limit * 2, 20)
    while True:
        if window > MAX_WINDOW:  # every text of the pool in one SQL pass
            found = _ranked_with_phrase(con, query, scored, params, having_params, filters, limit)
            phrase = [c for c in found if c.tier == 0]
            break
        found = _ranked(con, scored, params, having, having_params, filters, window)
        _verify(con, query, [c for c in found if (c.table, c.id) not in tiers], tiers)
        phrase = [c for c in found if tiers[(c.table, c.id)] == 0]
        if len(found) < window or len(phrase) >= limit:
            break
        window *= 4
    phrase = phrase[:limit]
    for c in phrase:
        c.tier = 0
    shown = {(c.table, c.id) for c in phrase}
    rest = _ranked(con, *everything, having, having_params, filters, limit + len(phrase))
    others = [c for c in rest if (c.table, c.id) not in shown]
    for c in others:
        c.tier = 1
    return (phrase + others)[:limit]


def _ranked_with_phrase(
    con: duckdb.DuckDBPyConnection,
    query: Query,
    scored: str,
    params: list,
    having_params: list,
    filters: list,
    limit: int,
) -> list[_Candidate]:
    """Every text holding all terms checked for the phrase in one SQL pass (when the best few hold too few)."""
    text = "coalesce(p.text, r.text)"
    body = rf"regexp_replace(lower({text}), '\s+', '', 'g')"
    patterns = query.phrase_patterns("re2")
    word_phrases = "".join(f" AND regexp_matches(lower({text}), ?)" for _ in patterns)
    sql = f"""
        SELECT d."table", d.id, d.document_id, d.kind, a.score,
               coalesce(list_bool_and(list_transform(?::VARCHAR[], lambda q: contains({text}, q))), true)
               AND coalesce(list_bool_and(list_transform(?::VARCHAR[], lambda q: contains({body}, q))), true)
               {word_phrases}
               AS phrase
        FROM (SELECT doc_key, sum(s) AS score FROM ({scored}) GROUP BY doc_key HAVING count(*) = ?) a
        JOIN search_docs d USING (doc_key)
        LEFT JOIN paragraphs p ON d."table" = 'paragraphs' AND p.paragraph_id = d.id
        LEFT JOIN recommendations r ON d."table" = 'recommendations' AND r.recommendation_id = d.id
        WHERE {_FILTERS}
        ORDER BY phrase DESC, a.score DESC, a.doc_key
        LIMIT ?
    """
    exact, loose = query.phrase_parts
    rows = con.execute(sql, [exact, loose, *patterns, *params, *having_params, *filters, limit]).fetchall()
    return [_Candidate(t, i, doc, k, float(score), 0 if phrase else 1) for t, i, doc, k, score, phrase in rows]


def _some_terms(con: duckdb.DuckDBPyConnection, indexed: _Terms, filters: list, limit: int) -> list[_Candidate]:
    """Texts holding at least half of the terms, but not all.

    Such a text holds at least one of the n - ceil(n/2) + 1 rarest terms, so only those texts are counted.
    """
    terms, idf, df = indexed.sql, indexed.idf, indexed.df
    n_terms = len(terms)
    least = max(1, math.ceil(n_terms / 2))
    rarest = sorted((i for i in range(n_terms) if df[i] > 0), key=lambda i: df[i])[: n_terms - least + 1]
    if not rarest:
        return []
    within = (
        " UNION ".join(f"SELECT doc_key FROM ({terms[i][0]})" for i in rarest),
        [p for i in rarest for p in terms[i][1]],
    )
    scored, params = _scored_sql(terms, idf, within)
    having = "count(*) >= ? AND count(*) < ?"
    found = _ranked(con, scored, params, having, [least, n_terms], filters, limit)
    for c in found:
        c.tier = 2
    return found


def _verify(
    con: duckdb.DuckDBPyConnection, query: Query, found: list[_Candidate], tiers: dict[tuple[str, str], int]
) -> None:
    """Record tier 0 for the texts containing the phrase (see :meth:`Query.phrase_parts`), else 1."""
    texts = _texts(con, found)
    exact, loose = query.phrase_parts
    patterns = [re.compile(p) for p in query.phrase_patterns()]
    for c in found:
        text = texts[(c.table, c.id)][0]
        lower = text.lower()
        body = "".join(lower.split()) if loose else ""
        phrase = (
            all(p in text for p in exact) and all(p in body for p in loose) and all(p.search(lower) for p in patterns)
        )
        tiers[(c.table, c.id)] = 0 if phrase else 1


def _texts(con: duckdb.DuckDBPyConnection, found: list[_Candidate]) -> dict[tuple[str, str], tuple[str, str]]:
    """(table, id) -> (text, paragraph_id) of the candidates, read by primary key (an index lookup)."""
    branches: list[str] = []
    params: list[str] = []
    for table, key in (("paragraphs", "paragraph_id"), ("recommendations", "recommendation_id")):
        ids = [c.id for c in found if c.table == table]
        if ids:
            placeholders = ", ".join("?" for _ in ids)
            branches.append(f"SELECT '{table}', {key}, text, paragraph_id FROM {table} WHERE {key} IN ({placeholders})")
            params += ids
    if not branches:
        return {}
    return {(t, i): (text, p) for t, i, text, p in con.execute(" UNION ALL ".join(branches), params).fetchall()}


def _check_document(con: duckdb.DuckDBPyConnection, document: str) -> None:
    (found,) = con.execute("SELECT count(*) FROM documents WHERE document_id = ?", [document]).fetchall()[0]
    if not found:
        raise HrdocsError(f'unknown document {document!r}: see `hrdocs query "SELECT document_id FROM documents"`')


def _snippet(text: str, query: Query, phrase: bool) -> tuple[tuple[str, bool], ...]:
    """The text around the first highlight, as (text, highlighted) pieces."""
    spans: list[tuple[int, int]] = []
    if phrase:
        patterns = [r"\s*".join(map(re.escape, part)) for part in query.parts if han_runs(part)]
        patterns += query.phrase_patterns()
        for pattern in patterns:
            spans += [m.span(m.lastindex or 0) for m in re.finditer(pattern, text, re.IGNORECASE)]
    for needle in () if phrase else query.highlights:
        for m in re.finditer(re.escape(needle), text, re.IGNORECASE):
            if not (_in_word(text, m.start() - 1) or _in_word(text, m.end())):
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
