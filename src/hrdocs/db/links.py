"""What a document cites and what cites it: the citations and relations tables, read for one document.

``document_links(con, document_id)`` is what ``hrdocs show DOCUMENT`` lists; it takes an open connection to the
built database (``hrdocs.connect()``) and returns plain rows, so any caller can print or serialise them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

Row = dict[str, Any]

CITES = """
SELECT c.citation_id, c.paragraph_id, c.recommendation_id, c.how, c.cited_document_id, d.symbol AS cited_symbol,
       d.title AS cited_title, d.has_text AS cited_has_text, c.cited_sdg_target, t.title_en AS sdg_title_en,
       c.pinpoint, c.text
FROM citations AS c
JOIN paragraphs AS p ON p.paragraph_id = c.paragraph_id
LEFT JOIN documents AS d ON d.document_id = c.cited_document_id
LEFT JOIN sdg_targets AS t ON t.code = c.cited_sdg_target
WHERE p.document_id = ?
ORDER BY p.seq, c.citation_id
"""

CITED_BY = """
SELECT c.citation_id, p.document_id AS citing_document_id, d.symbol AS citing_symbol, c.paragraph_id,
       c.recommendation_id, c.how, c.pinpoint, c.text
FROM citations AS c
JOIN paragraphs AS p ON p.paragraph_id = c.paragraph_id
JOIN documents AS d ON d.document_id = p.document_id
WHERE c.cited_document_id = ?
ORDER BY p.document_id, p.seq, c.citation_id
"""

RELATIONS = """
SELECT r.relation_id, r.document_id, r.relation, r.related_document_id,
       CASE WHEN r.document_id = $1 THEN 'from' ELSE 'to' END AS direction,
       o.symbol AS other_symbol, o.title AS other_title, r.paragraph_id, r.text
FROM relations AS r
JOIN documents AS o ON o.document_id = CASE WHEN r.document_id = $1 THEN r.related_document_id ELSE r.document_id END
WHERE r.document_id = $1 OR r.related_document_id = $1
ORDER BY direction, r.relation, r.relation_id
"""


@dataclass
class DocumentLinks:
    """The links of one document: its citations, the citations of it, and its relations (both directions)."""

    document_id: str
    cites: list[Row] = field(default_factory=list)
    cited_by: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[Row]]:
        return {"cites": self.cites, "cited by": self.cited_by, "relations": self.relations}


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[Row]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, values, strict=True)) for values in cur.fetchall()]


def document_links(con: duckdb.DuckDBPyConnection, document_id: str) -> DocumentLinks:
    """What ``document_id`` cites (citations printed in its paragraphs), what cites it, and its relations."""
    return DocumentLinks(
        document_id,
        cites=_rows(con, CITES, [document_id]),
        cited_by=_rows(con, CITED_BY, [document_id]),
        relations=_rows(con, RELATIONS, [document_id]),
    )
