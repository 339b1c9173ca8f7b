"""The defect catalogue: hrdocs validate reports each defect with the expected rule and location, exits with the
expected code, and never shows a traceback. Parity: where frictionless checks the same kind of defect, both
flag it. Each defect's package is built and validated once per session (``checked``); the tests read that run.
Column defects are checked by both column engines (DuckDB SQL and pandera), which must report the same."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# imported now, so that frictionless's descriptor verdict on each changed descriptor is worked out in this process
# (descriptor.ProfileCheck runs it in a thread when frictionless is imported) rather than in a child interpreter
# per defect; test_descriptor_cache.py tests the child interpreter
import frictionless  # noqa: F401
import pytest
from cli_runner import invoke
from defects import DEFECTS, Defect
from validate_fixture import CO, FU, build_package

from hrdocs.validate import columns, validate_package

BY_ID = {d.id: d for d in DEFECTS}
COLUMN_DEFECTS = [d for d in DEFECTS if any(d.rule == r.id for r in columns.RULES)]


def params(defects: list[Defect]) -> list[Any]:
    """One test per defect; a defect's tests share an xdist group, so that pytest-xdist runs them in the worker
    that validated its package (``checked``) rather than validating it again in another."""
    return [pytest.param(d, id=d.id, marks=pytest.mark.xdist_group(f"defect-{d.id}")) for d in defects]


@dataclass(frozen=True)
class Checked:
    """One defect's package, validated once by `hrdocs validate --format json`."""

    root: Path
    code: int
    out: str
    err: str

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.out)


@pytest.fixture(scope="session")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """defect id -> its package validated once (built and run on first use)."""
    cache: dict[str, Checked] = {}

    def get(defect_id: str) -> Checked:
        if defect_id not in cache:
            root = _build(tmp_path_factory.mktemp(defect_id), BY_ID[defect_id])
            code, out, err = _cli(root, "--format", "json")
            cache[defect_id] = Checked(root, code, out, err)
        return cache[defect_id]

    return get


def _build(tmp_path: Path, defect: Defect | None = None) -> Path:
    root = tmp_path / "pkg"
    build_package(root, defect.edit if defect else None)
    if defect and defect.after:
        defect.after(root)
    return root


