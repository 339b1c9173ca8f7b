"""pandera (polars backend) schemas generated from the Table Schemas, never retyped.

Every column is checked as TEXT, exactly as read from the CSV (empty cells are null), so a bad cell becomes a
failure case rather than a failed load. Each generated check is named after the rule id it enforces
(field-type, field-enum, field-pattern, field-minimum, field-maximum, field-min-length, field-max-length);
pandera's own ``not_nullable`` stands for field-required. Types follow frictionless: an integer is an optional
sign and digits ('1.0' and '1e3' are not integers), a date is a real calendar date written yyyy-mm-dd, a
boolean is true or false (the package's convention; frictionless also accepts True, 1, ...), a number is a
decimal or scientific literal.

Uniqueness (``unique``) is checked by DuckDB (hrdocs.validate.keys), over the whole table at once, so that
pandera can validate a table in batches. hrdocs.validate.columns holds the same checks as DuckDB SQL, for small
tables.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hrdocs.metadata.model import Field, Table

if TYPE_CHECKING:
    import pandera.polars as pa

#: field type -> regular expression of a well-formed cell (whole value)
TYPE_PATTERNS: dict[str, str] = {
    "integer": r"^[+-]?[0-9]+$",
    "number": r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$|^(?:NaN|INF|-INF)$",
    "boolean": r"^(?:true|false)$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "year": r"^[0-9]{4}$",
}
#: pandera check name -> rule id (the generated checks are already named by rule id)
PANDERA_RULES: dict[str, str] = {"not_nullable": "field-required"}


def _typed(field: Field, col: Any) -> Any:
    """A polars expression converting the text column to the field's type (null where it does not parse)."""
    import polars as pl

    if field.type == "integer" or field.type == "year":
        return col.cast(pl.Int64, strict=False)
    if field.type == "number":
        return col.cast(pl.Float64, strict=False)
    if field.type == "date":
        return col.str.to_date("%Y-%m-%d", strict=False)
    return col


def _bound(field: Field, value: Any) -> Any:
    if field.type == "date":
        return dt.date.fromisoformat(str(value))
    if field.type in ("integer", "year"):
        return int(value)
    if field.type == "number":
        return float(value)
    return value


def _check(name: str, expr_of: Any) -> pa.Check:
    """A pandera check named ``name`` whose polars expression (of the column) is true where the cell is valid."""
    import pandera.polars as pa
    import polars as pl

    def fn(data: Any) -> Any:
        col = pl.col(data.key)
        return data.lazyframe.select(col.is_null() | expr_of(col).fill_null(False))

    return pa.Check(fn, name=name)


def field_checks(field: Field) -> list[pa.Check]:
    """The checks one field's constraints call for, in the order they are reported."""
    checks = []
    type_pattern = TYPE_PATTERNS.get(field.type)
    if type_pattern is not None:
        if field.type == "date":
            checks.append(
                _check("field-type", lambda c, p=type_pattern, f=field: c.str.contains(p) & _typed(f, c).is_not_null())
            )
        else:
            checks.append(_check("field-type", lambda c, p=type_pattern: c.str.contains(p)))
    allowed = field.allowed_values
    if allowed is not None:
        values = list(allowed)
        checks.append(_check("field-enum", lambda c, v=values: c.is_in(v)))
    if field.pattern is not None:
        checks.append(_check("field-pattern", lambda c, p=f"^(?:{field.pattern})$": c.str.contains(p)))
    if field.minimum is not None:
        lo = _bound(field, field.minimum)
        checks.append(_check("field-minimum", lambda c, f=field, lo=lo: _typed(f, c).is_null() | (_typed(f, c) >= lo)))
    if field.maximum is not None:
        hi = _bound(field, field.maximum)
        checks.append(_check("field-maximum", lambda c, f=field, hi=hi: _typed(f, c).is_null() | (_typed(f, c) <= hi)))
    if field.min_length is not None:
        checks.append(_check("field-min-length", lambda c, n=field.min_length: c.str.len_chars() >= n))
    if field.max_length is not None:
        checks.append(_check("field-max-length", lambda c, n=field.max_length: c.str.len_chars() <= n))
    return checks


def pandera_schema(table: Table, columns: list[str] | None = None) -> pa.DataFrameSchema:
    """The pandera polars schema of ``table`` (only ``columns`` when given), every column as text."""
    import pandera.polars as pa
    import polars as pl

    wanted = set(columns) if columns is not None else None
    cols = {
        f.name: pa.Column(
            pl.Utf8, nullable=not f.required, checks=field_checks(f), title=f.title, description=f.description
        )
        for f in table.fields
        if wanted is None or f.name in wanted
    }
    return pa.DataFrameSchema(cols, name=table.name, strict=False, coerce=False)
