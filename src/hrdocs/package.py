"""Where the package is and how it is loaded, for every command and for ``hrdocs.connect()``.

The package is the directory holding ``datapackage.json``: the one named (``--package PATH`` on the command
line, ``package=`` in Python; a ``datapackage.json`` path names its directory), else ``$HRDOCS_PACKAGE``, else
the current directory or the nearest parent holding ``datapackage.json``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError

if TYPE_CHECKING:
    from hrdocs.metadata import Package

#: the environment variable naming the package directory
PACKAGE_ENV = "HRDOCS_PACKAGE"
DESCRIPTOR = "datapackage.json"
#: how to say where a package comes from, in every "no package" message
HOW_FOUND = (
    f"give --package PATH (a directory holding {DESCRIPTOR}, e.g. an unpacked release) or set ${PACKAGE_ENV}; "
    f"without either, the current directory and its parents are searched"
)
#: what a working copy of a package holds: everything `hrdocs validate` and `hrdocs curate` read
WORKING_PARTS = (DESCRIPTOR, "schemas", "data", "validation")


def find_package_root(path: str | os.PathLike[str] | None = None) -> Path:
    """The package directory: ``path``, else $HRDOCS_PACKAGE, else the nearest directory (the current one or a
    parent) holding datapackage.json. A one-line error when nothing is given and none is found."""
    if path is not None and str(path) != "":
        p = Path(path)
        return p.parent if p.name == DESCRIPTOR else p
    env = os.environ.get(PACKAGE_ENV)
    if env:
        return find_package_root(env)
    here = Path.cwd()
    for candidate in (here, *here.parents):
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    raise HrdocsError(f"no package found: no {DESCRIPTOR} in {here} or its parents; {HOW_FOUND}", EXIT_UNUSABLE)


def load(root: str | os.PathLike[str], exit_code: int = EXIT_UNUSABLE) -> Package:
    """The package's metadata model; a one-line HrdocsError when it cannot be read."""
    from hrdocs.metadata import load_package
    from hrdocs.metadata.model import MetadataError

    root = Path(root)
    if root.is_dir() and not (root / DESCRIPTOR).is_file():
        raise HrdocsError(f"{root}: no {DESCRIPTOR} here, so not a package; {HOW_FOUND}", exit_code)
    try:
        return load_package(root)
    except MetadataError as exc:
        raise HrdocsError(str(exc), exit_code) from exc


def copy_package(source: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
    """A working copy at ``dest`` of the package at ``source``: its WORKING_PARTS, files and folders as they are
    (for tests and benchmarks that change a package; ``dest`` is created if need be)."""
    source, dest = Path(source), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for part in WORKING_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part)
        else:
            shutil.copy2(source / part, dest / part)
    return dest
