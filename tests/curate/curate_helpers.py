"""Shared by the tests of `hrdocs curate`: copies of the shipped package, the CLI in this process and as the
console entry point, and a fingerprint of every file of a package copy."""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys
from pathlib import Path

from cli_runner import hrdocs as hrdocs  # the tests import it from here

from hrdocs import package

REPO = Path(__file__).resolve().parents[2]
TEXTS = Path(__file__).resolve().parent / "texts"
HRDOCS = Path(sys.executable).parent / "hrdocs"


def copy_package(dest: Path) -> Path:
    """A copy of the shipped package at ``dest``."""
    return package.copy_package(REPO, dest)


def hrdocs_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`hrdocs ARGS` run as a user runs it: the installed console script in a process of its own."""
    return subprocess.run([str(HRDOCS), *args], capture_output=True, text=True, check=False, cwd=cwd)


def fingerprint(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by relative path (temporary files would show as new paths)."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def rows(root: Path, table: str) -> list[dict[str, str]]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(root: Path, table: str, values: list[dict[str, str]]) -> None:
    """Write a table back in the package's dialect (UTF-8, LF, quoted only where needed), as an editor would."""
    path = root / "data" / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(values)


def coverage(validate_output: str) -> dict[str, str]:
    """document id -> its coverage figure from `hrdocs validate`'s coverage line ("100.0%")."""
    line = next((ln for ln in validate_output.splitlines() if ln.startswith("coverage:")), "")
    return dict(re.findall(r"([a-z0-9-]+) ([0-9.]+%)", line))
