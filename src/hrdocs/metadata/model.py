"""Read datapackage.json and the Table Schemas it points at into plain, typed objects.

This is the only module that parses the descriptors. pandera checks, DuckDB tables, Parquet schemas, the data
dictionary and `hrdocs describe` are all derived from these objects, so a column's type and rules are written
once, in schemas/.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Custom field property linking a text field to the field holding its source spans.
SPANS_PROPERTY = "hrdocs:spans"
#: Custom resource property declaring expected row counts: {"total": n, "byDocument": {id: n}}.
EXPECTED_ROWS_PROPERTY = "hrdocs:expectedRows"


class MetadataError(Exception):
    """datapackage.json or a schema cannot be read as this toolkit needs it."""


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: str
    description: str
    required: bool = False
    unique: bool = False
    pattern: str | None = None
    minimum: Any = None
    maximum: Any = None
    min_length: int | None = None
    max_length: int | None = None
    enum: tuple[str, ...] | None = None
    #: controlled values with their meanings (Data Package v2 `categories`), value -> label
    categories: dict[str, str] | None = None
    #: for a text field reproduced from a source file: the name of the field holding its spans
    spans_field: str | None = None

    @property
    def allowed_values(self) -> tuple[str, ...] | None:
        """The closed set of values, from `enum` or `categories`, or None when open."""
        if self.enum is not None:
            return self.enum
        if self.categories is not None:
            return tuple(self.categories)
        return None


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # referenced table name (the table itself for a self-reference)
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    path: str  # relative to the package root
    schema_path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    unique_keys: tuple[tuple[str, ...], ...]
    foreign_keys: tuple[ForeignKey, ...]
    missing_values: tuple[str, ...]
    expected_rows: dict[str, Any] | None = None
    bytes: int | None = None
    hash: str | None = None

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


@dataclass(frozen=True)
class Package:
    root: Path
    descriptor: dict[str, Any]
    tables: tuple[Table, ...] = field(default_factory=tuple)

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(f"the package has no table {name!r}")

    def path(self, relative: str) -> Path:
        return self.root / relative


def _read_json(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise MetadataError(f"{path}: file not found") from exc
    except UnicodeDecodeError as exc:
        raise MetadataError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MetadataError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise MetadataError(f"{path}: expected a JSON object")
    return data


def _field(raw: dict[str, Any], where: str) -> Field:
    try:
        name = raw["name"]
    except KeyError as exc:
        raise MetadataError(f"{where}: a field has no name") from exc
    c = raw.get("constraints", {}) or {}
    categories = raw.get("categories")
    cats: dict[str, str] | None = None
    if categories is not None:
        cats = {}
        for item in categories:
            if isinstance(item, dict):
                cats[str(item["value"])] = str(item.get("label", item["value"]))
            else:
                cats[str(item)] = str(item)
    return Field(
        name=name,
        type=raw.get("type", "any"),
        title=raw.get("title", name),
        description=raw.get("description", ""),
        required=bool(c.get("required", False)),
        unique=bool(c.get("unique", False)),
        pattern=c.get("pattern"),
        minimum=c.get("minimum"),
        maximum=c.get("maximum"),
        min_length=c.get("minLength"),
        max_length=c.get("maxLength"),
        enum=tuple(str(v) for v in c["enum"]) if "enum" in c else None,
        categories=cats,
        spans_field=raw.get(SPANS_PROPERTY),
    )


def _table(root: Path, resource: dict[str, Any]) -> Table:
    name = resource.get("name")
    if not name:
        raise MetadataError("datapackage.json: a resource has no name")
    schema_ref = resource.get("schema")
    if isinstance(schema_ref, str):
        schema_path = schema_ref
        schema = _read_json(root / schema_ref)
    elif isinstance(schema_ref, dict):
        schema_path = ""
        schema = schema_ref
    else:
        raise MetadataError(f"datapackage.json: resource {name!r} has no schema")
    where = schema_path or f"resource {name}"
    fks = []
    for fk in schema.get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        fks.append(ForeignKey(tuple(fields), ref.get("resource") or name, tuple(ref_fields)))
    pk = schema.get("primaryKey", [])
    missing = schema.get("missingValues", [""])
    return Table(
        name=name,
        path=resource.get("path", ""),
        schema_path=schema_path,
        title=resource.get("title", name),
        description=resource.get("description", schema.get("description", "")),
        fields=tuple(_field(f, where) for f in schema.get("fields", [])),
        primary_key=tuple([pk] if isinstance(pk, str) else pk),
        unique_keys=tuple(tuple(k) for k in schema.get("uniqueKeys", [])),
        foreign_keys=tuple(fks),
        missing_values=tuple(m if isinstance(m, str) else m.get("value", "") for m in missing),
        expected_rows=resource.get(EXPECTED_ROWS_PROPERTY),
        bytes=resource.get("bytes"),
        hash=resource.get("hash"),
    )


def load_package(path: str | Path = ".") -> Package:
    """Load a package from its directory or its datapackage.json."""
    p = Path(path)
    descriptor_path = p / "datapackage.json" if p.is_dir() else p
    descriptor = _read_json(descriptor_path)
    root = descriptor_path.parent
    tables = tuple(_table(root, r) for r in descriptor.get("resources", []))
    return Package(root=root, descriptor=descriptor, tables=tables)
