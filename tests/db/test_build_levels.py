"""hrdocs.db.build: self-referencing tables (paragraphs.parent_id/footnote_of) are loaded level by level, with
the levels worked out in one recursive query; rows that have no level (a missing parent, a cycle) end the build
with one line naming the row."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from validate_fixture import FU, build_package

from hrdocs.db.build import _stage_levels, _stage_table, build
from hrdocs.errors import HrdocsError
from hrdocs.metadata import load_package


@pytest.fixture()
def pkg(tmp_path: Path) -> Path:
    build_package(tmp_path / "pkg")
    return tmp_path / "pkg"


def _edit_paragraphs(pkg: Path, changes: dict[str, dict[str, str]]) -> None:
    path = pkg / "data" / "paragraphs.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        row.update(changes.get(row["paragraph_id"], {}))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _levels(pkg: Path) -> tuple[int | None, dict[str, int]]:
    package = load_package(pkg)
    con = duckdb.connect()
    table = package.table("paragraphs")
    _stage_table(con, package, table)
    deepest = _stage_levels(con, table)
    return deepest, dict(con.execute('SELECT key, level FROM temp.main."paragraphs_levels"').fetchall())


def test_levels_are_one_more_than_the_deepest_row_pointed_at(pkg: Path) -> None:
    deepest, levels = _levels(pkg)
    # h16 at the top; p1 and the [C]/[B] headings under it; list items and texts under those; the footnote of
    # t-b one below t-b
    assert levels[f"{FU}.h16"] == 1
    assert levels[f"{FU}.p1"] == levels[f"{FU}.h-c"] == 2
    assert levels[f"{FU}.li-a"] == levels[f"{FU}.t-b"] == 3
    assert levels[f"{FU}.fn1"] == 4
    assert deepest == max(levels.values())


def test_database_rows_come_after_the_rows_they_point_at(built_package: Path) -> None:
    con = duckdb.connect(str(built_package / "build" / "hrdocs.duckdb"), read_only=True)
    late = con.execute(
        """SELECT count(*) FROM paragraphs AS c JOIN paragraphs AS p
           ON p.paragraph_id = c.parent_id OR p.paragraph_id = c.footnote_of WHERE p.rowid >= c.rowid"""
    ).fetchone()[0]
    assert late == 0


def test_missing_parent_is_one_line_naming_the_key(pkg: Path) -> None:
    _edit_paragraphs(pkg, {f"{FU}.t-c": {"parent_id": f"{FU}.nowhere"}})
    assert _levels(pkg)[0] is None
    with pytest.raises(HrdocsError) as err:
        build(pkg, progress=False)
    message = err.value.message
    assert message.startswith("data/paragraphs.csv (paragraphs): Constraint Error: Violates foreign key constraint")
    assert f"{FU}.nowhere" in message and "\n" not in message
    assert message.endswith("(`hrdocs validate` lists every problem)")
    assert not (pkg / "build" / "hrdocs.duckdb").exists()


def test_cycle_is_one_line_naming_a_row(pkg: Path) -> None:
    _edit_paragraphs(pkg, {f"{FU}.h-c": {"parent_id": f"{FU}.t-c"}})  # h-c -> t-c -> h-c
    assert _levels(pkg)[0] is None
    with pytest.raises(HrdocsError) as err:
        build(pkg, progress=False)
    assert err.value.message == (
        f"data/paragraphs.csv: paragraph_id {FU}.h-c: "
        "its parent_id/footnote_of reference forms a cycle within the table"
    )
