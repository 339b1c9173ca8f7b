"""DuckDB column types and table DDL, derived from the Table Schemas (never retyped)."""

from __future__ import annotations

from hrdocs.metadata.model import Field, Package, Table

#: Frictionless field type -> DuckDB type
DUCKDB_TYPES: dict[str, str] = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "datetime": "TIMESTAMP",
    "time": "TIME",
    "year": "INTEGER",
    "any": "VARCHAR",
}


def quote(identifier: str) -> str:
    """Quote a SQL identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def sql_string(value: str) -> str:
    """Quote a SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def duckdb_type(field: Field) -> str:
    return DUCKDB_TYPES.get(field.type, "VARCHAR")


def create_table_sql(table: Table, *, constraints: bool = True) -> str:
    """CREATE TABLE for one resource; with constraints: NOT NULL, PRIMARY KEY, UNIQUE, FOREIGN KEY."""
    lines = []
    for f in table.fields:
        col = f"{quote(f.name)} {duckdb_type(f)}"
        if constraints and f.required:
            col += " NOT NULL"
        lines.append(col)
    if constraints:
        if table.primary_key:
            lines.append(f"PRIMARY KEY ({', '.join(quote(c) for c in table.primary_key)})")
        for key in table.unique_keys:
            lines.append(f"UNIQUE ({', '.join(quote(c) for c in key)})")
        for fk in table.foreign_keys:
            lines.append(
                f"FOREIGN KEY ({', '.join(quote(c) for c in fk.fields)}) "
                f"REFERENCES {quote(fk.resource)} ({', '.join(quote(c) for c in fk.reference_fields)})"
            )
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {quote(table.name)} (\n  {body}\n)"


def comment_sql(table: Table) -> list[str]:
    """COMMENT ON statements carrying the schema's titles and descriptions into the database."""
    stmts = [f"COMMENT ON TABLE {quote(table.name)} IS {sql_string(table.description)}"]
    for f in table.fields:
        text = f"{f.title}. {f.description}".strip()
        stmts.append(f"COMMENT ON COLUMN {quote(table.name)}.{quote(f.name)} IS {sql_string(text)}")
    return stmts


def creation_order(package: Package) -> list[Table]:
    """Tables ordered so that every referenced table is created before the tables pointing at it."""
    remaining = {t.name: t for t in package.tables}
    ordered: list[Table] = []
    while remaining:
        progress = False
        for name, t in list(remaining.items()):
            deps = {fk.resource for fk in t.foreign_keys if fk.resource != name}
            if deps.isdisjoint(remaining):
                ordered.append(t)
                del remaining[name]
                progress = True
        if not progress:  # a cycle between tables: keep declared order for the rest
            ordered.extend(remaining.values())
            break
    return ordered
