"""The full-text search index, built in DuckDB SQL inside the database it searches.

DuckDB's `fts` extension is not available for DuckDB 2.0, and it would index an unsegmented Chinese sentence as
one token anyway. So the index is plain tables, filled by SQL from ``paragraphs`` and ``recommendations``
(terms are defined in :mod:`hrdocs.search.terms`):

- ``search_docs``: one row per searchable text, with a dense integer ``doc_key`` (paragraphs then
  recommendations, each by id), its table, id, document, kind (``recommendation`` for recommendations) and
  length in terms, for BM25.
- ``search_postings``: ``(term BIGINT, doc_key, tf)`` for Chinese terms, sorted by term then doc_key, so that
  DuckDB's min/max zone maps skip all but the row groups holding a query's terms.
- ``search_words``: the same for words of other scripts and digits (``term VARCHAR``).
- ``search_stats``: number of texts and their average length.

Rows are ordered explicitly, so the same tables give the same index. Queries need no extension and no
setting: see :mod:`hrdocs.search.query`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrdocs.search.terms import han_codes_sql, han_terms_sql, word_terms_sql

if TYPE_CHECKING:
    import duckdb

#: the tables this module creates
INDEX_TABLES: tuple[str, ...] = ("search_docs", "search_postings", "search_words", "search_stats")

_SOURCES = """
    SELECT 'paragraphs' AS t, paragraph_id AS id, document_id, kind, text FROM paragraphs
    UNION ALL
    SELECT 'recommendations', recommendation_id, document_id, 'recommendation', text FROM recommendations
"""


def create_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) the search index tables from the loaded ``paragraphs`` and ``recommendations``."""
    for table in INDEX_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute(
        f"""
        CREATE TEMP TABLE search_source AS
        SELECT row_number() OVER (ORDER BY t, id)::INTEGER AS doc_key, t, id, document_id, kind, text
        FROM ({_SOURCES})
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE search_raw_terms AS
        SELECT doc_key, unnest({han_terms_sql("h")}) AS term
        FROM (SELECT doc_key, {han_codes_sql("text")} AS h FROM search_source)
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE search_raw_words AS
        SELECT doc_key, unnest({word_terms_sql("text")}) AS term FROM search_source
        """
    )
    con.execute(
        """
        CREATE TABLE search_postings AS
        SELECT term, doc_key, count(*)::INTEGER AS tf FROM search_raw_terms
        GROUP BY term, doc_key ORDER BY term, doc_key
        """
    )
    con.execute(
        """
        CREATE TABLE search_words AS
        SELECT term, doc_key, count(*)::INTEGER AS tf FROM search_raw_words
        GROUP BY term, doc_key ORDER BY term, doc_key
        """
    )
    con.execute(
        """
        CREATE TABLE search_docs AS
        SELECT s.doc_key, s.t AS "table", s.id, s.document_id, s.kind, coalesce(l.length, 0)::INTEGER AS length
        FROM search_source s
        LEFT JOIN (
            SELECT doc_key, count(*) AS length
            FROM (SELECT doc_key FROM search_raw_terms UNION ALL SELECT doc_key FROM search_raw_words)
            GROUP BY doc_key
        ) l USING (doc_key)
        ORDER BY s.doc_key
        """
    )
    con.execute(
        """
        CREATE TABLE search_stats AS
        SELECT count(*)::BIGINT AS documents, coalesce(avg(length), 0)::DOUBLE AS average_length
        FROM search_docs
        """
    )
    for table in ("search_raw_words", "search_raw_terms", "search_source"):
        con.execute(f"DROP TABLE {table}")
