"""`hrdocs grades [--document ID] [--country ISO3] [--counts]`: the follow-up scoreboard (hrdocs.browse.grades).

One row per grade: the assessing document, the State, the recommendation's id, label and theme heading, the
grade letter and the implementation status the assessment states in words. `--counts`: counts by letter, with
the letter's meaning from the grades schema. Every format prints one table; on a terminal (`--format table`)
the counts follow the rows.
"""

from __future__ import annotations

from typing import Annotated

import typer

from hrdocs.cli.output import FormatOption, OutputFormat, OutputOption
from hrdocs.cli.package_option import PackageOption


def register(app: typer.Typer) -> None:
    @app.command()
    def grades(
        document: Annotated[
            str | None,
            typer.Option("--document", help="Only grades given by this follow-up document (id or UN symbol)."),
        ] = None,
        country: Annotated[
            str | None, typer.Option("--country", help="Only grades for this State (ISO 3166-1 alpha-3: AZE).")
        ] = None,
        counts: Annotated[bool, typer.Option("--counts", help="Print only the counts by letter.")] = False,
        package: PackageOption = None,
        output_format: FormatOption = None,
        output: OutputOption = None,
    ) -> None:
        """The follow-up scoreboard: each graded recommendation per document and State (--counts: by letter)."""
        from hrdocs.browse import grade_counts
        from hrdocs.browse import grades as grade_rows
        from hrdocs.browse.grades import GradeCount, GradeRow, as_tuples, columns, grade_meanings
        from hrdocs.cli.output import emit, notice, resolve_format
        from hrdocs.db.connect import connect

        con = connect(package)
        try:
            rows = grade_rows(con, document=document, country=country)
        finally:
            con.close()
        if not rows:
            notice("no grades match" + (f" --document {document}" if document else "") + (
                f" --country {country}" if country else ""))  # fmt: skip
        tally = grade_counts(rows, grade_meanings(package))
        if counts:
            emit(columns(GradeCount), as_tuples(tally), output_format, title="Grades by letter", output=output)
            return
        emit(columns(GradeRow), as_tuples(rows), output_format, title="Follow-up grades", output=output)
        if output is None and resolve_format(output_format) is OutputFormat.table and rows:
            print()
            emit(columns(GradeCount), as_tuples(tally), OutputFormat.table, title="Grades by letter")
