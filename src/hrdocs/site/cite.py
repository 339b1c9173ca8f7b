""" "Cite this" for every paragraph, recommendation and grade: the text and BibTeX `hrdocs cite ID` prints.

The citation is built by hrdocs.release.cite_row (the paragraph_citation and recommendation_citation its own Citer
uses, its text() and bibtex()) from rows already in memory, so that the site does not open the CSVs once per row:
cite_row.cite_row looks each row up in the CSVs, which at 100,000 paragraphs would take hours. The rows are given
to it as text, as cite_row reads them; a test compares every row's citation here with `hrdocs cite ID`.

A grade has no citation of its own in `hrdocs cite`: it is cited as its assessment paragraph, where the letter
is printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdocs.release import cite_row
from hrdocs.release.citation import DatasetInfo
from hrdocs.site.data import Row, SiteData


@dataclass(frozen=True)
class Cite:
    row_id: str  # what `hrdocs cite` is given
    text: str
    bibtex: str


def _as_text(row: Row) -> dict[str, str | None]:
    """A row as cite_row reads it from the CSVs: every value text, empty cells None."""
    out: dict[str, str | None] = {}
    for key, value in row.items():
        if value is None:
            out[key] = None
        elif isinstance(value, bool):
            out[key] = "true" if value else "false"
        else:
            out[key] = str(value)
    return out


class Citer:
    def __init__(self, data: SiteData, info: DatasetInfo) -> None:
        self.data = data
        self.info = info
        self._labels: dict[str, str] = {}

    def _document(self, document_id: str) -> str:
        label = self._labels.get(document_id)
        if label is None:
            doc = self.data.document_by_id.get(document_id)
            label = cite_row.document_label(_as_text(doc) if doc else None, document_id)  # type: ignore[arg-type]
            self._labels[document_id] = label
        return label

    def _paragraph(self, paragraph_id: str) -> dict[str, str | None] | None:
        para = self.data.paragraph_by_id.get(paragraph_id)
        return _as_text(para) if para is not None else None

    def _render(self, c: cite_row.RowCitation) -> Cite:
        return Cite(c.row_id, cite_row.text(c), cite_row.bibtex(c))

    def paragraph(self, p: Row) -> Cite:
        return self._render(cite_row.paragraph_citation(_as_text(p), self._document, self.info))  # type: ignore[arg-type]

    def recommendation(self, r: Row) -> Cite:
        c = cite_row.recommendation_citation(_as_text(r), self._document, self._paragraph, self.info)  # type: ignore[arg-type]
        return self._render(c)

    def grade(self, g: Row) -> Cite | None:
        p = self.data.paragraph_by_id.get(g.get("assessment_paragraph_id") or "")
        return self.paragraph(p) if p else None
