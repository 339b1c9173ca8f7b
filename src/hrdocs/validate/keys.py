"""Keys, as DuckDB SQL generated from the schemas: primary keys, unique fields, uniqueKeys and foreign keys
(including self-references), over the tables read from the CSV files. With --document, only the document's rows
are reported, and their foreign keys are looked up in the whole referenced tables."""

from __future__ import annotations

from hrdocs.metadata.duckdb_schema import quote
from hrdocs.metadata.model import Table
from hrdocs.validate.context import RAW_SCHEMA, Context
from hrdocs.validate.report import Rule

STAGE = "tables"
FIELD_UNIQUE = Rule(
    "field-unique",
    STAGE,
    "a field with constraint unique has no repeated value",
    "unique value repeats row {first_row}",
)
PRIMARY_KEY = Rule("primary-key", STAGE, "the primary key is set and unique", "primary key repeats row {first_row}")
UNIQUE_KEY = Rule("unique-key", STAGE, "each uniqueKeys combination is unique", "unique key repeats row {first_row}")
FOREIGN_KEY = Rule(
    "foreign-key", STAGE, "each foreign key value exists in the referenced table", "no {target} has this value"
)
RULES = (FIELD_UNIQUE, PRIMARY_KEY, UNIQUE_KEY, FOREIGN_KEY)
#: the other message of primary-key
PRIMARY_KEY_EMPTY = "primary key field is empty"


def _raw(name: str) -> str:
    return f"{RAW_SCHEMA}.{quote(name)}"


def _duplicates(ctx: Context, table: Table, cols: tuple[str, ...], rule: Rule) -> None:
    keys = ", ".join(quote(c) for c in cols)
    not_null = " AND ".join(f"{quote(c)} IS NOT NULL" for c in cols)
    # a hash aggregate finds repeated keys; rows are looked up only for those (usually none)
    repeated = f"SELECT {keys} FROM {_raw(table.name)} WHERE {not_null} GROUP BY {keys} HAVING count(*) > 1"
    if not ctx.sql(f"SELECT EXISTS ({repeated})")[0][0]:
        return
    rows = ctx.sql(
        f"SELECT row, first_row, {keys} FROM (SELECT rowid + 2 AS row, min(rowid + 2) OVER w AS first_row, "
        f"{keys} FROM {_raw(table.name)} WHERE ({keys}) IN ({repeated}) WINDOW w AS (PARTITION BY {keys})) "
        "WHERE row > first_row ORDER BY row"
    )
    for row, first_row, *values in rows:
        ctx.problem(
            rule,
            rule.message(first_row=first_row),
            table,
            row=row,
            column=",".join(cols),
            value=",".join(str(v) for v in values),
        )


def check_keys(ctx: Context) -> None:
    for name, loaded in ctx.loaded.items():
        table = loaded.table
        if table.primary_key:
            for col in table.primary_key:
                for (row,) in ctx.sql(f"SELECT rowid + 2 FROM {_raw(name)} WHERE {quote(col)} IS NULL ORDER BY rowid"):
                    ctx.problem(PRIMARY_KEY, PRIMARY_KEY_EMPTY, table, row=row, column=col)
            _duplicates(ctx, table, table.primary_key, PRIMARY_KEY)
        for field in table.fields:
            if field.unique and (field.name,) != table.primary_key:
                _duplicates(ctx, table, (field.name,), FIELD_UNIQUE)
        for key in table.unique_keys:
            _duplicates(ctx, table, key, UNIQUE_KEY)
        for fk in table.foreign_keys:
            if not ctx.usable(fk.resource):
                ctx.report.skipped.append(
                    f"{name}: foreign key to {fk.resource} not checked ({fk.resource} unreadable)"
                )
                continue
            cols = ", ".join(f"c.{quote(c)}" for c in fk.fields)
            not_null = " AND ".join(f"c.{quote(c)} IS NOT NULL" for c in fk.fields)
            match = " AND ".join(
                f"p.{quote(r)} = c.{quote(c)}" for c, r in zip(fk.fields, fk.reference_fields, strict=True)
            )
            rows = ctx.sql(
                f"SELECT c.rowid + 2, {cols} FROM {_raw(name)} c WHERE {not_null} AND NOT EXISTS "
                f"(SELECT 1 FROM {_raw(fk.resource)} p WHERE {match}) ORDER BY c.rowid"
            )
            message = FOREIGN_KEY.message(target=f"{fk.resource}.{','.join(fk.reference_fields)}")
            for row, *values in rows:
                column = ",".join(fk.fields)
                ctx.problem(FOREIGN_KEY, message, table, row=row, column=column, value=",".join(str(v) for v in values))
