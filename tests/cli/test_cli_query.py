"""hrdocs query: formats, row cap, parameters, stdin and files, SQL errors, timeout, and every refusal."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from db_cli_helpers import hrdocs


@pytest.fixture(scope="module")
def pkg(built_package: Path) -> Path:
    """The session's built fixture package (tests/conftest.py): these tests only read it."""
    return built_package


def q(pkg: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    return hrdocs("query", *args, "--package", str(pkg), stdin=stdin)


SQL = "SELECT paragraph_id, seq FROM paragraphs ORDER BY seq"


def _expected(pkg: Path) -> list[tuple[str, int]]:
    with (pkg / "data" / "paragraphs.csv").open(encoding="utf-8", newline="") as f:
        return sorted(((r["paragraph_id"], int(r["seq"])) for r in csv.DictReader(f)), key=lambda r: r[1])


def test_json_is_the_default_when_piped(pkg: Path) -> None:
    code, out, err = q(pkg, SQL)
    assert code == 0 and err == ""
    assert [(r["paragraph_id"], r["seq"]) for r in json.loads(out)] == _expected(pkg)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "markdown"])
def test_every_format_parses_back(pkg: Path, fmt: str) -> None:
    code, out, _ = q(pkg, SQL, "--format", fmt)
    assert code == 0
    if fmt == "jsonl":
        rows = [(r["paragraph_id"], r["seq"]) for r in map(json.loads, out.splitlines())]
    elif fmt == "markdown":
        lines = out.splitlines()
        assert lines[0] == "| paragraph_id | seq |" and lines[1] == "|---|---|"
        rows = [(c[1].strip(), int(c[2])) for c in (line.split("|") for line in lines[2:])]
    else:
        reader = csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t")
        header, *body = list(reader)
        assert header == ["paragraph_id", "seq"]
        rows = [(a, int(b)) for a, b in body]
    assert rows == _expected(pkg)


def test_table_format_prints_rows(pkg: Path) -> None:
    code, out, _ = q(pkg, SQL, "--format", "table")
    assert code == 0 and all(pid in out for pid, _ in _expected(pkg))


