"""The one version number: VERSION is the source; datapackage.json's `version` must equal it.

The toolkit reads VERSION through pyproject's dynamic version; datapackage.json carries a copy because
frictionless and data users read it there. `check_versions` (run by `hrdocs release` and the test suite)
fails when they differ. CITATION.cff, .zenodo.json and release names are generated from it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hrdocs.errors import EXIT_INVALID, HrdocsError

#: semantic version, as the Data Package version recipe uses it
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def repo_version(root: Path) -> str:
    """The version in ``root/VERSION``."""
    path = root / "VERSION"
    try:
        version = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise HrdocsError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not SEMVER.match(version):
        raise HrdocsError(f"{path}: {version!r} is not a version X.Y.Z", EXIT_INVALID)
    return version


def read_descriptor(root: Path) -> dict:
    """``root/datapackage.json`` as JSON; one line naming the file when it cannot be read."""
    path = root / "datapackage.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise HrdocsError(f"{path}: cannot read: {exc}") from exc
    return descriptor


def package_version(root: Path) -> str:
    """The `version` in ``root/datapackage.json`` (empty when absent)."""
    return str(read_descriptor(root).get("version", ""))


def check_versions(root: Path) -> str:
    """VERSION, and datapackage.json's version equal to it; returns the version."""
    version = repo_version(root)
    declared = package_version(root)
    if declared != version:
        raise HrdocsError(
            f"datapackage.json version {declared!r} differs from VERSION {version!r} "
            "(VERSION is the source: set datapackage.json's version to it)",
            EXIT_INVALID,
        )
    return version


def archive_name(version: str) -> str:
    """The release archive's file name."""
    return f"hrdocs-{version}.zip"


def tag_name(version: str) -> str:
    """The git tag (and GitHub release) of a version."""
    return f"v{version}"
