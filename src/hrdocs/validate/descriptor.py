"""datapackage.json and the Table Schemas: read once into the checked metadata model (hrdocs.metadata.load_package:
keys name real fields, references resolve), and checked with frictionless's own descriptor validation.

frictionless costs about 0.6 CPU-seconds to import and check, more than every other check of the shipped package
together, and only this check needs it. Its verdict depends only on the descriptors and frictionless's version,
so it is kept in a cache keyed by both, not by where the package lies (``$HRDOCS_CACHE_DIR``, default
``~/.cache/hrdocs``; set it to an empty string for none), and not worked out again for the same descriptors.
When it must be worked out and frictionless is not imported already, it runs in a child interpreter started
first, on the other core, while this process reads the CSV files (``ProfileCheck``). The verdict is the same
either way.

Unusable input (no datapackage.json, a descriptor or schema that is not UTF-8 JSON) raises HrdocsError with exit
code 2; everything else is a reported problem, and a table whose schema is missing or invalid is left out of the
later checks.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError
from hrdocs.validate.context import Context
from hrdocs.validate.report import Rule

STAGE = "files"
DESCRIPTOR_INVALID = Rule(
    "descriptor-invalid", STAGE, "datapackage.json is valid for frictionless's Data Package profile"
)
SCHEMA_INVALID = Rule(
    "schema-invalid", STAGE, "each Table Schema is valid for frictionless and its keys name existing fields"
)
SCHEMA_MISSING = Rule("schema-missing", STAGE, "each resource's schema file exists")
RULES = (DESCRIPTOR_INVALID, SCHEMA_INVALID, SCHEMA_MISSING)


def read_package(ctx: Context) -> None:
    """Set ctx.package to the checked model of the package's tables; report each resource left out."""
    from hrdocs.metadata.model import MetadataError, load_package

    if not (ctx.root / "datapackage.json").is_file():
        raise HrdocsError(f"{ctx.root}: no datapackage.json found", EXIT_UNUSABLE)
    try:
        ctx.package = load_package(ctx.root, strict=False)
    except MetadataError as exc:
        raise HrdocsError(str(exc), EXIT_UNUSABLE) from exc
    for p in ctx.package.problems:
        ctx.problem(SCHEMA_MISSING if p.missing else SCHEMA_INVALID, p.message, table_name=p.table, file=p.file)


def schema_file(ctx: Context, name: str) -> str:
    assert ctx.package is not None
    for resource in ctx.package.descriptor.get("resources", []):
        if isinstance(resource, dict) and resource.get("name") == name and isinstance(resource.get("schema"), str):
            return str(resource["schema"])
    return "datapackage.json"


def frictionless_messages(descriptor: dict[str, Any], schemas: dict[str, dict[str, Any]], basepath: str) -> dict:
    """Messages of frictionless's own descriptor validation (what `frictionless validate` reports on load):
    ``{"package": [...], "schemas": {table: [...]}}``.

    The package is checked without its resources' schemas, which are checked one by one, so that each error
    names its schema file."""
    from frictionless import FrictionlessException, Package, Schema

    def errors(load: Any) -> list[str]:
        try:
            load()
        except FrictionlessException as exc:
            return [e.message for e in exc.reasons] or [exc.error.message]
        except Exception as exc:  # frictionless itself failed on a malformed descriptor
            return [f"{type(exc).__name__}: {exc}"]
        return []

    stripped = dict(descriptor)
    if isinstance(descriptor.get("resources"), list):
        stripped["resources"] = [
            {k: v for k, v in r.items() if k != "schema"} if isinstance(r, dict) else r for r in descriptor["resources"]
        ]
    return {
        "package": errors(lambda: Package.from_descriptor(stripped, basepath=basepath)),
        "schemas": {name: errors(lambda s=schema: Schema.from_descriptor(s)) for name, schema in schemas.items()},
    }


