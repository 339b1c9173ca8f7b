"""Read datapackage.json and the Table Schemas it points at into plain, typed objects.

This is the only module that parses the descriptors. pandera checks, DuckDB tables, Parquet schemas, the data
dictionary and `hrdocs describe` are all derived from these objects, so a column's type and rules are written
once, in schemas/.

``load_package`` returns a checked model: every key names a field of its table, and every foreign key's table
and fields exist. By default the first broken schema raises MetadataError; ``hrdocs validate`` loads with
``strict=False`` and gets the tables that passed, with a MetadataProblem for each one left out.
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
class MetadataProblem:
    """Why one resource was left out of a package loaded with ``strict=False``."""

    table: str
    #: the schema file (or datapackage.json, for an inline schema)
    file: str
    message: str
    #: the schema file does not exist (otherwise: it exists and is broken)
    missing: bool = False

    def one_line(self) -> str:
        return f"{self.file}: {self.message}"


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
    #: resources left out because their schema is missing or broken (only with load_package(strict=False))
    problems: tuple[MetadataProblem, ...] = ()
    #: each resource's Table Schema as read (JSON), for checks of the descriptors themselves
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)

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


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _key_problems(schema: dict[str, Any], fields_of: dict[str, set[str]], own: str) -> list[str]:
    """primaryKey, uniqueKeys and foreignKeys name fields that exist, and each reference resolves to a table and
    its fields (frictionless does not check this). ``fields_of``: every resource's field names (empty when its
    schema could not be read)."""
    names = {f.get("name") for f in schema.get("fields", []) if isinstance(f, dict)}
    problems = []
    for col in _as_list(schema.get("primaryKey", [])):
        if col not in names:
            problems.append(f"primaryKey names unknown field {col!r}")
    for key in schema.get("uniqueKeys", []) or []:
        for col in _as_list(key):
            if col not in names:
                problems.append(f"uniqueKeys names unknown field {col!r}")
    for fk in schema.get("foreignKeys", []) or []:
        if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
            problems.append("a foreign key has no reference")
            continue
        for col in _as_list(fk.get("fields", [])):
            if col not in names:
                problems.append(f"foreignKeys names unknown field {col!r}")
        target = fk["reference"].get("resource") or own
        if target not in fields_of:
            problems.append(f"foreign key references unknown resource {target!r}")
            continue
        target_fields = names if target == own else fields_of[target]
        for col in _as_list(fk["reference"].get("fields", [])):
            if target_fields and col not in target_fields:
                problems.append(f"foreign key references unknown field {target}.{col}")
    return problems


def _table(name: str, resource: dict[str, Any], schema: dict[str, Any], schema_path: str) -> Table:
    where = schema_path or f"resource {name}"
    fks = []
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        fks.append(
            ForeignKey(tuple(_as_list(fk["fields"])), ref.get("resource") or name, tuple(_as_list(ref["fields"])))
        )
    pk = schema.get("primaryKey", [])
    missing = schema.get("missingValues", [""])
    return Table(
        name=name,
        path=resource.get("path", ""),
        schema_path=schema_path,
        title=resource.get("title", name),
        description=resource.get("description", schema.get("description", "")),
        fields=tuple(_field(f, where) for f in schema.get("fields", [])),
        primary_key=tuple(_as_list(pk)),
        unique_keys=tuple(tuple(_as_list(k)) for k in schema.get("uniqueKeys", [])),
        foreign_keys=tuple(fks),
        missing_values=tuple(m if isinstance(m, str) else m.get("value", "") for m in missing),
        expected_rows=resource.get(EXPECTED_ROWS_PROPERTY),
        bytes=resource.get("bytes"),
        hash=resource.get("hash"),
    )


def load_package(path: str | Path = ".", *, strict: bool = True) -> Package:
    """Load a package from its directory or its datapackage.json, as a checked model.

    A datapackage.json or schema file that is not UTF-8 JSON always raises MetadataError. A resource whose
    schema is missing, cannot be read as a Table Schema, or has keys naming unknown fields or tables raises
    MetadataError too, unless ``strict=False``: then it is left out and described in ``Package.problems``.
    """
    p = Path(path)
    descriptor_path = p / "datapackage.json" if p.is_dir() else p
    descriptor = _read_json(descriptor_path)
    root = descriptor_path.parent
    resources = [r for r in descriptor.get("resources", []) if isinstance(r, dict)]
    problems: list[MetadataProblem] = []
    schemas: dict[str, tuple[dict[str, Any], str]] = {}
    for resource in resources:
        name = str(resource.get("name", ""))
        ref = resource.get("schema")
        if isinstance(ref, str):
            if not (root / ref).is_file():
                problems.append(MetadataProblem(name, ref, f"schema file {ref} of resource {name!r} not found", True))
                continue
            schemas[name] = (_read_json(root / ref), ref)
        elif isinstance(ref, dict):
            schemas[name] = (ref, "")
        else:
            problems.append(MetadataProblem(name, "datapackage.json", f"resource {name!r} has no schema"))
    fields_of = {
        str(r.get("name", "")): {
            f.get("name")
            for f in schemas.get(str(r.get("name", "")), ({}, ""))[0].get("fields", [])
            if isinstance(f, dict)
        }
        for r in resources
    }
    tables = []
    for resource in resources:
        name = str(resource.get("name", ""))
        if name not in schemas:
            continue
        schema, schema_path = schemas[name]
        file = schema_path or "datapackage.json"
        found = [MetadataProblem(name, file, m) for m in _key_problems(schema, fields_of, name)]
        if not name:
            found.append(MetadataProblem(name, "datapackage.json", "a resource has no name"))
        if not found:
            try:
                tables.append(_table(name, resource, schema, schema_path))
            except (MetadataError, KeyError, TypeError, AttributeError, ValueError) as exc:
                found.append(MetadataProblem(name, file, f"cannot read schema: {exc}"))
        problems.extend(found)
    if strict and problems:
        raise MetadataError(problems[0].one_line())
    return Package(
        root=root,
        descriptor=descriptor,
        tables=tuple(tables),
        problems=tuple(problems),
        schemas={name: schema for name, (schema, _) in schemas.items()},
    )
