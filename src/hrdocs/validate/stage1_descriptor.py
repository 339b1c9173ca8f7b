"""Stage 1a: datapackage.json and the Table Schemas, checked with frictionless's own descriptor validation;
each resource's file exists and matches its declared `bytes` and `hash`.

Unusable input (no datapackage.json, a descriptor or schema that is not UTF-8 JSON) raises HrdocsError with
exit code 2; everything else is a reported problem, and a table whose schema or file is missing is left out of
the later stages.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError
from hrdocs.validate.context import Context

STAGE = "files"


def read_json(path: Path, root: Path) -> dict[str, Any]:
    """A JSON object from ``path``; unusable input raises HrdocsError (exit 2)."""
    rel = path.relative_to(root) if path.is_relative_to(root) else path
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise HrdocsError(f"{rel}: cannot read: {exc.strerror or exc}", EXIT_UNUSABLE) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HrdocsError(f"{rel}: not UTF-8 ({exc.reason} at byte {exc.start})", EXIT_UNUSABLE) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HrdocsError(
            f"{rel} line {exc.lineno} column {exc.colno}: invalid JSON: {exc.msg}", EXIT_UNUSABLE
        ) from exc
    if not isinstance(data, dict):
        raise HrdocsError(f"{rel}: expected a JSON object", EXIT_UNUSABLE)
    return data


def _frictionless_errors(kind: str, descriptor: dict[str, Any], root: Path) -> list[str]:
    """Messages of frictionless's own descriptor validation (what `frictionless validate` reports on load).

    The package is checked without its resources' schemas, which are checked one by one, so that each error
    names its schema file.
    """
    from frictionless import FrictionlessException, Package, Schema

    try:
        if kind == "package":
            stripped = dict(descriptor)
            if isinstance(descriptor.get("resources"), list):
                stripped["resources"] = [
                    {k: v for k, v in r.items() if k != "schema"} if isinstance(r, dict) else r
                    for r in descriptor["resources"]
                ]
            Package.from_descriptor(stripped, basepath=str(root))
        else:
            Schema.from_descriptor(descriptor)
    except FrictionlessException as exc:
        return [e.message for e in exc.reasons] or [exc.error.message]
    except Exception as exc:  # frictionless itself failed on a malformed descriptor
        return [f"{type(exc).__name__}: {exc}"]
    return []


def _key_errors(schema: dict[str, Any], resources: dict[str, set[str]], own: str) -> list[str]:
    """primaryKey, uniqueKeys and foreignKeys must name fields that exist (frictionless does not check this)."""
    names = {f.get("name") for f in schema.get("fields", []) if isinstance(f, dict)}
    errors = []

    def as_list(v: Any) -> list[Any]:
        return v if isinstance(v, list) else [v]

    for col in as_list(schema.get("primaryKey", [])):
        if col not in names:
            errors.append(f"primaryKey names unknown field {col!r}")
    for key in schema.get("uniqueKeys", []) or []:
        for col in as_list(key):
            if col not in names:
                errors.append(f"uniqueKeys names unknown field {col!r}")
    for fk in schema.get("foreignKeys", []) or []:
        if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
            errors.append("a foreign key has no reference")
            continue
        for col in as_list(fk.get("fields", [])):
            if col not in names:
                errors.append(f"foreignKeys names unknown field {col!r}")
        target = fk["reference"].get("resource") or own
        if target not in resources:
            errors.append(f"foreign key references unknown resource {target!r}")
            continue
        target_fields = names if target == own else resources[target]
        for col in as_list(fk["reference"].get("fields", [])):
            if target_fields and col not in target_fields:
                errors.append(f"foreign key references unknown field {target}.{col}")
    return errors


def _file_hash(path: Path, declared: str) -> tuple[str, str]:
    algo, sep, _ = declared.partition(":")
    algo = algo if sep else "md5"
    digest = hashlib.new(algo)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            digest.update(chunk)
    return algo, digest.hexdigest()


def load_descriptor(ctx: Context) -> None:
    """Read datapackage.json and its schemas; set ctx.package to the tables the model can read.

    Keys naming unknown fields are reported here; frictionless's own validation runs in frictionless_checks,
    concurrently with the CSV scan.
    """
    from hrdocs.metadata.model import Package, _table

    root = ctx.root
    descriptor_path = root / "datapackage.json"
    if not descriptor_path.is_file():
        raise HrdocsError(f"{root}: no datapackage.json found", EXIT_UNUSABLE)
    descriptor = read_json(descriptor_path, root)
    resources = [r for r in descriptor.get("resources", []) if isinstance(r, dict)]
    schemas: dict[str, dict[str, Any]] = {}
    for resource in resources:
        name = str(resource.get("name", ""))
        ref = resource.get("schema")
        if isinstance(ref, str):
            path = root / ref
            if not path.is_file():
                ctx.problem(
                    STAGE,
                    "schema-missing",
                    f"schema file {ref} of resource {name!r} not found",
                    table_name=name,
                    file=ref,
                )
                continue
            schemas[name] = read_json(path, root)
        elif isinstance(ref, dict):
            schemas[name] = ref
    field_names = {n: {f.get("name") for f in s.get("fields", []) if isinstance(f, dict)} for n, s in schemas.items()}
    all_names = {str(r.get("name", "")) for r in resources}
    ctx.extra["schemas"] = schemas

    tables = []
    for resource in resources:
        name = str(resource.get("name", ""))
        if name not in schemas:
            continue
        schema_file = _schema_file(resource)
        messages = _key_errors(schemas[name], {n: field_names.get(n, set()) for n in all_names}, name)
        for message in messages:
            ctx.problem(STAGE, "schema-invalid", message, table_name=name, file=schema_file)
        if messages:
            continue
        try:
            inline = dict(resource, schema=schemas[name])
            table = _table(root, inline)
        except Exception as exc:  # the model could not read the schema
            ctx.problem(STAGE, "schema-invalid", f"cannot read schema: {exc}", table_name=name, file=schema_file)
            continue
        if isinstance(resource.get("schema"), str):
            table = _with_schema_path(table, resource["schema"])
        tables.append(table)
    ctx.package = Package(root=root, descriptor=descriptor, tables=tuple(tables))


def _schema_file(resource: dict[str, Any]) -> str:
    return resource["schema"] if isinstance(resource.get("schema"), str) else "datapackage.json"


def frictionless_checks(ctx: Context) -> set[str]:
    """frictionless's own validation of datapackage.json and each schema; returns tables with an invalid schema."""
    assert ctx.package is not None
    descriptor = ctx.package.descriptor
    for message in _frictionless_errors("package", descriptor, ctx.root):
        ctx.problem(STAGE, "descriptor-invalid", message, file="datapackage.json")
    invalid = set()
    schemas: dict[str, dict[str, Any]] = ctx.extra.get("schemas", {})
    for resource in descriptor.get("resources", []):
        if not isinstance(resource, dict) or resource.get("name") not in schemas:
            continue
        name = str(resource["name"])
        for message in _frictionless_errors("schema", schemas[name], ctx.root):
            ctx.problem(STAGE, "schema-invalid", message, table_name=name, file=_schema_file(resource))
            invalid.add(name)
    return invalid


