"""`hrdocs build [--package PATH] [--force]`: build build/hrdocs.duckdb and build/parquet/ (see hrdocs.db.build)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from hrdocs.cli.package_option import PackageOption


def register(app: typer.Typer) -> None:
    @app.command()
    def build(
        package: PackageOption = None,
        force: Annotated[bool, typer.Option("--force", help="Rebuild even when the build is up to date.")] = False,
    ) -> None:
        """Build the DuckDB database, the Parquet files and the search index from the package's CSVs.

        A second run with nothing changed does nothing; a failed build leaves the previous one intact.
        """
        from hrdocs.db.build import build as run_build
        from hrdocs.package import find_package_root, load

        root = find_package_root(package)
        load(root)  # a missing or unreadable package: one line saying how the package is found
        result = run_build(root, force=force)
        if not result.rebuilt:
            print(f"hrdocs: {result.database} is up to date", file=sys.stderr)
            return
        rows = ", ".join(f"{name} {n:,}" for name, n in result.rows.items())
        steps = ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items())
        print(f"hrdocs: built {result.database} and {result.parquet_dir}/ ({result.reason}): {rows}", file=sys.stderr)
        print(f"hrdocs: {result.seconds:.2f} s ({steps})", file=sys.stderr)
