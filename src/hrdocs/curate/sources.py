"""Which source each spans-carrying row points into, for the curation tools (the same rule validation applies:
a row's document is its paragraph's where the table has a paragraph_id pointing at paragraphs, else its own
document_id)."""

from __future__ import annotations

from dataclasses import dataclass

from hrdocs.curate.package_tables import Row
from hrdocs.errors import HrdocsError
from hrdocs.metadata.model import Package, Table
from hrdocs.text.source_view import SourceFormatError, source_text

PARAGRAPHS = "paragraphs"


@dataclass(frozen=True)
class SpansColumn:
    table: Table
    text_field: str
    spans_field: str

    @property
    def via_paragraph(self) -> bool:
        return self.table.name != PARAGRAPHS and any(
            fk.fields == ("paragraph_id",) and fk.resource == PARAGRAPHS for fk in self.table.foreign_keys
        )


def spans_columns(package: Package, table: str | None = None) -> list[SpansColumn]:
    """Every text field reproduced from a source (the schema's ``hrdocs:spans``), of one table or all."""
    found = []
    for t in package.tables:
        if table is not None and t.name != table:
            continue
        for f in t.fields:
            if f.spans_field and f.spans_field in t.field_names:
                found.append(SpansColumn(t, f.name, f.spans_field))
    if table is not None and not found:
        known = sorted({c.table.name for c in spans_columns(package)})
        raise HrdocsError(
            f"--table {table}: no text taken from a source in that table (tables with spans: {', '.join(known)})"
        )
    return found


class Sources:
    """Source texts of the package's documents, read once each (as hrdocs.text.source_view counts them)."""

    def __init__(self, package: Package, documents: list[Row]) -> None:
        self.package = package
        self.files = {r["document_id"]: r["source_file"] for r in documents if r.get("source_file")}
        self._texts: dict[str, str] = {}

    def text(self, document_id: str) -> str | None:
        if document_id not in self.files:
            return None
        if document_id not in self._texts:
            name = self.files[document_id]
            path = self.package.path(name)
            try:
                self._texts[document_id] = source_text(name, path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, SourceFormatError) as exc:
                raise HrdocsError(f"{name}: cannot be read as a source ({exc}); run hrdocs validate") from exc
        return self._texts[document_id]
