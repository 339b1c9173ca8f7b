"""What a new user meets first (issue 14): each item with a test that failed before its fix."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import time
from pathlib import Path

import pytest
from db_cli_helpers import REPO, hrdocs

from hrdocs.metadata import load_package

#: one worker runs this module under pytest-xdist: some of its commands build the shipped package's build/ on
#: demand, as test_cli_browse's and test_readme's do
pytestmark = pytest.mark.xdist_group("shipped-package")


@pytest.fixture(scope="module")
def pkg(built_package: Path) -> Path:
    """The session's built fixture package (tests/conftest.py): these tests only read it."""
    return built_package


ANSI = re.compile(r"\x1b\[[0-9;]*m")


class _Terminal(io.StringIO):
    """A stdout that says it is a terminal (80 columns, from $COLUMNS)."""

    def isatty(self) -> bool:
        return True


# --- Python: hrdocs.connect("path") ---


def test_connect_takes_a_string(pkg: Path) -> None:
    import hrdocs

    con = hrdocs.connect(str(pkg))
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] > 0
    finally:
        con.close()


def test_the_library_does_not_import_the_cli() -> None:
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "src" / "hrdocs").rglob("*.py")
        if "cli" not in p.relative_to(REPO / "src" / "hrdocs").parts[:1]
        and re.search(r"^\s*(from|import) hrdocs\.cli\b", p.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


def test_show_and_grades_are_usable_from_python(pkg: Path) -> None:
    import hrdocs
    from hrdocs.browse import GradeRow, grade_counts, grades, show

    con = hrdocs.connect(pkg)
    try:
        item = show(con, "cmw/c/aze/co/3")
        rows = grades(con, country="aze")
    finally:
        con.close()
    assert (item.table, item.id) == ("documents", "cmw-c-aze-co-3")
    assert rows and all(isinstance(r, GradeRow) and r.country_iso3 == "AZE" for r in rows)
    assert sum(c.count for c in grade_counts(rows)) == len(rows)


# --- show ---


def test_show_of_a_document_is_readable() -> None:
    code, out, _ = hrdocs("show", "a-hrc-50-52", "--package", str(REPO), "--format", "table")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) < 200, len(lines)  # was 724: one small table per outline row
    assert sum(1 for line in lines if "outline" in line) == 1
    assert max(len(line) for line in lines) <= 80


def test_show_accepts_a_un_symbol(pkg: Path) -> None:
    code, out, _ = hrdocs("show", "CMW/C/AZE/CO/3", "--package", str(pkg), "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "cmw-c-aze-co-3"


def test_show_markdown_and_records(pkg: Path) -> None:
    code, out, _ = hrdocs("show", "cmw-c-aze-co-3", "--package", str(pkg), "--format", "markdown")
    assert code == 0
    assert out.startswith("# documents cmw-c-aze-co-3\n\n## document\n\n| field | value |\n|---|---|\n")
    code, out, _ = hrdocs("show", "cmw-c-aze-co-3", "--package", str(pkg), "--format", "records")
    assert code == 0 and out.startswith("-[ document ]")


def test_show_offers_only_the_formats_it_prints(pkg: Path) -> None:
    code, out, _ = hrdocs("show", "--help")
    assert code == 0 and "csv" not in out and "tsv" not in out
    code, _, err = hrdocs("show", "cmw-c-aze-co-3", "--package", str(pkg), "--format", "csv")
    assert code == 2 and "'csv' is not one of" in err


# --- grades ---


def test_grades_markdown_is_one_table(pkg: Path) -> None:
    code, out, _ = hrdocs("grades", "--package", str(pkg), "--format", "markdown")
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("|---")] == ["|---" * 8 + "|"]


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (("grades", "--document", "nope"), "unknown document 'nope': see `hrdocs query \"SELECT document_id FROM "
                                           "documents\"`"),
        (("search", "移民", "--document", "nope"), "unknown document 'nope': see `hrdocs query \"SELECT "
                                                   "document_id FROM documents\"`"),
        (("grades", "--country", "Azerbaijan"), "unknown country 'Azerbaijan': give an ISO 3166-1 alpha-3 code the "
                                                "data holds (AZE)"),
        (("show", "nope"), "unknown id 'nope': no document (by id or UN symbol), paragraph, recommendation, grade "
                           "or participant has it"),
        (("describe", "nope"), "unknown table 'nope': tables are {tables}"),
    ],
)  # fmt: skip
def test_one_behaviour_for_unknown_ids_and_codes(pkg: Path, command: tuple[str, ...], message: str) -> None:
    message = message.replace("{tables}", ", ".join(t.name for t in load_package(pkg).tables))
    code, out, err = hrdocs(*command, "--package", str(pkg))
    assert (code, out, err) == (2, "", f"hrdocs: error: {message}\n")


