"""hrdocs tables, describe, show and grades on the fixture package; the examples on the shipped package."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from db_cli_helpers import REPO, hrdocs

from hrdocs.metadata import load_package

#: one worker runs this module under pytest-xdist: its examples build the shipped package's build/ on demand, and
#: two workers building the same build/ at once would race
pytestmark = pytest.mark.xdist_group("shipped-package")


@pytest.fixture(scope="module")
def pkg(built_package: Path) -> Path:
    """The session's built fixture package (tests/conftest.py): these tests only read it."""
    return built_package


def rows(pkg: Path, table: str) -> list[dict[str, str]]:
    with (pkg / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_tables_counts_rows(pkg: Path) -> None:
    code, out, _ = hrdocs("tables", "--package", str(pkg), "--format", "json")
    assert code == 0
    got = {r["table"]: r["rows"] for r in json.loads(out)}
    assert got == {t.name: len(rows(pkg, t.name)) for t in load_package(pkg).tables}


def test_describe_comes_from_the_schema(pkg: Path) -> None:
    code, out, _ = hrdocs("describe", "grades", "--package", str(pkg), "--format", "json")
    assert code == 0
    columns = json.loads(out)
    table = load_package(pkg).table("grades")
    assert [c["column"] for c in columns] == table.field_names
    grade = next(c for c in columns if c["column"] == "grade")
    for value, label in (table.field("grade").categories or {}).items():
        assert f"{value}: {label}" in grade["values"]
    first = columns[0]
    assert first["required"] is True and "primary key" in first["constraints"]


def test_describe_unknown_table_lists_tables(pkg: Path) -> None:
    code, _, err = hrdocs("describe", "gradez", "--package", str(pkg))
    assert code == 2
    assert err == (
        "hrdocs: error: unknown table 'gradez': tables are documents, paragraphs, recommendations, grades, "
        "participants, annotations, annotation_vocabulary, grade_paragraphs, participant_paragraphs, citations, "
        "relations, sdg_targets\n"
    )


def test_show_document_outline_in_reading_order(pkg: Path) -> None:
    doc = next(r for r in rows(pkg, "documents") if r["has_text"] == "true")["document_id"]
    code, out, _ = hrdocs("show", doc, "--package", str(pkg), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["table"] == "documents"
    expected = sorted((int(r["seq"]), r["paragraph_id"]) for r in rows(pkg, "paragraphs") if r["document_id"] == doc)
    assert [(o["seq"], o["paragraph_id"]) for o in data["outline"]] == expected


def test_show_paragraph_in_context_with_recommendations_and_grades(pkg: Path) -> None:
    graded = {g["recommendation_id"] for g in rows(pkg, "grades")}
    rec = next(r for r in rows(pkg, "recommendations") if r["recommendation_id"] in graded)
    code, out, _ = hrdocs("show", rec["paragraph_id"], "--package", str(pkg), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["paragraph"]["paragraph_id"] == rec["paragraph_id"]
    assert {"previous_id", "next_id", "section", "text"} <= set(data["paragraph"])
    assert rec["recommendation_id"] in {r["recommendation_id"] for r in data["recommendations"]}
    assert rec["recommendation_id"] in {g["recommendation_id"] for g in data["grades"]}


@pytest.mark.parametrize(("table", "key"), [("recommendations", "recommendation_id"), ("grades", "grade_id"),
                                            ("participants", "participant_id")])  # fmt: skip
def test_show_other_ids(pkg: Path, table: str, key: str) -> None:
    item = rows(pkg, table)[0][key]
    code, out, _ = hrdocs("show", item, "--package", str(pkg), "--format", "json")
    assert code == 0 and json.loads(out)["table"] == table
    code, out, _ = hrdocs("show", item, "--package", str(pkg), "--format", "table")
    assert code == 0 and item in out


def test_show_unknown_id(pkg: Path) -> None:
    code, out, err = hrdocs("show", "no-such-id", "--package", str(pkg))
    assert (code, out) == (2, "")
    assert err == (
        "hrdocs: error: unknown id 'no-such-id': no document (by id or UN symbol), paragraph, recommendation, grade "
        "or participant has it\n"
    )


def test_grades_scoreboard_and_counts(pkg: Path) -> None:
    code, out, _ = hrdocs("grades", "--package", str(pkg), "--format", "json")
    assert code == 0
    got = json.loads(out)
    assert sorted(g["grade_id"] for g in got) == sorted(g["grade_id"] for g in rows(pkg, "grades"))
    assert {"assessed_in", "country_iso3", "label", "theme", "grade", "implementation_status"} <= set(got[0])
    code, out, _ = hrdocs("grades", "--package", str(pkg), "--counts", "--format", "csv")
    counts = list(csv.DictReader(out.splitlines()))
    assert sum(int(c["count"]) for c in counts) == len(rows(pkg, "grades"))
    code, out, _ = hrdocs("grades", "--package", str(pkg), "--country", "ZZZ", "--format", "json")
    assert (code, out) == (2, "")  # a code the data does not hold is refused, as an unknown document is


# --- the examples, on the shipped package (expectations computed from its CSVs, never hard-coded) ---

EXAMPLES = sorted((REPO / "examples" / "queries").glob("*.sql"))


def shipped(table: str) -> list[dict[str, str]]:
    with (REPO / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_there_are_at_least_ten_examples_each_saying_what_it_answers() -> None:
    assert len(EXAMPLES) >= 10
    for path in EXAMPLES:
        assert path.read_text(encoding="utf-8").startswith("-- "), path.name


def _run_example(name: str) -> list[dict[str, object]]:
    code, out, err = hrdocs("query", "-f", str(REPO / "examples" / "queries" / name), "--package", str(REPO),
                            "--all", "--format", "json")  # fmt: skip
    assert code == 0, err
    return json.loads(out)


@pytest.mark.slow
def test_every_example_runs_on_the_shipped_package() -> None:
    for path in EXAMPLES:
        assert isinstance(_run_example(path.name), list)


def test_example_grades_by_letter() -> None:
    recs = {r["recommendation_id"]: r for r in shipped("recommendations")}
    expected: dict[str, int] = {}
    for g in shipped("grades"):
        if recs[g["recommendation_id"]]["country_iso3"] == "AZE":
            expected[g["grade"]] = expected.get(g["grade"], 0) + 1
    got = _run_example("01_grades_by_letter_azerbaijan.sql")
    assert {r["grade"]: r["recommendations"] for r in got} == expected


def test_example_entities_in_several_documents() -> None:
    docs: dict[str, set[str]] = {}
    for p in shipped("participants"):
        if p["entity_id"]:
            docs.setdefault(p["entity_id"], set()).add(p["document_id"])
    got = _run_example("03_entities_in_several_documents.sql")
    assert {r["entity_id"]: r["documents"] for r in got} == {e: len(d) for e, d in docs.items() if len(d) > 1}


def test_example_regularisation_and_footnotes_and_children() -> None:
    assert {r["paragraph_id"] for r in _run_example("07_paragraphs_mentioning_regularisation.sql")} == {
        p["paragraph_id"] for p in shipped("paragraphs") if "正规化" in p["text"]
    }
    assert {r["footnote_id"] for r in _run_example("05_footnotes_and_their_paragraphs.sql")} == {
        p["paragraph_id"] for p in shipped("paragraphs") if p["kind"] == "footnote" and p["footnote_of"]
    }
    children = _run_example("08_sub_recommendations_with_parents.sql")
    assert {r["recommendation_id"] for r in children} == {
        r["recommendation_id"] for r in shipped("recommendations") if r["parent_id"]
    }
    without_text = _run_example("09_documents_cited_without_text.sql")
    assert {r["document_id"] for r in without_text} == {
        d["document_id"] for d in shipped("documents") if d["has_text"] == "false"
    }


def test_example_counts_add_up() -> None:
    assert sum(r["participants"] for r in _run_example("06_participants_by_kind_and_session.sql")) == len(
        shipped("participants")
    )
    assert sum(r["grades"] for r in _run_example("10_grades_with_status_words.sql")) == len(shipped("grades"))
    assert sum(r["recommendations"] for r in _run_example("11_recommendation_verbs.sql")) == len(
        shipped("recommendations")
    )
    assert sum(r["units"] for r in _run_example("12_document_units_by_kind.sql")) == len(shipped("paragraphs"))


def test_show_document_lists_what_it_cites_and_what_cites_it(pkg: Path) -> None:
    paragraphs = {r["paragraph_id"]: r["document_id"] for r in rows(pkg, "paragraphs")}
    citations = rows(pkg, "citations")
    assert citations, "the fixture package has citations"
    citing = paragraphs[citations[0]["paragraph_id"]]
    cited = citations[0]["cited_document_id"]
    code, out, _ = hrdocs("show", citing, "--package", str(pkg), "--format", "json")
    assert code == 0
    expected = sorted(
        (c["paragraph_id"], c["cited_document_id"] or c["cited_sdg_target"])
        for c in citations
        if paragraphs[c["paragraph_id"]] == citing
    )
    assert sorted((c["paragraph_id"], c["cited"]) for c in json.loads(out)["cites"]) == expected
    code, out, _ = hrdocs("show", cited, "--package", str(pkg), "--format", "json")
    assert code == 0
    by = [(c["citing_document_id"], c["paragraph_id"]) for c in json.loads(out)["cited by"]]
    assert (citing, citations[0]["paragraph_id"]) in by
