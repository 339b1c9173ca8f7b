"""The data dictionary (docs/data-dictionary.md), generated from the schemas through hrdocs.metadata.

Tables, fields, types, constraints, descriptions, controlled values with their meanings, keys, and row counts
read from the CSVs (DuckDB's read_csv). Regenerate with `python scripts/make_release_files.py`.
"""

from __future__ import annotations

from pathlib import Path

from hrdocs.metadata import Field, Package, Table
from hrdocs.metadata.field_rules import field_rules
from hrdocs.release.files import READ_CSV

HEADER = "<!-- Generated from datapackage.json and schemas/ by scripts/make_release_files.py: do not edit. -->\n"


def row_counts(package: Package) -> dict[str, int | None]:
    """Rows per table, counted by DuckDB (None when the file is missing or unreadable)."""
    import duckdb

    counts: dict[str, int | None] = {}
    con = duckdb.connect()
    try:
        for table in package.tables:
            path = package.path(table.path)
            if not path.is_file():
                counts[table.name] = None
                continue
            try:
                row = con.execute(
                    f"SELECT count(*) FROM {READ_CSV}",
                    [str(path)],
                ).fetchone()
                counts[table.name] = int(row[0]) if row else 0
            except duckdb.Error:
                counts[table.name] = None
    finally:
        con.close()
    return counts


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _constraints(f: Field, table: Table) -> str:
    flags = [name for name, on in (("required", f.required), ("unique", f.unique)) if on]
    rules = [f"pattern `{r[8:]}`" if r.startswith("pattern ") else r for r in field_rules(table, f)]  # Markdown
    return "; ".join(_cell(p) for p in [*flags, *rules])


def render(package: Package, counts: dict[str, int | None] | None = None) -> str:
    """The data dictionary as Markdown."""
    counts = row_counts(package) if counts is None else counts
    title = package.descriptor.get("title", package.descriptor.get("name", ""))
    out = [HEADER, f"\n# Data dictionary: {title}\n\n"]
    out.append(f"Data version {package.version}. Every table is a UTF-8 CSV with a header row; an empty cell is a ")
    out.append("missing value. Types are Frictionless Table Schema types.\n\n")
    out.append("| table | file | rows | primary key | description |\n|---|---|---|---|---|\n")
    for t in package.tables:
        n = counts.get(t.name)
        out.append(
            f"| [{t.name}](#{t.name}) | `{t.path}` | {'?' if n is None else n} | "
            f"{', '.join(t.primary_key)} | {_cell(t.description)} |\n"
        )
    for t in package.tables:
        out.append(f"\n## {t.name}\n\n{_cell(t.title)}: {_cell(t.description)}\n\n")
        n = counts.get(t.name)
        out.append(f"File `{t.path}`, schema `{t.schema_path}`, {'?' if n is None else n} rows. ")
        out.append(f"Primary key: {', '.join(t.primary_key) or 'none'}.")
        for key in t.unique_keys:
            out.append(f" Unique together: {', '.join(key)}.")
        out.append("\n\n| field | type | title | constraints | description |\n|---|---|---|---|---|\n")
        for f in t.fields:
            out.append(
                f"| `{f.name}` | {f.type} | {_cell(f.title)} | {_constraints(f, t)} | {_cell(f.description)} |\n"
            )
        for f in t.fields:
            if f.categories:
                out.append(f"\n**`{f.name}`** controlled values:\n\n| value | meaning |\n|---|---|\n")
                for value, label in f.categories.items():
                    out.append(f"| `{_cell(value)}` | {_cell(label)} |\n")
    return "".join(out)


def write(package: Package, path: Path) -> None:
    from hrdocs.fileio import write_text_atomic

    write_text_atomic(path, render(package))