def test_grades_by_symbol_and_code_in_any_case(pkg: Path) -> None:
    code, out, _ = hrdocs("grades", "--country", "aze", "--package", str(pkg), "--format", "json")
    assert code == 0 and len(json.loads(out)) == 2


# --- describe, query errors ---


def test_describe_ignores_case(pkg: Path) -> None:
    code, out, _ = hrdocs("describe", "Paragraphs", "--package", str(pkg), "--format", "json")
    assert code == 0 and json.loads(out)[0]["column"] == "paragraph_id"


def test_unknown_table_does_not_list_the_search_index(pkg: Path) -> None:
    code, _, err = hrdocs("query", "SELECT * FROM gradez", "--package", str(pkg))
    assert code == 1
    assert f"(tables: {', '.join(sorted(t.name for t in load_package(pkg).tables))})" in err
    assert "search_" not in err


def test_full_width_comma_gets_a_hint(pkg: Path) -> None:
    code, _, err = hrdocs("query", "SELECT grade，count(*) FROM grades GROUP BY grade", "--package", str(pkg))
    assert code == 1
    assert err.splitlines()[-1] == (
        "hint: the SQL holds the full-width '，' (line 1, column 13): SQL needs the ASCII ','; full-width "
        "punctuation belongs inside quotes only"
    )


def test_full_width_punctuation_inside_quotes_is_no_hint(pkg: Path) -> None:
    code, _, err = hrdocs("query", "SELECT '，' FROM nope", "--package", str(pkg))
    assert code == 1 and "hint:" not in err


def test_outside_a_package_the_error_says_how_it_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HRDOCS_PACKAGE", raising=False)
    code, out, err = hrdocs("tables")
    assert (code, out) == (2, "")
    assert err == (
        f"hrdocs: error: no package found: no datapackage.json in {tmp_path} or its parents; give --package PATH "
        "(a directory holding datapackage.json, e.g. an unpacked release) or set $HRDOCS_PACKAGE; without either, "
        "the current directory and its parents are searched\n"
    )
    code, _, err = hrdocs("tables", "--package", str(tmp_path))
    assert code == 2 and err.startswith(f"hrdocs: error: {tmp_path}: no datapackage.json here") and "--package" in err


# --- output: records, --offset, wide rows, spreadsheets ---


def test_records_view(pkg: Path) -> None:
    code, out, _ = hrdocs(
        "query", "SELECT document_id, symbol FROM documents ORDER BY 1 LIMIT 2", "--package", str(pkg),
        "--format", "records",
    )  # fmt: skip
    assert code == 0
    blocks = out.split("-[ ")
    assert [b.split(" ]")[0] for b in blocks[1:]] == ["1/2", "2/2"]
    assert re.search(r"^document_id\s+\S+", blocks[1], re.M) and re.search(r"^symbol\s+", blocks[1], re.M)


def test_offset_pages(pkg: Path) -> None:
    sql = "SELECT paragraph_id FROM paragraphs ORDER BY 1"
    _, every, _ = hrdocs("query", sql, "--package", str(pkg), "--all", "--format", "json")
    ids = [r["paragraph_id"] for r in json.loads(every)]
    code, out, err = hrdocs("query", sql, "--package", str(pkg), "--limit", "2", "--offset", "2", "--format", "json")
    assert code == 0 and [r["paragraph_id"] for r in json.loads(out)] == ids[2:4]
    assert err == "hrdocs: showing rows 3-4; more were returned (--offset 4 for the next page, --all for all)\n"


