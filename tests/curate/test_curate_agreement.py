"""Drafting each shipped source afresh agrees with its curated paragraphs rows (issue 10: at least 95% of the
curated rows drafted with the same kind, number, label, parent and spans), and every drafted text equals its
spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from curate_helpers import REPO, rows

from hrdocs.curate.agreement import agreement
from hrdocs.text.source_view import source_text
from hrdocs.text.spans import parse_spans, text_from_spans

GOAL = 0.95


def _paragraphs(root: Path, document_id: str) -> list[dict[str, str]]:
    return [r for r in rows(root, "paragraphs") if r["document_id"] == document_id]


#: every shipped document with a source: the two text sources and the paragraphs-JSON general comments
SHIPPED = [r["document_id"] for r in rows(REPO, "documents") if r["source_file"]]


def test_both_shipped_text_sources_are_redrafted() -> None:
    assert {"a-hrc-50-52", "cmw-aze-follow-up-co3"} <= set(SHIPPED)


@pytest.mark.parametrize("document_id", SHIPPED)
def test_draft_agrees_with_the_curated_rows(redrafted: Path, document_id: str) -> None:
    result = agreement(document_id, _paragraphs(REPO, document_id), _paragraphs(redrafted, document_id))
    print(f"{document_id}: {result.agreeing}/{result.curated} = {result.share:.1%}")
    for paragraph_id, difference in result.differences:
        print(f"  {paragraph_id}: {difference}")
    assert result.curated > 0
    assert result.share >= GOAL, result.differences


@pytest.mark.parametrize("document_id", SHIPPED)
def test_every_drafted_text_equals_its_spans(redrafted: Path, document_id: str) -> None:
    name = next(r["source_file"] for r in rows(redrafted, "documents") if r["document_id"] == document_id)
    source = source_text(name, (redrafted / name).read_text(encoding="utf-8"))
    drafted = _paragraphs(redrafted, document_id)
    assert drafted
    for row in drafted:
        assert text_from_spans(source, parse_spans(row["spans"])) == row["text"], row["paragraph_id"]


def test_the_redrafted_source_is_the_shipped_file(redrafted: Path, shipped_sources: dict[str, str]) -> None:
    """The source is copied unaltered, under the naming rule data/sources/<document_id>.txt."""
    documents = {r["document_id"]: r for r in rows(redrafted, "documents")}
    for document_id, name in shipped_sources.items():
        copied = documents[document_id]["source_file"]
        assert copied == f"data/sources/{document_id}{Path(name).suffix}"
        assert (redrafted / copied).read_bytes() == (REPO / name).read_bytes()
        assert documents[document_id]["source_sha256"] == next(
            r["source_sha256"] for r in rows(REPO, "documents") if r["document_id"] == document_id
        )


def test_the_evaluations_recommendations_and_grades_are_redrafted(redrafted: Path) -> None:
    """The follow-up evaluation's layout states its recommendations (chapeaus with items) and grades (grade
    headings): drafted with the curated labels, texts and spans, and the curated grade letters."""
    evaluation = "cmw-aze-follow-up-co3"

    def recommendations(root: Path, document_id: str) -> set[tuple[str, str, str]]:
        return {
            (r["label"], r["text"], r["spans"])
            for r in rows(root, "recommendations")
            if r["paragraph_id"].startswith(f"{evaluation}.") and r["document_id"] == document_id
        }

    curated = recommendations(REPO, "cmw-c-aze-co-3")
    assert len(curated) == 23
    assert recommendations(redrafted, evaluation) == curated

    def grades(root: Path) -> list[tuple[str, str]]:
        return sorted(
            (g["grade"], g["assessment_label"]) for g in rows(root, "grades") if g["document_id"] == evaluation
        )

    assert len(grades(REPO)) == 15
    assert grades(redrafted) == grades(REPO)


def test_agreement_reports_what_differs() -> None:
    """The measure itself can fail: a drafted row with another kind, or no row at those spans, is counted."""
    curated = [
        {"paragraph_id": "d.p1", "spans": "0-5", "kind": "paragraph", "number": "1", "label": "", "parent_id": ""},
        {"paragraph_id": "d.p2", "spans": "6-9", "kind": "paragraph", "number": "2", "label": "", "parent_id": ""},
        {"paragraph_id": "d.p3", "spans": "10-12", "kind": "paragraph", "number": "3", "label": "", "parent_id": ""},
    ]
    drafted = [dict(curated[0], paragraph_id="d.x"), dict(curated[1], kind="summary")]
    result = agreement("d", curated, drafted)
    assert (result.agreeing, result.curated) == (1, 3)
    assert [d[0] for d in result.differences] == ["d.p2", "d.p3"]
    assert "kind 'summary' (curated 'paragraph')" in result.differences[0][1]
