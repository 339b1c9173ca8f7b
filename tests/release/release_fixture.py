"""A small releasable package: the validator's fixture plus VERSION and a dated CHANGELOG entry, in a git repo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def hrdocs(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI in this process as a user would (run(): one-line errors, exit codes); returns its outcome."""
    import io
    import os
    from contextlib import redirect_stderr, redirect_stdout
    from unittest import mock

    from hrdocs.cli import main

    global _registered
    if not _registered:
        main._register_commands()
        _registered = True
    out, err = io.StringIO(), io.StringIO()
    environ = {k: v for k, v in os.environ.items() if k != "HRDOCS_PACKAGE"} | (env or {})
    with (
        mock.patch.dict(os.environ, environ, clear=True),
        mock.patch.object(main, "_register_commands", lambda: None),
        mock.patch.object(sys, "argv", ["hrdocs", *args]),
        redirect_stdout(out),
        redirect_stderr(err),
    ):
        try:
            main.run()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


_registered = False
