"""README's layout table is true: every path it names exists, and every module and package of src/hrdocs/ and
every folder of the repository's top level is named in it."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: top-level folders that are not part of the project's layout (made by tools, or ignored by git)
NOT_LAYOUT = {".git", ".venv", ".pytest_cache", ".ruff_cache", "build", "dist", "bench-data"}


def layout_paths(readme: str) -> list[str]:
    """The paths of the first column of README's layout table: a folder (`docs/`) or a path is from the
    repository's top; a bare file name (`csv_dialect.py`) sits in the folder of the path before it in the cell."""
    section = readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    paths: list[str] = []
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        cell = line.split("|")[1]
        folder = ""
        for token in re.findall(r"`([^`]+)`", cell):
            path = token if "/" in token or not folder else folder + token
            paths.append(path)
            folder = path.rsplit("/", 1)[0] + "/" if "/" in path.rstrip("/") else ""
    return paths


def test_every_named_path_exists() -> None:
    paths = layout_paths((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(paths) > 15
    missing = [p for p in paths if not (REPO / p).exists()]
    assert missing == []


def test_every_module_and_top_level_folder_is_named() -> None:
    named = {p.rstrip("/") for p in layout_paths((REPO / "README.md").read_text(encoding="utf-8"))}
    src = REPO / "src" / "hrdocs"
    parts = {
        f"src/hrdocs/{p.name}"
        for p in src.iterdir()
        if p.name not in ("__init__.py", "__pycache__") and (p.is_dir() or p.suffix == ".py")
    }
    folders = {p.name for p in REPO.iterdir() if p.is_dir() and p.name not in NOT_LAYOUT}
    assert sorted(parts - named) == []
    assert sorted(folders - {p.split("/")[0] for p in named}) == []


def test_the_table_reader_sees_a_missing_path() -> None:
    table = "\n## Layout\n\n| folder | what |\n|---|---|\n| `src/hrdocs/package.py`, `nosuch.py` | x |\n"
    assert layout_paths(table) == ["src/hrdocs/package.py", "src/hrdocs/nosuch.py"]
    assert layout_paths(table.replace("`nosuch.py`", "`docs/`, `tests/`")) == [
        "src/hrdocs/package.py",
        "docs/",
        "tests/",
    ]
    assert not (REPO / "src/hrdocs/nosuch.py").exists()
