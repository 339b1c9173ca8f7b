"""What a build was made from: fingerprints of its inputs, so that an unchanged package is not rebuilt.

``build/manifest.json`` records, for datapackage.json, every schema and every CSV, its size, mtime and SHA-256,
plus the toolkit fingerprint (hrdocs version, DuckDB version, and a hash of the modules that shape the build,
BUILD_MODULES).
A file whose size and mtime match is taken as unchanged without reading it; one whose mtime changed but whose
SHA-256 still matches is unchanged too (a fresh clone or an unpacked release has new mtimes).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hrdocs.fileio import sha256_file, write_text_atomic
from hrdocs.metadata import Package

MANIFEST_NAME = "manifest.json"
#: bump when the layout of the build changes in a way the module hashes would not show
BUILD_FORMAT = 1
#: the modules (below src/hrdocs/) whose code shapes what a build writes; other modules (the query runner, the
#: command line) can change without making every build stale
BUILD_MODULES = (
    "db/build.py",
    "search/index.py",
    "search/terms.py",
    "metadata/duckdb_schema.py",
    "metadata/model.py",
)


def input_paths(package: Package) -> list[str]:
    """The package files a build reads, relative to the package root, in a stable order."""
    paths = ["datapackage.json"]
    for t in package.tables:
        if t.schema_path and t.schema_path not in paths:
            paths.append(t.schema_path)
    for t in package.tables:
        if t.path not in paths:
            paths.append(t.path)
    return paths


def toolkit_fingerprint() -> dict[str, str]:
    """The versions and code that shape a build: a change in any of them makes the build stale."""
    import duckdb

    from hrdocs import __version__

    h = hashlib.sha256()
    sources = [Path(__file__).resolve().parents[1] / rel for rel in BUILD_MODULES]
    for p in sources:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return {"hrdocs": __version__, "duckdb": duckdb.__version__, "code": h.hexdigest(), "format": str(BUILD_FORMAT)}


@dataclass(frozen=True)
class FileState:
    size: int
    mtime_ns: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}


def file_state(path: Path) -> FileState:
    st = path.stat()
    return FileState(st.st_size, st.st_mtime_ns, sha256_file(path))


def current_manifest(package: Package) -> dict[str, Any]:
    """The manifest of the package as it is now (reads and hashes every input)."""
    files = {}
    for rel in input_paths(package):
        files[rel] = file_state(package.path(rel)).to_json()
    return {"toolkit": toolkit_fingerprint(), "data_version": package.version, "files": files}


def read_manifest(build_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((build_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def stale_reason(package: Package, recorded: dict[str, Any] | None) -> str | None:
    """Why the recorded build no longer matches the package (None when it does). Hashes only changed files."""
    if recorded is None:
        return "no previous build"
    if recorded.get("toolkit") != toolkit_fingerprint():
        return "the toolkit changed"
    files = recorded.get("files")
    if not isinstance(files, dict):
        return "the manifest is unreadable"
    wanted = input_paths(package)
    if sorted(files) != sorted(wanted):
        return "the package's files changed"
    for rel in wanted:
        path = package.path(rel)
        try:
            st = path.stat()
        except OSError:
            return f"{rel} is missing"
        old = files[rel]
        if st.st_size != old.get("size"):
            return f"{rel} changed"
        if st.st_mtime_ns != old.get("mtime_ns") and sha256_file(path) != old.get("sha256"):
            return f"{rel} changed"
    return None


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    write_text_atomic(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
