"""One version number (VERSION) read everywhere; derived files regenerated; CI runs the README's commands."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

from hrdocs.errors import HrdocsError
from hrdocs.release import changelog
from hrdocs.release.version import check_versions

REPO = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("make_release_files", REPO / "scripts" / "make_release_files.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_datapackage_version_equals_version_file() -> None:
    assert check_versions(REPO) == (REPO / "VERSION").read_text().strip()


def test_toolkit_reads_version_file() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"file": "VERSION"}


def test_version_mismatch_is_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "VERSION").write_text("0.2.0\n")
    (tmp_path / "datapackage.json").write_text('{"version": "0.1.0"}')
    with pytest.raises(HrdocsError, match=r"datapackage.json version '0.1.0' differs from VERSION '0.2.0'"):
        check_versions(tmp_path)


def test_derived_files_are_current() -> None:
    stale = _script().stale(REPO)
    assert not stale, f"stale: {', '.join(stale)}; regenerate with: .venv/bin/python scripts/make_release_files.py"


def test_changelog_entries_parse() -> None:
    text = "## [Unreleased]\n- x\n\n## [1.2.3] - 2026-01-02\n### Fixed\n- y\n\n## [1.2.2]\n"
    found = changelog.entries(text)
    assert found["1.2.3"].date == "2026-01-02" and "- y" in found["1.2.3"].body
    assert found["1.2.2"].date is None and found["Unreleased"].date is None


def test_missing_changelog_entry_refused(tmp_path: Path) -> None:
    (tmp_path / "CHANGELOG.md").write_text("## [Unreleased]\n")
    with pytest.raises(HrdocsError) as exc:
        changelog.require_entry(tmp_path, "0.3.0")
    assert exc.value.message == (
        "CHANGELOG.md has no entry for version 0.3.0: add '## [0.3.0] - YYYY-MM-DD' with the release's changes"
    )


def test_workflow_runs_the_ci_commands() -> None:
    import yaml

    ci = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    ci_commands = [line for line in ci if line.startswith("make ")]
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "validate.yml").read_text())
    steps = [s["run"].strip() for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    assert [s for s in steps if s.startswith("make ")] == ci_commands == ["make validate", "make test"]
