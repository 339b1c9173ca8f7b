"""A field's rules in words, for people: `hrdocs describe` and the data dictionary both print these."""

from __future__ import annotations

from hrdocs.metadata.model import Field, Table


def _range(low: object, high: object) -> str:
    return f"{'' if low is None else low}..{'' if high is None else high}"


def field_rules(table: Table, f: Field) -> list[str]:
    """Keys, pattern, closed values, ranges, lengths and provenance of one field, one short phrase each
    (required and unique are flags of their own: see Field)."""
    rules: list[str] = []
    if f.name in table.primary_key:
        rules.append("primary key" if len(table.primary_key) == 1 else "part of the primary key")
    for fk in table.foreign_keys:
        if f.name in fk.fields:
            rules.append(f"references {fk.resource}.{','.join(fk.reference_fields)}")
    if f.pattern is not None:
        rules.append(f"pattern {f.pattern}")
    if f.enum is not None:
        rules.append("one of " + ", ".join(f.enum))
    elif f.categories is not None:
        rules.append("one of the controlled values")
    if f.minimum is not None or f.maximum is not None:
        rules.append(f"range {_range(f.minimum, f.maximum)}")
    if f.min_length is not None or f.max_length is not None:
        rules.append(f"length {_range(f.min_length, f.max_length)}")
    if f.spans_field:
        rules.append(f"reproduced from the source by {f.spans_field}")
    return rules
