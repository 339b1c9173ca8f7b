"""`hrdocs grades [--document ID] [--country ISO3]`: the follow-up scoreboard.

One row per grade: the assessing document, the State, the recommendation's id, label and theme heading, the
grade letter and the implementation status the assessment states in words; then counts by letter (with the
letter's meaning from the grades schema). In table and markdown format both are printed; in machine formats
(json, jsonl, csv, tsv) the rows only, or the counts only with --counts.
"""

from __future__ import annotations

from typing import Annotated

import typer

from hrdocs.cli.output import FormatOption, OutputFormat
from hrdocs.cli.package_option import PackageOption

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


def register(app: typer.Typer) -> None:
    @app.command()
    def grades(
        document: Annotated[
            str | None, typer.Option("--document", help="Only grades given by this follow-up document.")
        ] = None,
        country: Annotated[
            str | None, typer.Option("--country", help="Only grades for this State (ISO 3166-1 alpha-3).")
        ] = None,
        counts: Annotated[bool, typer.Option("--counts", help="Print only the counts by letter.")] = False,
        package: PackageOption = None,
        output_format: FormatOption = None,
    ) -> None:
        """The follow-up scoreboard: each graded recommendation per document and State, then counts by letter."""
        from hrdocs.cli.output import emit, notice, resolve_format
        from hrdocs.cli.package_option import resolve_package_root
        from hrdocs.db.build import load
        from hrdocs.db.connect import connect

        meanings = load(resolve_package_root(package)).table("grades").field("grade").categories or {}
        con = connect(package)
        try:
            cur = con.execute(ROWS_SQL, {"document": document, "country": country})
            columns = [d[0] for d in cur.description]
            rows = cur.fetchall()
        finally:
            con.close()
        if not rows:
            notice("no grades match" + (f" --document {document}" if document else "") + (
                f" --country {country}" if country else ""))  # fmt: skip
        tally: dict[tuple[str, str, str], int] = {}
        for row in rows:
            key = (row[0], row[1], row[5])
            tally[key] = tally.get(key, 0) + 1
        count_rows = [
            (doc, iso, letter, n, meanings.get(letter, "")) for (doc, iso, letter), n in sorted(tally.items())
        ]
        count_columns = ["assessed_in", "country_iso3", "grade", "count", "meaning"]
        kind = resolve_format(output_format)
        if counts:
            emit(count_columns, count_rows, kind, title="Grades by letter")
            return
        emit(columns, rows, kind, title="Follow-up grades")
        if kind in (OutputFormat.table, OutputFormat.markdown) and rows:
            print()
            emit(count_columns, count_rows, kind, title="Grades by letter")
