"""Every column against its field's type and constraints, as the Table Schemas in schemas/ declare them.

Two engines check the same rules, each generated from the schemas (never retyped), and report the same problems:

- large tables: the pandera (polars backend) schemas of hrdocs.metadata.pandera_schemas, validated lazily so
  that every failing cell is listed, batch by batch so that memory stays bounded. The data comes from the
  DuckDB tables read from the CSV files as Arrow record batches (no second read of the CSV). Only what a check
  reads is sent: a column with no rule is left out (section, notes, ...), and a column whose only rule is
  ``required`` (document_id) is sent as '' or null, so that pandera sees the same empty cells without the values
  being copied out of DuckDB.
- tables whose file is below PANDERA_MIN_BYTES: the same rules as one DuckDB query per table (``sql_checks``), so that a
  small package does not pay pandera's import (about a second, with polars and pandas) for a few hundred rows.

tests/validate proves the two equal: every column defect of the catalogue is checked by both.
"""

from __future__ import annotations

from hrdocs.metadata.duckdb_schema import duckdb_type, quote, sql_string
from hrdocs.metadata.model import Field, Table
from hrdocs.validate.context import RAW_SCHEMA, Context, LoadedTable
from hrdocs.validate.report import Rule

STAGE = "columns"
FIELD_TYPE = Rule(
    "field-type",
    STAGE,
    "a cell parses as its field's type (integer, number, date yyyy-mm-dd, boolean)",
    "not a valid {type}",
)
FIELD_REQUIRED = Rule("field-required", STAGE, "a required field is not empty", "required field is empty")
FIELD_ENUM = Rule(
    "field-enum", STAGE, "a value is one of the field's enum or categories", "not one of the allowed values"
)
FIELD_PATTERN = Rule(
    "field-pattern", STAGE, "a value matches the field's pattern (whole value)", "does not match pattern {pattern}"
)
FIELD_MINIMUM = Rule("field-minimum", STAGE, "a value is at least the field's minimum", "below minimum {minimum}")
FIELD_MAXIMUM = Rule("field-maximum", STAGE, "a value is at most the field's maximum", "above maximum {maximum}")
FIELD_MIN_LENGTH = Rule(
    "field-min-length", STAGE, "a value has at least minLength characters", "shorter than minLength {min_length}"
)
FIELD_MAX_LENGTH = Rule(
    "field-max-length", STAGE, "a value has at most maxLength characters", "longer than maxLength {max_length}"
)
RULES = (
    FIELD_TYPE,
    FIELD_REQUIRED,
    FIELD_ENUM,
    FIELD_PATTERN,
    FIELD_MINIMUM,
    FIELD_MAXIMUM,
    FIELD_MIN_LENGTH,
    FIELD_MAX_LENGTH,
)
BY_ID = {r.id: r for r in RULES}
#: tables whose CSV file has at least this many bytes are checked by pandera; smaller ones by the same rules in
#: DuckDB SQL
PANDERA_MIN_BYTES = 100_000_000
BATCH_ROWS = 100_000


def uses_pandera(ctx: Context, table: Table) -> bool:
    return (ctx.root / table.path).stat().st_size >= PANDERA_MIN_BYTES


def warm_up(ctx: Context, names: list[str]) -> None:
    """Import pandera now (about a second) when a table will need it, so that the import runs while DuckDB reads
    the CSV files (which releases the GIL) rather than beside provenance."""
    assert ctx.package is not None
    if any(uses_pandera(ctx, ctx.package.table(n)) for n in names):
        import pandera.polars  # noqa: F401


def message(rule: Rule, field: Field) -> str:
    """The message of one failing cell, the same from both engines."""
    text = rule.message(
        type=field.type,
        pattern=field.pattern,
        minimum=field.minimum,
        maximum=field.maximum,
        min_length=field.min_length,
        max_length=field.max_length,
    )
    if rule is FIELD_ENUM and field.allowed_values:
        text += ": " + ", ".join(field.allowed_values[:12])
    return text


def typed_sql(field: Field, expr: str) -> str:
    """``expr`` (a text column) as the field's DuckDB type, NULL where the cell is not a valid value of its type:
    DuckDB alone would cast 'yes' to true and '1.0' to 1, which the type check refuses."""
    from hrdocs.metadata.pandera_schemas import TYPE_PATTERNS

    t = duckdb_type(field)
    if t == "VARCHAR":
        return expr
    pattern = TYPE_PATTERNS.get(field.type)
    typed = f"TRY_CAST({expr} AS {t})"
    return f"CASE WHEN regexp_matches({expr}, {sql_string(pattern)}) THEN {typed} END" if pattern else typed


def _literal(field: Field, value: object) -> str:
    t = duckdb_type(field)
    return f"CAST({sql_string(str(value))} AS {t})"


