"""``hrdocs.connect()``: a read-only, locked-down DuckDB connection to the built package, built on demand.

The connection cannot modify the database (``read_only``), read or write any other file, attach databases or
COPY (``enable_external_access = false``), install or load extensions (autoload, autoinstall and community
extensions off), or change any of that afterwards (``lock_configuration = true``). Everything is set when the
database is opened; the search index is plain tables, so nothing needs loading first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from hrdocs.errors import HrdocsError

if TYPE_CHECKING:
    import duckdb

#: the settings of every query connection, applied when the database is opened
LOCKED_CONFIG: dict[str, str | bool] = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


def ensure_built(
    package: str | os.PathLike[str] | None = None, *, build_if_stale: bool = True, progress: bool = True
) -> Path:
    """The path of an up-to-date database for the package, building it when missing or older than the data."""
    from hrdocs.db.build import DATABASE_NAME, build, default_build_dir
    from hrdocs.db.manifest import read_manifest, stale_reason
    from hrdocs.package import find_package_root, load

    root = find_package_root(package)
    pkg = load(root)
    build_dir = default_build_dir(root)
    database = build_dir / DATABASE_NAME
    reason = stale_reason(pkg, read_manifest(build_dir))
    if reason is None and database.is_file():
        return database
    if not build_if_stale:
        if database.is_file():
            return database
        raise HrdocsError(f"{database} does not exist: run `hrdocs build`")
    if progress and sys.stderr.isatty():
        print(f"hrdocs: building the database ({reason})", file=sys.stderr)
    return build(root, build_dir, progress=progress).database


def open_locked(database: Path) -> duckdb.DuckDBPyConnection:
    """Open a built database read-only with every external access and setting change refused."""
    import duckdb

    try:
        return duckdb.connect(str(database), read_only=True, config=dict(LOCKED_CONFIG))
    except duckdb.Error as exc:
        raise HrdocsError(f"cannot open {database}: {str(exc).splitlines()[0]}") from exc


def connect(package: str | os.PathLike[str] | None = None, *, build_if_stale: bool = True) -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection to the package's tables (documents, paragraphs, recommendations, grades,
    participants) and search index, building the database first when it is missing or older than the data.

    ``package``: the package directory (a ``str`` or a ``Path``) or its datapackage.json; default
    $HRDOCS_PACKAGE, else the current directory or the nearest parent holding datapackage.json.
    """
    return open_locked(ensure_built(package, build_if_stale=build_if_stale))