def check_descriptor(ctx: Context) -> set[str]:
    """load_descriptor then frictionless_checks, one after the other."""
    load_descriptor(ctx)
    return frictionless_checks(ctx)


def _with_schema_path(table: Any, schema_path: str) -> Any:
    from dataclasses import replace

    return replace(table, schema_path=schema_path)


def check_files(ctx: Context) -> list[str]:
    """Each resource's file exists and matches `bytes` and `hash`; returns the names of tables with a file."""
    assert ctx.package is not None
    present = []
    for table in ctx.package.tables:
        if not isinstance(table.path, str) or not table.path or not (ctx.root / table.path).is_file():
            ctx.problem(STAGE, "file-missing", f"data file of resource {table.name!r} not found", table)
            continue
        present.append(table.name)
        path = ctx.root / table.path
        if table.bytes is not None:
            size = path.stat().st_size
            if size != table.bytes:
                ctx.problem(
                    STAGE,
                    "file-bytes",
                    f"file has {size} bytes, datapackage.json declares {table.bytes}",
                    table,
                    value=size,
                )
        if table.hash:
            try:
                algo, actual = _file_hash(path, table.hash)
            except ValueError:
                ctx.problem(STAGE, "file-hash", f"unknown hash algorithm in {table.hash!r}", table)
                continue
            expected = table.hash.partition(":")[2] if ":" in table.hash else table.hash
            if actual != expected.lower():
                ctx.problem(
                    STAGE,
                    "file-hash",
                    f"{algo} of the file is {actual}, datapackage.json declares {expected}",
                    table,
                    value=actual,
                )
    return present