def _cli(root: Path, *args: str) -> tuple[int, str, str]:
    result = invoke("validate", str(root), *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_fixture_package_is_valid(tmp_path: Path) -> None:
    root = _build(tmp_path)
    report = validate_package(root)
    assert report.problems == [], [p.one_line() for p in report.problems]
    assert report.coverage["cmw-aze-fu"]["percent"] == 100.0
    assert report.rows["paragraphs"] == 11
    code, out, _ = _cli(root)
    assert code == 0
    assert "valid:" in out


def test_catalogue_has_at_least_30_defects() -> None:
    assert len(DEFECTS) >= 30
    assert len({d.id for d in DEFECTS}) == len(DEFECTS)


@pytest.mark.parametrize("defect", params(DEFECTS))
def test_defect_is_reported(checked: Any, defect: Defect) -> None:
    run = checked(defect.id)
    code, out, err = run.code, run.out, run.err
    assert "Traceback" not in out + err
    assert code == defect.exit_code, out + err
    data = json.loads(out)
    if defect.exit_code == 2:
        assert data["valid"] is False and data["error"]
        assert err.startswith("hrdocs: error: ") and len(err.strip().splitlines()) == 1
        return
    problems = data["problems"]
    matching = [p for p in problems if p["rule"] == defect.rule and p["table"] == defect.table]
    assert matching, f"expected {defect.rule} on {defect.table}; got {[(p['rule'], p['table']) for p in problems]}"
    located = [
        p
        for p in matching
        if (defect.row is None or p["row"] == defect.row)
        and (defect.column is None or p["column"] == defect.column)
        and (defect.line is None or p["line"] == defect.line)
    ]
    assert located, f"expected row {defect.row} column {defect.column} line {defect.line}; got {matching}"
    rules = {p["rule"] for p in problems}
    assert rules <= {defect.rule} | defect.also, f"unexpected extra rules {rules - {defect.rule} - defect.also}"


@pytest.mark.parametrize("defect", params([d for d in DEFECTS if d.frictionless]))
def test_frictionless_parity(checked: Any, defect: Defect) -> None:
    """Both validators flag the defect (hrdocs with its own generated checks, tested above), on the same package
    and hrdocs run as test_defect_is_reported."""
    from frictionless import validate

    run = checked(defect.id)
    report = validate(str(run.root / "datapackage.json"))
    assert not report.valid
    types = {e.type for task in report.tasks for e in task.errors} | {e.type for e in report.errors}
    assert types & set(defect.frictionless), types
    assert run.code != 0 and run.data["valid"] is False


@pytest.mark.parametrize("defect", params(COLUMN_DEFECTS))
def test_pandera_engine_reports_the_same(checked: Any, defect: Defect, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture's tables are small, so the run above used the DuckDB SQL engine; pandera finds the same."""
    run = checked(defect.id)
    monkeypatch.setattr(columns, "PANDERA_MIN_BYTES", 0)
    problems = [p.__dict__ for p in validate_package(run.root).problems]
    assert problems == run.data["problems"]


def test_both_column_engines_find_every_kind_of_cell_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many bad cells at once, in every column rule: the two engines report the same problems."""

    def edit(pkg):  # type: ignore[no-untyped-def]
        pkg.rows["documents"][0].update(session_number="+0", date_published="2021-13-01", country_iso3="")
        pkg.rows["paragraphs"][2].update(level="07", seq="x")
        pkg.rows["paragraphs"][3].update(level="-1", number="1e3", kind="prose")
        pkg.rows["participants"][0].update(date_submitted="1900-01-01", kind="", mode="Written")

    root = tmp_path / "pkg"
    build_package(root, edit)
    sql = [p for p in validate_package(root).problems if p.stage == "columns"]
    monkeypatch.setattr(columns, "PANDERA_MIN_BYTES", 0)
    pandera = [p for p in validate_package(root).problems if p.stage == "columns"]
    assert len({p.rule for p in sql}) >= 5, sql
    assert sql == pandera


def test_valid_fixture_passes_frictionless(tmp_path: Path) -> None:
    from frictionless import validate

    assert validate(str(_build(tmp_path) / "datapackage.json")).valid


def test_text_report_names_file_row_column_value_and_rule(tmp_path: Path) -> None:
    defect = next(d for d in DEFECTS if d.id == "bad-category")
    code, out, _ = _cli(_build(tmp_path, defect))
    assert code == 1
    line = next(x for x in out.splitlines() if "[field-enum]" in x)
    assert "data/participants.csv row 2 column kind" in line and "'robot'" in line
    assert out.strip().splitlines()[-1].startswith("invalid:")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    def edit(pkg):  # type: ignore[no-untyped-def]
        pkg.rows["participants"][0]["kind"] = "robot"
        pkg.rows["documents"][0]["country_iso3"] = "Aze"
        pkg.rows["recommendations"][0]["made_by_participant_id"] = "x.y"

    root = tmp_path / "pkg"
    build_package(root, edit)
    rules = {p.rule for p in validate_package(root).problems}
    assert {"field-enum", "field-pattern", "foreign-key"} <= rules


def test_coverage_exclusion_covers_text(tmp_path: Path) -> None:
    from defects import append_source, both, exclude

    root = tmp_path / "pkg"
    build_package(root, both(append_source("\n页眉文字\n"), exclude("页眉文字")))
    report = validate_package(root)
    assert report.valid, [p.one_line() for p in report.problems]


def test_timings_go_to_stderr(tmp_path: Path) -> None:
    code, out, err = _cli(_build(tmp_path), "--timings")
    assert code == 0
    assert "timing: provenance" in err and "timing:" not in out


@pytest.mark.parametrize("defect_id", ["invalid-json-descriptor", "unbalanced-quote", "span-out-of-range"])
def test_console_script_never_prints_a_traceback(tmp_path: Path, defect_id: str) -> None:
    defect = next(d for d in DEFECTS if d.id == defect_id)
    root = _build(tmp_path, defect)
    hrdocs = Path(sys.executable).with_name("hrdocs")
    proc = subprocess.run([str(hrdocs), "validate", str(root)], capture_output=True, text=True, check=False)
    assert proc.returncode == defect.exit_code
    assert "Traceback" not in proc.stdout + proc.stderr


def test_validation_readme_lists_every_rule() -> None:
    from hrdocs.validate.catalogue import BUILTIN_RULES
    from hrdocs.validate.rules import TOOLKIT_RULES_DIR, load_rules

    readme = (TOOLKIT_RULES_DIR / "README.md").read_text(encoding="utf-8")
    ids = set(BUILTIN_RULES) | {r.rule for r in load_rules(TOOLKIT_RULES_DIR.parent)}
    assert {i for i in ids if f"`{i}`" not in readme} == set()


def test_macros_load_into_a_database_without_tables() -> None:
    """DuckDB binds the tables a macro names when the macro is created: validation/macros.sql names none (only
    parameters), so it loads whichever tables a package lacks."""
    import duckdb

    from hrdocs.validate.rules import MACROS_FILE, TOOLKIT_RULES_DIR

    duckdb.connect().execute((TOOLKIT_RULES_DIR / MACROS_FILE).read_text(encoding="utf-8"))


def test_every_sql_rule_has_a_broken_fixture() -> None:
    from hrdocs.validate.rules import TOOLKIT_RULES_DIR, load_rules

    tested = {d.rule for d in DEFECTS}
    assert {r.rule for r in load_rules(TOOLKIT_RULES_DIR.parent)} - tested == set()


def test_document_option_ignores_another_documents_defect(tmp_path: Path) -> None:
    """--document checks one document's rows: a defect in the other document's row is not reported, while the
    rows of D still point at rows of the whole tables (recommendations of CO printed in FU)."""

    def edit(pkg):  # type: ignore[no-untyped-def]
        pkg.rows["documents"][0]["country_iso3"] = "Aze"  # CO's row

    root = tmp_path / "pkg"
    build_package(root, edit)
    assert {p.rule for p in validate_package(root).problems} == {"field-pattern"}
    report = validate_package(root, document=FU)
    assert report.valid, [p.one_line() for p in report.problems]
    assert set(report.coverage) == {FU}
    code, out, _ = _cli(root, "--document", FU)
    assert code == 0 and "valid:" in out
    code, _, _ = _cli(root, "--document", CO)
    assert code == 1


@pytest.mark.parametrize(
    "defect", params([BY_ID[i] for i in ("paragraph-text-mismatch", "dangling-foreign-key", "seq-gap", "bad-category")])
)
def test_document_option_finds_a_defect_in_the_document(checked: Any, defect: Defect) -> None:
    run = checked(defect.id)
    report = validate_package(run.root, document=FU)
    assert [p.__dict__ for p in report.problems] == run.data["problems"]
    assert any(p.rule == defect.rule and p.row == defect.row for p in report.problems)


def test_document_option_refuses_an_unknown_document(tmp_path: Path) -> None:
    code, out, err = _cli(_build(tmp_path), "--document", "nope")
    assert out == ""
    assert code == 2
    assert err.strip() == "hrdocs: error: --document nope: no such document_id in data/documents.csv"


@pytest.fixture(autouse=True, scope="module")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The verdicts of frictionless on the defects' descriptors are cached here, not in the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HRDOCS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.mark.parametrize(
    ("defect", "message"),
    [
        pytest.param(
            BY_ID["macros-do-not-load"],
            "cannot load the rules' macros: macros.sql: Parser Error",
            id="macros-do-not-load",
            marks=pytest.mark.xdist_group("defect-macros-do-not-load"),
        ),
        pytest.param(
            BY_ID["rule-without-header"],
            "cannot read a validation rule: paragraph_new_rule.sql: header lacks checks, reads, rule, table",
            id="rule-without-header",
            marks=pytest.mark.xdist_group("defect-rule-without-header"),
        ),
    ],
)
def test_a_broken_rules_folder_is_one_problem(checked: Any, defect: Defect, message: str) -> None:
    """A rule file without its header, or a macros.sql that does not load, is one problem naming the file, and no
    rule runs (rather than each rule failing on its own)."""
    problems = checked(defect.id).data["problems"]
    assert len(problems) == 1, problems
    assert problems[0]["message"].startswith(message), problems[0]
    assert problems[0]["file"].startswith("validation")
