"""`hrdocs describe TABLE`: a table's columns with type, constraints, description and controlled values, read
from the schemas (hrdocs.metadata), not from the database."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from hrdocs.cli.output import FormatOption, OutputOption
from hrdocs.cli.package_option import PackageOption
from hrdocs.metadata.model import Package, Table

COLUMNS = ["column", "type", "duckdb_type", "required", "unique", "constraints", "description", "values"]


def describe_rows(table: Table) -> list[tuple[Any, ...]]:
    from hrdocs.metadata.duckdb_schema import duckdb_type
    from hrdocs.metadata.field_rules import field_rules

    rows = []
    for f in table.fields:
        rules = "; ".join(field_rules(table, f))
        values = "; ".join(f"{v}: {label}" for v, label in f.categories.items()) if f.categories else ""
        description = f"{f.title}. {f.description}".strip() if f.title and f.title != f.name else f.description
        rows.append((f.name, f.type, duckdb_type(f), f.required, f.unique, rules, description, values))
    return rows


def find_table(pkg: Package, name: str) -> Table:
    """The table named ``name``, in any case (`Paragraphs`); refused with the tables listed."""
    for t in pkg.tables:
        if t.name.lower() == name.strip().lower():
            return t
    from hrdocs.browse.lookup import unknown

    raise unknown("table", name, "tables are " + ", ".join(x.name for x in pkg.tables))


def register(app: typer.Typer) -> None:
    @app.command()
    def describe(
        table: Annotated[str, typer.Argument(help="Table name (`hrdocs tables` lists them).")],
        package: PackageOption = None,
        output_format: FormatOption = None,
        output: OutputOption = None,
    ) -> None:
        """Describe a table's columns: type, constraints, description and controlled values with their meanings."""
        from hrdocs.cli.output import emit
        from hrdocs.package import find_package_root, load

        t = find_table(load(find_package_root(package)), table)
        emit(COLUMNS, describe_rows(t), output_format, title=f"{t.name}: {t.description}", output=output)
