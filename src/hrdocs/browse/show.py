"""One row of any table with the rows linked to it, as sections (``show(con, "A/HRC/50/52")``).

- a document: its row, counts by kind, what it cites, what cites it and its relations,
  and its outline (every unit in reading order; headings and titles with
  their text, the rest by id);
- a paragraph: the unit in context (document, section, parent, previous and next ids, text), its footnotes,
  the recommendations in it (who made them, to whom) and their grades, and the participants it names;
- a recommendation: its text, label, parent and children, paragraph, who made it and its grades;
- a grade: its row, the recommendation graded and the assessment's heading and text;
- a participant: its row, the recommendations it made, the paragraphs naming it, and the same entity elsewhere.

A section is one record (a dict) or a list of records, in the order the command line prints them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hrdocs.browse.lookup import KINDS, Record, find, one, records, unknown
from hrdocs.db.links import document_links

if TYPE_CHECKING:
    import duckdb

Section = Record | list[Record]


@dataclass(frozen=True)
class Shown:
    """What `show` found: the table, the row's primary key, and its sections by title."""

    table: str
    id: str
    sections: dict[str, Section]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "table": self.table, **self.sections}


GRADES_OF = """
SELECT g.grade_id, g.recommendation_id, g.document_id AS assessed_in, g.grade, g.implementation_status,
       g.assessment_label
FROM grades AS g WHERE g.recommendation_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY g.grade_id
"""

RECOMMENDATIONS_SQL = """
SELECT r.recommendation_id, r.label, r.verb, r.made_by, r.made_by_participant_id, pt.name AS made_by_name,
       r.addressed_to, r.addressed_to_kind, r.country_iso3, r.text
FROM recommendations AS r LEFT JOIN participants AS pt ON pt.participant_id = r.made_by_participant_id
WHERE {where} ORDER BY r.recommendation_id
"""


def show_document(con: duckdb.DuckDBPyConnection, row: Record) -> dict[str, Section]:
    doc = row["document_id"]
    counts = records(
        con, "SELECT kind, count(*) AS units FROM paragraphs WHERE document_id = ? GROUP BY kind ORDER BY kind", [doc]
    )
    linked = one(
        con,
        """SELECT (SELECT count(*) FROM recommendations WHERE document_id = $d) AS recommendations_made,
                  (SELECT count(*) FROM recommendations r JOIN paragraphs p ON p.paragraph_id = r.paragraph_id
                   WHERE p.document_id = $d) AS recommendations_printed_here,
                  (SELECT count(*) FROM grades WHERE document_id = $d) AS grades_given,
                  (SELECT count(*) FROM participants WHERE document_id = $d) AS participants,
                  (SELECT count(*) FROM citations WHERE cited_document_id = $d) AS cited_by""".replace("$d", "?"),
        [doc] * 5,
    )
    outline = records(
        con,
        """SELECT seq, paragraph_id, kind, coalesce(label, CAST(number AS VARCHAR)) AS label,
                  CASE WHEN kind IN ('heading', 'title') THEN text END AS heading
           FROM paragraphs WHERE document_id = ? ORDER BY seq""",
        [doc],
    )
    links = document_links(con, doc)
    # a few columns each, so that a terminal prints them as tables (hrdocs.db.links has them all)
    cites = [{"paragraph_id": c["paragraph_id"], "how": c["how"],
              "cited": c["cited_document_id"] or c["cited_sdg_target"], "pinpoint": c["pinpoint"]}
             for c in links.cites]  # fmt: skip
    cited_by = [{k: c[k] for k in ("citing_document_id", "paragraph_id", "how", "pinpoint")} for c in links.cited_by]
    relations = [{k: r[k] for k in ("document_id", "relation", "related_document_id", "paragraph_id")}
                 for r in links.relations]  # fmt: skip
    return {"document": row, "counts": [*counts, *({"kind": k, "units": v} for k, v in (linked or {}).items())],
            "cites": cites, "cited by": cited_by, "relations": relations, "outline": outline}  # fmt: skip


