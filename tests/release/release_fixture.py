"""A small releasable package: the validator's fixture plus VERSION and a dated CHANGELOG entry, in a git repo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "validate"))

from validate_fixture import build_package

VERSION = "0.1.0"
CHANGELOG = f"# Changelog\n\n## [Unreleased]\n\n## [{VERSION}] - 2026-11-24\n\n### Added\n- The first rows.\n"


def releasable(root: Path, *, changelog: str = CHANGELOG, git: bool = True) -> Path:
    build_package(root)
    (root / "VERSION").write_text(VERSION + "\n", encoding="utf-8")
    (root / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    if git:
        run_git(root, "init", "-q")
        run_git(root, "add", "-A")
        run_git(root, "commit", "-q", "-m", "fixture")
    return root


def run_git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        check=True,
    )


def hrdocs(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would; returns the completed process (stdout, stderr, returncode)."""
    import os

    full_env = {**os.environ, **(env or {})}
    full_env.pop("HRDOCS_PACKAGE", None)
    return subprocess.run(
        [sys.executable, "-m", "hrdocs.cli.main", *args], cwd=cwd, capture_output=True, text=True, env=full_env
    )
