"""`hrdocs tables`: the package's tables with their row counts and descriptions."""

from __future__ import annotations

import typer

from hrdocs.cli.output import FormatOption, OutputOption
from hrdocs.cli.package_option import PackageOption


def register(app: typer.Typer) -> None:
    @app.command()
    def tables(package: PackageOption = None, output_format: FormatOption = None, output: OutputOption = None) -> None:
        """List the tables with their row counts and descriptions (`hrdocs describe TABLE` for the columns)."""
        from hrdocs.cli.output import emit
        from hrdocs.db.connect import connect
        from hrdocs.metadata.duckdb_schema import quote
        from hrdocs.package import find_package_root, load

        pkg = load(find_package_root(package))
        con = connect(package)
        try:
            rows = [
                (t.name, con.execute(f"SELECT count(*) FROM {quote(t.name)}").fetchone()[0], t.description)
                for t in pkg.tables
            ]
        finally:
            con.close()
        emit(["table", "rows", "description"], rows, output_format, title=f"hrdocs {pkg.version}", output=output)
