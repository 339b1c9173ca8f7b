"""The follow-up scoreboard: one row per grade, and counts by letter.

    rows = grades(con, document="cmw-aze-follow-up-co3", country="AZE")
    counts = grade_counts(rows, meanings)   # meanings: letter -> its meaning, from the grades schema

Each row: the assessing document, the State, the recommendation's id, label and theme heading, the grade letter
and the implementation status the assessment states in words.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import astuple, dataclass, fields
from typing import TYPE_CHECKING

from hrdocs.browse.lookup import resolve_country, resolve_document

if TYPE_CHECKING:
    import duckdb

ROWS_SQL = """
SELECT g.document_id AS assessed_in,
       coalesce(r.country_iso3, d.country_iso3) AS country_iso3,
       r.recommendation_id,
       r.label,
       r.theme,
       g.grade,
       g.implementation_status,
       g.grade_id
FROM grades AS g
JOIN recommendations AS r ON r.recommendation_id = g.recommendation_id
JOIN documents AS d ON d.document_id = g.document_id
LEFT JOIN paragraphs AS p ON p.paragraph_id = r.paragraph_id
WHERE ($document IS NULL OR g.document_id = $document)
  AND ($country IS NULL OR upper(coalesce(r.country_iso3, d.country_iso3)) = upper($country))
ORDER BY g.document_id, country_iso3, p.document_id, p.seq, r.label, g.grade_id
"""


@dataclass(frozen=True)
class GradeRow:
    assessed_in: str
    country_iso3: str | None
    recommendation_id: str
    label: str | None
    theme: str | None
    grade: str
    implementation_status: str | None
    grade_id: str


@dataclass(frozen=True)
class GradeCount:
    assessed_in: str
    country_iso3: str | None
    grade: str
    count: int
    meaning: str


def columns(kind: type[GradeRow] | type[GradeCount]) -> list[str]:
    return [f.name for f in fields(kind)]


def as_tuples(items: list[GradeRow] | list[GradeCount]) -> list[tuple[object, ...]]:
    return [astuple(i) for i in items]


def grades(
    con: duckdb.DuckDBPyConnection, *, document: str | None = None, country: str | None = None
) -> list[GradeRow]:
    """Every grade, or those given by ``document`` (a document_id or UN symbol) and for ``country`` (ISO 3166-1
    alpha-3, any case); an unknown document or country is refused (HrdocsError)."""
    doc = resolve_document(con, document) if document is not None else None
    iso = resolve_country(con, country) if country is not None else None
    cur = con.execute(ROWS_SQL, {"document": doc, "country": iso})
    return [GradeRow(*row) for row in cur.fetchall()]


def grade_counts(rows: list[GradeRow], meanings: Mapping[str, str] | None = None) -> list[GradeCount]:
    """Counts by assessing document, State and letter, with the letter's meaning."""
    tally: dict[tuple[str, str | None, str], int] = {}
    for row in rows:
        key = (row.assessed_in, row.country_iso3, row.grade)
        tally[key] = tally.get(key, 0) + 1
    meanings = meanings or {}
    return [
        GradeCount(doc, iso, letter, n, meanings.get(letter, ""))
        for (doc, iso, letter), n in sorted(tally.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2]))
    ]


def grade_meanings(package: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """Each grade letter's meaning, from the grades schema's categories."""
    from hrdocs.package import find_package_root, load

    try:
        return dict(load(find_package_root(package)).table("grades").field("grade").categories or {})
    except KeyError:
        return {}
