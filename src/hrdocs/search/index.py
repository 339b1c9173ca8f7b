"""The full-text search index, built in DuckDB SQL inside the database it searches.

DuckDB's `fts` extension is not available for DuckDB 2.0, and it would index an unsegmented Chinese sentence as
one token anyway. So the index is plain tables:

- terms: every run of Chinese characters (``\\p{Han}``) gives its overlapping character bigrams (拘留儿童 ->
  拘留, 留儿, 儿童); a run of one character gives that character. Every run of other letters and digits gives one
  lower-cased word (CMW/C/AZE/CO/3 -> cmw, c, aze, co, 3; COVID-19 -> covid, 19). The query is cut into terms
  by the same SQL expression (:func:`tokens_sql`), so index and query cannot disagree.
- ``search_docs``: one row per searchable text (paragraphs and recommendations), with a dense integer
  ``doc_key``, its ids, kind and length in terms.
- ``search_terms``: one row per distinct term, with ``term_id`` and document frequency ``df``.
- ``search_postings``: ``(term_id, doc_key, tf)`` sorted by term, so that DuckDB's min/max zone maps skip all
  but the few row groups holding a query's terms.
- ``search_stats``: document count and average length, for BM25.

Everything is ordered explicitly, so the same tables give the same index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

#: the tables this module creates, in creation order
INDEX_TABLES: tuple[str, ...] = ("search_docs", "search_terms", "search_postings", "search_stats")

#: a run of letters or digits that are not Chinese characters (RE2 syntax: a letter that is not Han, or a digit)
WORD_PATTERN = r"(?:\p{N}|[^\P{L}\p{Han}])+"
#: a run of Chinese characters
HAN_PATTERN = r"\p{Han}+"


def tokens_sql(text_sql: str) -> str:
    """A DuckDB expression turning the VARCHAR expression ``text_sql`` into its list of terms (with repeats).

    ``text_sql`` is SQL (a column name or a ``?`` placeholder), never user text.
    """
    return (
        "list_concat("
        "flatten(list_transform("
        f"regexp_extract_all({text_sql}, '{HAN_PATTERN}'), "
        "lambda r: CASE WHEN length(r) = 1 THEN [r] "
        "ELSE list_transform(range(1, length(r)), lambda i: substring(r, i, 2)) END)), "
        f"regexp_extract_all(lower({text_sql}), '{WORD_PATTERN}'))"
    )


def create_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) the search index tables from the loaded ``paragraphs`` and ``recommendations``."""
    for table in reversed(INDEX_TABLES):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute(
        f"""
        CREATE TEMP TABLE search_tokens AS
        SELECT row_number() OVER (ORDER BY t, id)::INTEGER AS doc_key, t, id, document_id, kind,
               {tokens_sql("text")} AS tokens
        FROM (
            SELECT 'paragraphs' AS t, paragraph_id AS id, document_id, kind, text FROM paragraphs
            UNION ALL
            SELECT 'recommendations', recommendation_id, document_id, 'recommendation', text FROM recommendations
        )
        """
    )
    con.execute(
        """
        CREATE TABLE search_docs AS
        SELECT doc_key, t AS "table", id, document_id, kind, len(tokens)::INTEGER AS length
        FROM search_tokens ORDER BY doc_key
        """
    )
    con.execute(
        """
        CREATE TEMP TABLE search_doc_terms AS
        SELECT doc_key, term, count(*)::INTEGER AS tf
        FROM (SELECT doc_key, unnest(tokens) AS term FROM search_tokens)
        GROUP BY doc_key, term
        """
    )
    con.execute("DROP TABLE search_tokens")
    con.execute(
        """
        CREATE TABLE search_terms AS
        SELECT (row_number() OVER (ORDER BY term))::INTEGER AS term_id, term, df
        FROM (SELECT term, count(*)::INTEGER AS df FROM search_doc_terms GROUP BY term)
        ORDER BY term
        """
    )
    con.execute(
        """
        CREATE TABLE search_postings AS
        SELECT t.term_id, d.doc_key, d.tf
        FROM search_doc_terms d JOIN search_terms t USING (term)
        ORDER BY t.term_id, d.doc_key
        """
    )
    con.execute("DROP TABLE search_doc_terms")
    con.execute(
        """
        CREATE TABLE search_stats AS
        SELECT count(*)::BIGINT AS documents, coalesce(avg(length), 0)::DOUBLE AS average_length
        FROM search_docs
        """
    )