def cache_file(request: dict[str, Any]) -> Path | None:
    """Where the verdict on ``request`` is kept: named by the SHA-256 of frictionless's version and the request's
    descriptors. The package's folder (``basepath``) is left out: frictionless's descriptor validation reads no
    file, so a copy of the package elsewhere (a clone, an unpacked release, a test's temporary folder) has the
    same verdict."""
    from importlib.metadata import PackageNotFoundError, version

    folder = os.environ.get("HRDOCS_CACHE_DIR", str(Path.home() / ".cache" / "hrdocs"))
    if not folder:
        return None
    try:
        fl_version = version("frictionless")
    except PackageNotFoundError:
        return None
    keyed = {k: v for k, v in request.items() if k != "basepath"}
    digest = hashlib.sha256(json.dumps([fl_version, keyed], sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return Path(folder) / "frictionless-descriptor" / f"{digest.hexdigest()}.json"


@dataclass
class ProfileCheck:
    """frictionless's descriptor validation, running beside the other checks until ``finish``."""

    request: dict[str, Any]
    child: subprocess.Popen[bytes] | None = None
    thread: threading.Thread | None = None
    result: dict[str, Any] = field(default_factory=dict)
    cache: Path | None = None
    cached: bool = False

    @classmethod
    def start(cls, ctx: Context) -> ProfileCheck:
        assert ctx.package is not None
        check = cls({"descriptor": ctx.package.descriptor, "schemas": ctx.package.schemas, "basepath": str(ctx.root)})
        check.cache = cache_file(check.request)
        if check.cache is not None and check.cache.is_file():
            try:
                check.result = json.loads(check.cache.read_text(encoding="utf-8"))
                check.cached = isinstance(check.result, dict) and {"package", "schemas"} <= set(check.result)
            except (OSError, ValueError):
                check.cached = False
            if check.cached:
                return check
        if "frictionless" not in sys.modules:
            try:
                check.child = subprocess.Popen(
                    [sys.executable, "-m", "hrdocs.validate.descriptor"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
                assert check.child.stdin is not None
                check.child.stdin.write(json.dumps(check.request).encode("utf-8"))
                check.child.stdin.close()
                return check
            except OSError:
                check.child = None
        check.thread = threading.Thread(target=check._run_here, daemon=True)
        check.thread.start()
        return check

    def _run_here(self) -> None:
        self.result = frictionless_messages(**self.request)

    def _wait(self) -> dict[str, Any]:
        if self.cached:
            return self.result
        found = self._compute()
        if self.cache is not None:
            from hrdocs.fileio import write_text_atomic

            with contextlib.suppress(OSError):  # no cache then: the next run works it out again
                write_text_atomic(self.cache, json.dumps(found, ensure_ascii=False))
        return found

    def _compute(self) -> dict[str, Any]:
        if self.child is not None:
            assert self.child.stdout is not None
            out = self.child.stdout.read()
            self.child.stdout.close()
            if self.child.wait() == 0:
                try:
                    return json.loads(out)
                except ValueError:
                    pass
            self._run_here()  # the child failed: check here, the verdict is the same
        elif self.thread is not None:
            self.thread.join()
        return self.result

    def finish(self, ctx: Context) -> set[str]:
        """Report frictionless's verdict; returns the tables whose schema it found invalid."""
        found = self._wait()
        for message in found["package"]:
            ctx.problem(DESCRIPTOR_INVALID, message, file="datapackage.json")
        invalid = set()
        for name, messages in found["schemas"].items():
            for message in messages:
                ctx.problem(SCHEMA_INVALID, message, table_name=name, file=schema_file(ctx, name))
                invalid.add(name)
        return invalid


def _child() -> None:
    """The child interpreter of ProfileCheck: the request on stdin, the messages as JSON on stdout."""
    request = json.loads(sys.stdin.buffer.read())
    sys.stdout.write(json.dumps(frictionless_messages(**request)))


if __name__ == "__main__":
    _child()