def test_row_cap_notice_and_all(pkg: Path) -> None:
    code, out, err = q(pkg, "SELECT * FROM range(25) t(i)", "--limit", "10", "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 11
    assert (
        err == "hrdocs: showing the first 10 rows; more were returned (--offset 10 for the next page, --all for all)\n"
    )
    code, out, err = q(pkg, "SELECT * FROM range(25) t(i)", "--limit", "10", "--all", "--format", "csv")
    assert len(out.splitlines()) == 26 and err == ""
    code, out, err = q(pkg, "SELECT * FROM range(10) t(i)", "--limit", "10", "--format", "csv")
    assert len(out.splitlines()) == 11 and err == ""


def test_named_parameters(pkg: Path) -> None:
    first_id, first_seq = _expected(pkg)[0]
    code, out, _ = q(pkg, "SELECT seq FROM paragraphs WHERE paragraph_id = $id AND seq = $n::INTEGER",
                     "-p", "id", first_id, "--param", "n", str(first_seq))  # fmt: skip
    assert code == 0 and json.loads(out) == [{"seq": first_seq}]


def test_sql_from_stdin_and_file(pkg: Path, tmp_path: Path) -> None:
    code, out, _ = q(pkg, "-", "--format", "csv", stdin="SELECT 41 + 1 AS x")
    assert (code, out) == (0, "x\n42\n")
    code, out, _ = q(pkg, "-f", "-", "--format", "csv", stdin="SELECT 'a' AS y")
    assert (code, out) == (0, "y\na\n")
    sql = tmp_path / "q.sql"
    sql.write_text("-- a comment\nSELECT count(*) AS n FROM grades;\n", encoding="utf-8")
    code, out, _ = q(pkg, "-f", str(sql), "--format", "csv")
    assert code == 0 and out.startswith("n\n")


def test_sql_error_shows_duckdb_message_and_position(pkg: Path) -> None:
    code, out, err = q(pkg, "SELECT 1 +\nFROM grades")
    assert code == 1 and out == ""
    assert err.startswith('hrdocs: error: Parser Error: syntax error at or near "FROM"\nLINE 2: FROM grades\n')
    assert "Traceback" not in err


def test_unknown_table_lists_the_tables(pkg: Path) -> None:
    code, _, err = q(pkg, "SELECT * FROM gradez")
    assert code == 1
    first = err.splitlines()[0]
    assert first.startswith("hrdocs: error: Catalog Error: Table with name gradez does not exist! (tables: ")
    for table in ("documents", "paragraphs", "recommendations", "grades", "participants"):
        assert table in first


def test_timeout_stops_a_slow_query(pkg: Path) -> None:
    code, out, err = q(pkg, "SELECT count(*) FROM range(1000000000) a, range(1000000000) b", "--timeout", "0.5")
    assert (code, out, err) == (1, "", "hrdocs: error: query stopped after 0.5 s (--timeout)\n")


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("INSERT INTO grades (grade_id) VALUES ('x')", 'Cannot execute statement of type "INSERT"'),
        ("CREATE TABLE t (a INTEGER)", 'Cannot execute statement of type "CREATE"'),
        ("DROP TABLE grades", 'Cannot execute statement of type "DROP"'),
        ("UPDATE grades SET grade = 'A'", 'Cannot execute statement of type "UPDATE"'),
        ("ATTACH '{tmp}/other.duckdb' AS other", "file system operations are disabled by configuration"),
        ("COPY grades TO '{tmp}/out.csv'", "file system operations are disabled by configuration"),
        ("COPY (SELECT 1) TO '{tmp}/out.parquet' (FORMAT parquet)", "file system operations are disabled"),
        ("SELECT * FROM read_csv('/etc/passwd')", 'Cannot access file "/etc/passwd"'),
        ("SELECT * FROM '{tmp}/x.csv'", "file system operations are disabled by configuration"),
        ("INSTALL fts", "file system operations are disabled by configuration"),
        ("LOAD fts", "Loading external extensions is disabled through configuration"),
        ("SET enable_external_access = true", "the configuration has been locked"),
        ("SET lock_configuration = false", "the configuration has been locked"),
        ("SET threads = 1", "the configuration has been locked"),
        ("PRAGMA enable_profiling", "the configuration has been locked"),
        ("RESET memory_limit", "the configuration has been locked"),
    ],
)
def test_refusals(pkg: Path, tmp_path: Path, sql: str, message: str) -> None:
    (tmp_path / "x.csv").write_text("a\n1\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    db = pkg / "build" / "hrdocs.duckdb"
    size = db.stat().st_size
    code, out, err = q(pkg, sql.format(tmp=tmp_path))
    assert code == 1 and out == ""
    assert err.startswith("hrdocs: error: ") and message in err.splitlines()[0], err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert db.stat().st_size == size


def test_empty_sql_is_refused(pkg: Path) -> None:
    code, _, err = q(pkg, "  ")
    assert (code, err) == (2, "hrdocs: error: the SQL is empty\n")


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.3, 1.5])
def test_ctrl_c_stops_a_running_query(pkg: Path, delay: float) -> None:
    """SIGINT to the real command, before or while the query runs: one line, exit 130, no traceback."""
    import signal
    import subprocess
    import time

    from hrdocs.db.connect import ensure_built

    ensure_built(pkg, progress=False)
    sql = "SELECT sum(hash(a.range * b.range)) FROM range(1000000) a, range(1000000) b"
    script = Path(sys.executable).with_name("hrdocs")
    proc = subprocess.Popen(
        [str(script), "query", sql, "--package", str(pkg), "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # past the interpreter's own start-up, where Python prints a traceback: the command line installs its handler
    # before it opens the database, so a second thread (DuckDB's, or the query's) means the handler is in place.
    # About 0.5 s on an idle machine; several seconds when other work loads both cores.
    tasks = Path(f"/proc/{proc.pid}/task")
    deadline = time.monotonic() + 30
    while tasks.is_dir() and len(list(tasks.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    if not tasks.is_dir():  # no /proc: wait as long as start-up takes here
        time.sleep(1.5)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert out == ""
    assert err in ("hrdocs: error: query interrupted (Ctrl-C)\n", "hrdocs: error: interrupted\n")
