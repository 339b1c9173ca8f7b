"""hrdocs build / hrdocs.db.build: typed tables, deterministic Parquet, incremental, atomic, built on demand."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from db_cli_helpers import fixture_package, hrdocs

from hrdocs.db.build import build
from hrdocs.db.connect import connect
from hrdocs.errors import HrdocsError
from hrdocs.metadata import load_package


@pytest.fixture()
def pkg(tmp_path: Path) -> Path:
    return fixture_package(tmp_path / "pkg")


def test_build_writes_typed_tables_with_keys_and_comments(built_package: Path) -> None:
    pkg = built_package
    result = build(pkg, progress=False)  # built by the session fixture: up to date
    assert not result.rebuilt and result.database == pkg / "build" / "hrdocs.duckdb"
    package = load_package(pkg)
    con = duckdb.connect(str(result.database), read_only=True)
    for table in package.tables:
        with (pkg / table.path).open(encoding="utf-8", newline="") as f:
            expected = sum(1 for _ in csv.DictReader(f))
        assert con.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0] == expected == result.rows[table.name]
    types = dict(
        con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'paragraphs'").fetchall()
    )
    assert types["seq"] == "BIGINT" and types["text"] == "VARCHAR"
    kinds = {
        r[0]
        for r in con.execute("SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'grades'").fetchall()
    }
    assert {"PRIMARY KEY", "FOREIGN KEY", "NOT NULL"} <= kinds
    comment = con.execute(
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'grades' AND column_name = 'grade'"
    ).fetchone()[0]
    field = package.table("grades").field("grade")
    assert comment == f"{field.title}. {field.description}"
    assert con.execute("SELECT count(*) FROM search_docs").fetchone()[0] > 0


def test_parquet_is_zstd_ordered_with_metadata_and_deterministic(built_package: Path, tmp_path: Path) -> None:
    """A second build of the session's package writes the same Parquet bytes, on every core."""
    first = build(built_package, progress=False)
    second = build(built_package, tmp_path / "b2", progress=False)
    assert second.rebuilt
    package = load_package(built_package)
    for table in package.tables:
        a = (first.parquet_dir / f"{table.name}.parquet").read_bytes()
        b = (second.parquet_dir / f"{table.name}.parquet").read_bytes()
        assert a == b, table.name
        f = pq.ParquetFile(first.parquet_dir / f"{table.name}.parquet")
        meta = f.schema_arrow.metadata
        assert meta[b"hrdocs:version"] == package.version.encode()
        assert meta[b"hrdocs:table"] == table.name.encode()
        assert b'"fields"' in meta[b"hrdocs:schema"]
        assert f.metadata.row_group(0).column(0).compression == "ZSTD"
        keys = f.read(columns=list(table.primary_key)).to_pylist()
        assert keys == sorted(keys, key=lambda r: tuple(r.values()))


def test_second_run_does_no_work(pkg: Path) -> None:
    assert build(pkg, progress=False).rebuilt
    mtime = (pkg / "build" / "hrdocs.duckdb").stat().st_mtime_ns
    again = build(pkg, progress=False)
    assert not again.rebuilt and again.reason == "up to date"
    assert (pkg / "build" / "hrdocs.duckdb").stat().st_mtime_ns == mtime
    os.utime(pkg / "data" / "grades.csv")  # touched, same bytes: still up to date
    assert not build(pkg, progress=False).rebuilt
    assert build(pkg, force=True, progress=False).reason == "forced"


def _set_cell(path: Path, index: int, column: str, value: str) -> None:
    """Set one cell of a CSV (index 0 is the header row)."""
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    rows[index][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def test_failed_build_leaves_previous_build_intact(pkg: Path) -> None:
    build(pkg, progress=False)
    before = {p.name: p.read_bytes() for p in (pkg / "build" / "parquet").iterdir()}
    db_before = (pkg / "build" / "hrdocs.duckdb").read_bytes()
    _set_cell(pkg / "data" / "paragraphs.csv", 3, "seq", "three")
    with pytest.raises(HrdocsError) as err:
        build(pkg, progress=False)
    assert err.value.message.startswith("data/paragraphs.csv: line 4: column seq: Could not convert string")
    assert "\n" not in err.value.message
    assert {p.name: p.read_bytes() for p in (pkg / "build" / "parquet").iterdir()} == before
    assert (pkg / "build" / "hrdocs.duckdb").read_bytes() == db_before
    assert not [p for p in (pkg / "build").iterdir() if p.name.startswith(".tmp-")]


def test_cli_failed_build_is_one_line(pkg: Path) -> None:
    path = pkg / "data" / "grades.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace("grade_id", "gradeid")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    code, out, err = hrdocs("build", "--package", str(pkg))
    assert code == 1 and out == ""
    assert err.startswith("hrdocs: error: data/grades.csv: line 1: the header is not the schema's fields in order")


def test_stale_build_is_rebuilt_on_demand(pkg: Path) -> None:
    build(pkg, progress=False)
    _set_cell(pkg / "data" / "documents.csv", 1, "title", "改过的标题")
    con = connect(pkg)
    assert con.execute("SELECT count(*) FROM documents WHERE title = '改过的标题'").fetchone()[0] == 1


def test_missing_build_is_built_on_demand(pkg: Path) -> None:
    shutil.rmtree(pkg / "build", ignore_errors=True)
    code, out, _ = hrdocs("query", "SELECT count(*) AS n FROM grades", "--package", str(pkg), "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "n"
    assert (pkg / "build" / "manifest.json").is_file()


def test_two_builds_hold_the_same_tables_and_rows_in_the_same_order(built_package: Path, tmp_path: Path) -> None:
    """The database file's bytes are not promised (a parallel insert writes row groups as threads finish them),
    its contents are: the same tables, columns, constraints and rows, in the same row order."""
    first = build(built_package, progress=False).database
    second = build(built_package, tmp_path / "two", force=True, progress=False).database

    def contents(path: Path) -> dict[str, object]:
        con = duckdb.connect(str(path), read_only=True)
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        found: dict[str, object] = {
            "columns": con.execute(
                "SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns() "
                "WHERE NOT internal ORDER BY ALL"
            ).fetchall(),
            "constraints": con.execute(
                "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() ORDER BY ALL"
            ).fetchall(),
        }
        for name in tables:
            found[name] = con.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
        con.close()
        return found

    one, two = contents(first), contents(second)
    assert one == two
    assert len(one["paragraphs"]) == 11 and len(one) > 5 + 2  # the package's tables and the search index's
