"""`hrdocs describe TABLE`: a table's columns with type, constraints, description and controlled values, read
from the schemas (hrdocs.metadata), not from the database."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from hrdocs.cli.output import FormatOption
from hrdocs.cli.package_option import PackageOption
from hrdocs.errors import EXIT_INVALID, HrdocsError
from hrdocs.metadata.model import Field, Table

COLUMNS = ["column", "type", "duckdb_type", "required", "unique", "constraints", "description", "values"]


def constraints_text(f: Field) -> str:
    """The field's rules beyond type and required/unique, as short text."""
    parts = []
    if f.pattern is not None:
        parts.append(f"pattern {f.pattern}")
    if f.enum is not None:
        parts.append("one of " + ", ".join(f.enum))
    if f.minimum is not None or f.maximum is not None:
        low = "" if f.minimum is None else str(f.minimum)
        high = "" if f.maximum is None else str(f.maximum)
        parts.append(f"range {low}..{high}")
    if f.min_length is not None or f.max_length is not None:
        low = "" if f.min_length is None else str(f.min_length)
        high = "" if f.max_length is None else str(f.max_length)
        parts.append(f"length {low}..{high}")
    if f.spans_field:
        parts.append(f"reproduced from the source by {f.spans_field}")
    return "; ".join(parts)


def key_notes(table: Table, f: Field) -> list[str]:
    notes = []
    if f.name in table.primary_key:
        notes.append("primary key" if len(table.primary_key) == 1 else "part of the primary key")
    for fk in table.foreign_keys:
        if f.name in fk.fields:
            notes.append(f"references {fk.resource}.{','.join(fk.reference_fields)}")
    return notes


def describe_rows(table: Table) -> list[tuple[Any, ...]]:
    from hrdocs.metadata.duckdb_schema import duckdb_type

    rows = []
    for f in table.fields:
        rules = "; ".join(x for x in [*key_notes(table, f), constraints_text(f)] if x)
        values = "; ".join(f"{v}: {label}" for v, label in f.categories.items()) if f.categories else ""
        description = f"{f.title}. {f.description}".strip() if f.title and f.title != f.name else f.description
        rows.append((f.name, f.type, duckdb_type(f), f.required, f.unique, rules, description, values))
    return rows


def register(app: typer.Typer) -> None:
    @app.command()
    def describe(
        table: Annotated[str, typer.Argument(help="Table name (`hrdocs tables` lists them).")],
        package: PackageOption = None,
        output_format: FormatOption = None,
    ) -> None:
        """Describe a table's columns: type, constraints, description and controlled values with their meanings."""
        from hrdocs.cli.output import emit
        from hrdocs.cli.package_option import resolve_package_root
        from hrdocs.db.build import load

        pkg = load(resolve_package_root(package))
        try:
            t = pkg.table(table)
        except KeyError:
            names = ", ".join(x.name for x in pkg.tables)
            raise HrdocsError(f"no table {table!r} (tables: {names})", EXIT_INVALID) from None
        emit(COLUMNS, describe_rows(t), output_format, title=f"{t.name}: {t.description}")