def test_wide_rows_read_at_80_columns(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from hrdocs.cli.output import emit

    monkeypatch.setenv("COLUMNS", "80")
    text = "移民在过境过程中、边境和目的地遇到的脆弱情况" * 3
    columns = ["paragraph_id", "document_id", "seq", "kind", "number", "label", "level", "parent_id", "text"]
    row = ("a-hrc-50-52.p15", "a-hrc-50-52", 33, "paragraph", 15, None, None, "a-hrc-50-52.h3a", text)
    out = _Terminal()
    emit(columns, [row], None, stream=out)  # the default on a terminal
    printed = ANSI.sub("", out.getvalue())
    lines = printed.splitlines()
    assert lines[0].startswith("-[ 1 ]")
    assert "paragraph_id  a-hrc-50-52.p15" in lines[1]
    assert "移民在过境过程中、边境和目的地遇到的" in printed  # whole lines of text, not a character a line
    assert max(len(line.rstrip()) for line in lines) <= 80
    assert "shown as records" in capsys.readouterr().err
    narrow = _Terminal()
    emit(["id", "text"], [("a-hrc-50-52.p15", text)], None, stream=narrow)
    printed = ANSI.sub("", narrow.getvalue())
    assert "a-hrc-50-52.p15" in printed and "┃ id" in printed  # fits: still a table


def test_csv_excel_has_a_byte_order_mark(pkg: Path, tmp_path: Path) -> None:
    target = tmp_path / "grades.csv"
    code, out, _ = hrdocs("grades", "--package", str(pkg), "--format", "csv-excel", "--output", str(target))
    assert (code, out) == (0, "")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfassessed_in,") and b"\r\n" in data
    assert next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[0] == "assessed_in"


def test_xlsx_to_a_file(pkg: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "docs.xlsx"
    sql = "SELECT document_id, session_number, '=1+1' AS formula FROM documents ORDER BY 1"
    code, out, _ = hrdocs("query", sql, "--package", str(pkg), "--format", "xlsx", "--output", str(target))
    assert (code, out) == (0, "")
    sheet = load_workbook(target).active
    values = list(sheet.values)
    assert values[0] == ("document_id", "session_number", "formula")
    assert len(values) > 1 and values[1][2] == "=1+1" and sheet.cell(2, 3).data_type == "s"  # text, never a formula


def test_xlsx_refuses_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from hrdocs.cli.output import emit
    from hrdocs.errors import HrdocsError

    with pytest.raises(HrdocsError, match=r"^--format xlsx is a binary file: give --output FILE.xlsx"):
        emit(["a"], [(1,)], "xlsx", stream=_Terminal())


# --- --help, download ---


@pytest.mark.parametrize("command", [(), ("query",), ("build",), ("grades",), ("search",)])
def test_help_shows_no_bool_beside_flags(command: tuple[str, ...]) -> None:
    code, out, _ = hrdocs(*command, "--help")
    assert code == 0 and "--help" in out and "<bool>" not in out


def test_download_gives_up_on_a_silent_server(tmp_path: Path) -> None:
    with socket.socket() as silent:  # accepts connections (the kernel does) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        base = f"http://127.0.0.1:{silent.getsockname()[1]}"
        started = time.perf_counter()
        code, out, err = hrdocs("download", "1.0.0", "--base-url", base, "--to", str(tmp_path), "--timeout", "0.5")
        seconds = time.perf_counter() - started
    assert (code, out) == (2, "")
    assert err == (f"hrdocs: error: {base}/v1.0.0/SHA256SUMS: no answer for 0.5 s (--timeout SECONDS to wait longer)\n")
    assert seconds < 10


def test_download_timeout_default_is_short() -> None:
    from hrdocs.release.download import TIMEOUT

    assert TIMEOUT < 60
    code, out, _ = hrdocs("download", "--help")
    assert code == 0 and "--timeout" in out and "15" in out


def test_xlsx_to_a_redirected_stdout() -> None:
    from openpyxl import load_workbook

    from hrdocs.cli.output import emit

    raw = io.BytesIO()
    piped = io.TextIOWrapper(raw, encoding="utf-8")
    emit(["id", "n"], [("a", 1), ("b", None)], "xlsx", stream=piped, title="Follow-up grades")
    sheet = load_workbook(io.BytesIO(raw.getvalue())).active
    assert sheet.title == "Follow-up grades" and list(sheet.values) == [("id", "n"), ("a", 1), ("b", None)]
