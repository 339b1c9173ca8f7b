"""Stage 2: every column against its field's type and constraints, with the pandera (polars backend) schemas
generated in hrdocs.metadata.pandera_schemas, validated lazily so that every failing cell is listed.

The data comes from the DuckDB tables of stage 1 as Arrow record batches (no second read of the CSV); a
table is validated batch by batch so that memory stays bounded on large tables. Only what a check reads is
sent: a column with no rule is left out (section, notes, ...), and a column whose only rule is ``required``
(document_id) is sent as '' or null, so that pandera sees the same empty cells without the values being copied
out of DuckDB.
"""

from __future__ import annotations

from hrdocs.metadata.duckdb_schema import quote
from hrdocs.validate.context import RAW_SCHEMA, Context

STAGE = "columns"
BATCH_ROWS = 100_000

MESSAGES = {
    "field-type": "not a valid {type}",
    "field-required": "required field is empty",
    "field-enum": "not one of the allowed values",
    "field-pattern": "does not match pattern {pattern}",
    "field-minimum": "below minimum {minimum}",
    "field-maximum": "above maximum {maximum}",
    "field-min-length": "shorter than minLength {min_length}",
    "field-max-length": "longer than maxLength {max_length}",
}


def check_columns(ctx: Context) -> None:
    import pandera.errors
    import polars as pl

    from hrdocs.metadata.pandera_schemas import PANDERA_RULES, pandera_schema

    assert ctx.con is not None
    for name, loaded in ctx.loaded.items():
        table = loaded.table
        schema = pandera_schema(table, loaded.columns)
        # a column with no check and nulls allowed has nothing to check; one with nulls refused but no check of
        # its content is sent as '' or null
        schema = schema.select_columns([c for c, col in schema.columns.items() if col.checks or not col.nullable])
        if not schema.columns:
            continue
        select = ", ".join(
            quote(c) if col.checks else f"CASE WHEN {quote(c)} IS NOT NULL THEN '' END AS {quote(c)}"
            for c, col in schema.columns.items()
        )
        # no ORDER BY: it would make DuckDB materialise the whole table; each batch carries its rows' rowid
        reader = (
            ctx.cursor()
            .sql(f"SELECT rowid AS __rowid, {select} FROM {RAW_SCHEMA}.{quote(name)}")
            .to_arrow_reader(BATCH_ROWS)
        )
        for batch in reader:
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            try:
                schema.validate(frame, lazy=True)
            except pandera.errors.SchemaErrors as exc:
                rowids = frame.get_column("__rowid")
                cases = exc.failure_cases.sort(["index", "column"], nulls_last=True)
                for case, column, check, index in cases.select("failure_case", "column", "check", "index").iter_rows():
                    rule = PANDERA_RULES.get(check, check)
                    if column is None or index is None:
                        ctx.problem(STAGE, "field-type", f"pandera: {check}: {case}", table)
                        continue
                    field = table.field(column)
                    template = MESSAGES.get(rule, rule)
                    message = template.format(
                        type=field.type,
                        pattern=field.pattern,
                        minimum=field.minimum,
                        maximum=field.maximum,
                        min_length=field.min_length,
                        max_length=field.max_length,
                    )
                    if rule == "field-enum" and field.allowed_values:
                        message += ": " + ", ".join(field.allowed_values[:12])
                    ctx.problem(
                        STAGE,
                        rule,
                        message,
                        table,
                        row=int(rowids[int(index)]) + 2,
                        column=column,
                        value=None if rule == "field-required" else case,
                    )