def show_paragraph(con: duckdb.DuckDBPyConnection, row: Record) -> dict[str, Section]:
    pid = row["paragraph_id"]
    context = one(
        con,
        """SELECT p.paragraph_id, p.document_id, d.symbol, d.title AS document_title, p.seq, p.kind, p.label,
                  p.number, p.section, p.parent_id, p.footnote_of,
                  lag(p.paragraph_id) OVER w AS previous_id, lead(p.paragraph_id) OVER w AS next_id, p.text
           FROM paragraphs AS p JOIN documents AS d USING (document_id)
           WINDOW w AS (PARTITION BY p.document_id ORDER BY p.seq)
           QUALIFY p.paragraph_id = ?""",
        [pid],
    )
    footnotes = records(
        con, "SELECT paragraph_id, label, text FROM paragraphs WHERE footnote_of = ? ORDER BY seq", [pid]
    )
    recs = records(con, RECOMMENDATIONS_SQL.format(where="r.paragraph_id = ?"), [pid])
    grades = records(con, GRADES_OF, [[r["recommendation_id"] for r in recs]]) if recs else []
    named = records(
        con,
        """SELECT pt.participant_id, pt.name, pt.kind, pt.role FROM participants AS pt
           JOIN participant_paragraphs AS pp USING (participant_id)
           WHERE pp.paragraph_id = ? ORDER BY pt.participant_id""",
        [pid],
    )
    return {"paragraph": context or row, "footnotes": footnotes, "recommendations": recs, "grades": grades,
            "participants named": named}  # fmt: skip


def show_recommendation(con: duckdb.DuckDBPyConnection, row: Record) -> dict[str, Section]:
    rid = row["recommendation_id"]
    rec = one(con, RECOMMENDATIONS_SQL.format(where="r.recommendation_id = ?"), [rid]) or row
    rec = {**row, **rec}
    family = records(
        con,
        """SELECT 'parent' AS relation, recommendation_id, label, text FROM recommendations
           WHERE recommendation_id = ?
           UNION ALL
           SELECT 'child', recommendation_id, label, text FROM recommendations WHERE parent_id = ?
           ORDER BY relation DESC, recommendation_id""",
        [row["parent_id"], rid],
    )
    paragraph = one(
        con,
        "SELECT paragraph_id, document_id, seq, section, text FROM paragraphs WHERE paragraph_id = ?",
        [row["paragraph_id"]],
    )
    grades = records(con, GRADES_OF, [[rid]])
    return {"recommendation": rec, "parent and children": family, "paragraph": paragraph or {}, "grades": grades}


def show_grade(con: duckdb.DuckDBPyConnection, row: Record) -> dict[str, Section]:
    rec = one(
        con,
        "SELECT recommendation_id, document_id, label, theme, text FROM recommendations WHERE recommendation_id = ?",
        [row["recommendation_id"]],
    )
    texts = records(con, "SELECT paragraph_id FROM grade_paragraphs WHERE grade_id = ? ORDER BY seq", [row["grade_id"]])
    ids = [row["assessment_paragraph_id"], *(t["paragraph_id"] for t in texts)]
    assessment = records(
        con,
        """SELECT p.paragraph_id, p.kind, p.label, p.text FROM paragraphs AS p
           WHERE p.paragraph_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY p.document_id, p.seq""",
        [[i for i in ids if i]],
    )
    return {"grade": row, "recommendation": rec or {}, "assessment": assessment}


def show_participant(con: duckdb.DuckDBPyConnection, row: Record) -> dict[str, Section]:
    pid = row["participant_id"]
    recs = records(con, RECOMMENDATIONS_SQL.format(where="r.made_by_participant_id = ?"), [pid])
    named_in = records(
        con, "SELECT paragraph_id FROM participant_paragraphs WHERE participant_id = ? ORDER BY seq", [pid]
    )
    ids = [r["paragraph_id"] for r in named_in]
    paragraphs = records(
        con,
        """SELECT paragraph_id, document_id, seq, kind, text FROM paragraphs
           WHERE paragraph_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY document_id, seq""",
        [ids],
    )
    same = (
        records(
            con,
            """SELECT participant_id, document_id, name, kind, role FROM participants
               WHERE entity_id = ? AND participant_id <> ? ORDER BY document_id, participant_id""",
            [row["entity_id"], pid],
        )
        if row.get("entity_id")
        else []
    )
    return {"participant": row, "recommendations made": recs, "paragraphs naming it": paragraphs,
            "same entity elsewhere": same}  # fmt: skip


SHOWERS: dict[str, Callable[[duckdb.DuckDBPyConnection, Record], dict[str, Section]]] = {
    "documents": show_document,
    "paragraphs": show_paragraph,
    "recommendations": show_recommendation,
    "grades": show_grade,
    "participants": show_participant,
}


ID_HINT = "no document (by id or UN symbol), paragraph, recommendation, grade or participant has it"


def show(con: duckdb.DuckDBPyConnection, item_id: str) -> Shown:
    """The row ``item_id`` names (a primary key of any table, or a document's UN symbol) with its sections."""
    found = find(con, item_id)
    if found is None:
        raise unknown("id", item_id, ID_HINT)
    table, row = found
    return Shown(table, str(row[KINDS[table]]), SHOWERS[table](con, row))
