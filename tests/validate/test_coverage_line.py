"""The coverage line of `hrdocs validate`: per document for a few documents, a summary for many."""

from __future__ import annotations

from hrdocs.cli.validate import COVERAGE_LISTED, _coverage_line


def _cov(covered: int, total: int) -> dict[str, object]:
    return {"covered": covered, "total": total, "percent": round(100.0 * covered / total, 2)}


def test_few_documents_are_listed_one_by_one() -> None:
    line = _coverage_line({"a": _cov(10, 10), "b": _cov(9, 10)})
    assert line == "coverage: a 100.0% (10/10); b 90.0% (9/10)"


def test_many_documents_are_summarised_with_the_least_covered() -> None:
    coverage = {f"d{i:03}": _cov(100, 100) for i in range(COVERAGE_LISTED + 5)}
    coverage["d007"] = _cov(95, 100)
    coverage["d003"] = _cov(99, 100)
    line = _coverage_line(coverage)
    assert line == (
        f"coverage: {COVERAGE_LISTED + 5} documents, {COVERAGE_LISTED + 3} fully covered; "
        "least covered: d007 95.0% (95/100); d003 99.0% (99/100)"
    )