def sql_checks(field: Field) -> list[tuple[Rule, str]]:
    """(rule, SQL condition true where a cell of the field breaks it), in pandera's order of checks, for the
    field's column ``c``: the SQL twin of hrdocs.metadata.pandera_schemas.field_checks."""
    from hrdocs.metadata.pandera_schemas import TYPE_PATTERNS

    c = quote(field.name)
    checks: list[tuple[Rule, str]] = []
    if field.required:
        checks.append((FIELD_REQUIRED, f"{c} IS NULL"))
    present = f"{c} IS NOT NULL AND NOT "
    type_pattern = TYPE_PATTERNS.get(field.type)
    if type_pattern is not None:
        ok = f"regexp_matches({c}, {sql_string(type_pattern)})"
        if field.type == "date":
            ok = f"({ok} AND TRY_CAST({c} AS DATE) IS NOT NULL)"
        checks.append((FIELD_TYPE, present + ok))
    allowed = field.allowed_values
    if allowed is not None:
        checks.append((FIELD_ENUM, present + f"{c} IN ({', '.join(sql_string(v) for v in allowed)})"))
    if field.pattern is not None:
        checks.append((FIELD_PATTERN, present + f"regexp_matches({c}, {sql_string(f'^(?:{field.pattern})$')})"))
    typed = typed_sql(field, c)
    if field.minimum is not None:
        checks.append((FIELD_MINIMUM, f"coalesce({typed} < {_literal(field, field.minimum)}, false)"))
    if field.maximum is not None:
        checks.append((FIELD_MAXIMUM, f"coalesce({typed} > {_literal(field, field.maximum)}, false)"))
    if field.min_length is not None:
        checks.append((FIELD_MIN_LENGTH, present + f"length({c}) >= {int(field.min_length)}"))
    if field.max_length is not None:
        checks.append((FIELD_MAX_LENGTH, present + f"length({c}) <= {int(field.max_length)}"))
    return checks


def _check_sql(ctx: Context, loaded: LoadedTable) -> None:
    table = loaded.table
    checks = [(f, rule, cond) for f in table.fields if f.name in loaded.columns for rule, cond in sql_checks(f)]
    if not checks:
        return
    flags = ", ".join(f"coalesce({cond}, false) AS __b{i}" for i, (_, _, cond) in enumerate(checks))
    names = sorted({f.name for f, _, _ in checks})
    values = ", ".join(quote(n) for n in names)
    query = (
        f"SELECT * FROM (SELECT rowid + 2 AS __row, {flags}, {values} FROM {RAW_SCHEMA}.{quote(table.name)}) "
        f"WHERE {' OR '.join(f'__b{i}' for i in range(len(checks)))} ORDER BY __row"
    )
    at = {n: 1 + len(checks) + i for i, n in enumerate(names)}
    for found in ctx.sql(query):
        row = found[0]
        for i, (f, rule, _) in enumerate(checks):
            if found[1 + i]:
                value = None if rule is FIELD_REQUIRED else found[at[f.name]]
                ctx.problem(rule, message(rule, f), table, row=row, column=f.name, value=value)


def _check_pandera(ctx: Context, loaded: LoadedTable) -> None:
    import pandera.errors
    import polars as pl

    from hrdocs.metadata.pandera_schemas import PANDERA_RULES, pandera_schema

    table = loaded.table
    schema = pandera_schema(table, loaded.columns)
    # a column with no check and nulls allowed has nothing to check; one with nulls refused but no check of its
    # content is sent as '' or null
    schema = schema.select_columns([c for c, col in schema.columns.items() if col.checks or not col.nullable])
    if not schema.columns:
        return
    select = ", ".join(
        quote(c) if col.checks else f"CASE WHEN {quote(c)} IS NOT NULL THEN '' END AS {quote(c)}"
        for c, col in schema.columns.items()
    )
    # no ORDER BY: it would make DuckDB materialise the whole table; each batch carries its rows' rowid
    reader = (
        ctx.cursor()
        .sql(f"SELECT rowid AS __rowid, {select} FROM {RAW_SCHEMA}.{quote(table.name)}")
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
                rule = BY_ID.get(PANDERA_RULES.get(check, check), FIELD_TYPE)
                if column is None or index is None:
                    ctx.problem(FIELD_TYPE, f"pandera: {check}: {case}", table)
                    continue
                value = None if rule is FIELD_REQUIRED else case
                row = int(rowids[int(index)]) + 2
                ctx.problem(rule, message(rule, table.field(column)), table, row=row, column=column, value=value)


def check_columns(ctx: Context) -> None:
    assert ctx.con is not None
    for loaded in ctx.loaded.values():
        if uses_pandera(ctx, loaded.table):
            _check_pandera(ctx, loaded)
        else:
            _check_sql(ctx, loaded)
