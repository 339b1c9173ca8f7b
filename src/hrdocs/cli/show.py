"""`hrdocs show ID`: one id of any table, with the rows linked to it.

- a document: its row, counts by kind, and its outline (every unit in reading order; headings and titles with
  their text, the rest by id);
- a paragraph: the unit in context (document, section, parent, previous and next ids, text), its footnotes,
  the recommendations in it (who made them, to whom) and their grades, and the participants it names;
- a recommendation: its text, label, parent and children, paragraph, who made it and its grades;
- a grade: its row, the recommendation graded and the assessment's heading and text;
- a participant: its row, the recommendations it made, the paragraphs naming it, and the same entity elsewhere.

`--format table` (default on a terminal) prints sections; `--format json` (default when piped) one object.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hrdocs.cli.output import FormatOption, OutputFormat
from hrdocs.cli.package_option import PackageOption
from hrdocs.errors import EXIT_INVALID, HrdocsError

if TYPE_CHECKING:
    import duckdb

#: table -> primary key column, in lookup order
KINDS: dict[str, str] = {
    "documents": "document_id",
    "paragraphs": "paragraph_id",
    "recommendations": "recommendation_id",
    "grades": "grade_id",
    "participants": "participant_id",
}

Section = dict[str, Any] | list[dict[str, Any]]


def records(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


def one(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> dict[str, Any] | None:
    rows = records(con, sql, params)
    return rows[0] if rows else None


def find(con: duckdb.DuckDBPyConnection, item_id: str) -> tuple[str, dict[str, Any]] | None:
    for table, key in KINDS.items():
        row = one(con, f"SELECT * FROM {table} WHERE {key} = ?", [item_id])
        if row is not None:
            return table, row
    return None


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


def show_document(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> dict[str, Section]:
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
        """SELECT seq, paragraph_id, kind, level, coalesce(label, CAST(number AS VARCHAR)) AS label,
                  CASE WHEN kind IN ('heading', 'title') THEN text END AS heading
           FROM paragraphs WHERE document_id = ? ORDER BY seq""",
        [doc],
    )
    return {"document": row, "counts": [*counts, *({"kind": k, "units": v} for k, v in (linked or {}).items())],
            "outline": outline}  # fmt: skip


def show_paragraph(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> dict[str, Section]:
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


def show_recommendation(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> dict[str, Section]:
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


def show_grade(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> dict[str, Section]:
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


def show_participant(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> dict[str, Section]:
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


SHOWERS = {
    "documents": show_document,
    "paragraphs": show_paragraph,
    "recommendations": show_recommendation,
    "grades": show_grade,
    "participants": show_participant,
}


def render(kind: str, item_id: str, sections: dict[str, Section]) -> None:
    """Sections for people: a record as field/value rows, a list as a table."""
    from hrdocs.cli.output import emit

    for title, section in sections.items():
        if isinstance(section, dict):
            if not section:
                continue
            emit(["field", "value"], list(section.items()), OutputFormat.table, title=f"{title}")
        elif section and len(section[0]) > 5:  # wide rows read better one record at a time
            for i, record in enumerate(section, 1):
                rows = [(k, v) for k, v in record.items() if v is not None]
                emit(["field", "value"], rows, OutputFormat.table, title=f"{title} ({i}/{len(section)})")
        elif section:
            columns = list(section[0])
            emit(columns, [tuple(r.values()) for r in section], OutputFormat.table, title=f"{title} ({len(section)})")
        else:
            print(f"{title}: none")


def register(app: typer.Typer) -> None:
    @app.command()
    def show(
        item_id: Annotated[
            str, typer.Argument(metavar="ID", help="A document, paragraph, recommendation, grade or participant id.")
        ],
        package: PackageOption = None,
        output_format: FormatOption = None,
    ) -> None:
        """Show a document's outline, a paragraph in context, a recommendation, a grade or a participant."""
        from hrdocs.cli.output import json_value, resolve_format
        from hrdocs.db.connect import connect

        kind = resolve_format(output_format)
        if kind not in (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl):
            raise HrdocsError("show prints --format table or json", EXIT_INVALID)
        con = connect(package)
        try:
            found = find(con, item_id)
            if found is None:
                raise HrdocsError(
                    f"no document, paragraph, recommendation, grade or participant has the id {item_id!r}",
                    EXIT_INVALID,
                )
            table, row = found
            sections = SHOWERS[table](con, row)
        finally:
            con.close()
        if kind is OutputFormat.table:
            render(table, item_id, sections)
        else:
            obj = {"id": item_id, "table": table, **sections}
            indent = 2 if kind is OutputFormat.json else None
            sys.stdout.write(json.dumps(json_value(obj), ensure_ascii=False, indent=indent) + "\n")
