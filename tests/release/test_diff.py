"""`hrdocs diff`: rows added, removed and changed by primary key, with the changed fields."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from release_fixture import hrdocs
from validate_fixture import FU, FixturePackage, build_package

from hrdocs.release.diff import diff_paths


def _edit(pkg: FixturePackage) -> None:
    paragraphs = pkg.rows["paragraphs"]
    title = next(p for p in paragraphs if p["paragraph_id"] == f"{FU}.title")
    title["notes"] = "changed note"
    title["label"] = "T"
    pkg.rows["participants"].clear()
    pkg.rows["grades"].append({**pkg.rows["grades"][0], "grade_id": f"{FU}.g-new"})


@pytest.fixture(scope="session")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    old = build_package(tmp_path_factory.mktemp("old")).root
    new = build_package(tmp_path_factory.mktemp("new"), _edit).root
    return old, new


def test_added_removed_changed(pair: tuple[Path, Path]) -> None:
    diffs = {d.table: d for d in diff_paths(*pair)}
    assert diffs["paragraphs"].changed == [(f"{FU}.title", ["label", "notes"])]
    assert diffs["paragraphs"].added == [] and diffs["paragraphs"].removed == []
    assert diffs["participants"].removed == [f"{FU}.mat-foundation"]
    assert diffs["grades"].added == [f"{FU}.g-new"]
    assert diffs["grades"].rows_old == 2 and diffs["grades"].rows_new == 3
    assert diffs["documents"].unchanged and diffs["recommendations"].unchanged


def test_cli_json_and_archive_input(pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = pair
    archive = tmp_path / "old.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(old.rglob("*")):
            if path.is_file():
                zf.write(path, f"hrdocs-0.0.1/{path.relative_to(old)}")
    out = hrdocs("diff", str(archive), str(new), "--format", "json")
    assert out.returncode == 0, out.stderr
    title = next(p for p in FixturePackage(old).rows["paragraphs"] if p["paragraph_id"] == f"{FU}.title")
    assert json.loads(out.stdout) == [
        {"table": "paragraphs", "change": "changed", "key": f"{FU}.title", "field": "label",
         "old": title.get("label") or None, "new": "T"},
        {"table": "paragraphs", "change": "changed", "key": f"{FU}.title", "field": "notes",
         "old": title.get("notes") or None, "new": "changed note"},
        {"table": "grades", "change": "added", "key": f"{FU}.g-new", "field": "", "old": None, "new": None},
        {"table": "participants", "change": "removed", "key": f"{FU}.mat-foundation", "field": "", "old": None,
         "new": None},
    ]  # fmt: skip
    assert "grades: 2 -> 3 rows; 1 added, 0 removed, 0 changed" in out.stderr


def test_missing_side_is_one_line_error(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = hrdocs("diff", str(tmp_path / "nope"), str(pair[1]))
    assert out.returncode == 2
    assert out.stderr == f"hrdocs: error: {tmp_path / 'nope'}: no such package directory or release archive\n"
