"""scripts/synthetic_package.py writes a package that `hrdocs validate` accepts, the same bytes for the same seed."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HRDOCS = Path(sys.executable).with_name("hrdocs")


def _generator():
    spec = importlib.util.spec_from_file_location("synthetic_package", REPO / "scripts" / "synthetic_package.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic_package"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "pkg"
    _generator().generate(out, 200, seed=7)
    return out


@pytest.mark.slow
def test_generated_package_is_valid(package: Path) -> None:
    result = subprocess.run([str(HRDOCS), "validate", str(package)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "valid:" in result.stdout
    assert "Traceback" not in result.stderr


def test_every_table_has_rows_in_proportion(package: Path) -> None:
    counts = {}
    for name in ("documents", "paragraphs", "recommendations", "grades", "participants"):
        with (package / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            counts[name] = sum(1 for _ in csv.reader(fh)) - 1
    assert counts["paragraphs"] == 200
    assert counts["recommendations"] > 0 and counts["grades"] > 0 and counts["participants"] > 0
    with (package / "data" / "recommendations.csv").open(encoding="utf-8", newline="") as fh:
        assert any(row["parent_id"] for row in csv.DictReader(fh))
    with (package / "data" / "paragraphs.csv").open(encoding="utf-8", newline="") as fh:
        spans = [row["spans"] for row in csv.DictReader(fh)]
    sources = "".join(p.read_text(encoding="utf-8") for p in sorted((package / "data" / "sources").iterdir()))
    assert "**" in sources and "<sup>" in sources  # the normalisation has work to do
    assert all(spans)


def test_same_seed_same_bytes(package: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    _generator().generate(again, 200, seed=7)
    assert _files(again) == _files(package)
    other = tmp_path / "other"
    _generator().generate(other, 200, seed=8)
    assert _files(other)["data/paragraphs.csv"] != _files(package)["data/paragraphs.csv"]


def test_too_few_paragraphs_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "synthetic_package.py"),
            "--paragraphs",
            "5",
            "--out",
            str(tmp_path / "x"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "synthetic_package: error: --paragraphs must be at least 20\n"
