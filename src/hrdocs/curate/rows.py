"""Turn drafted units into paragraphs rows (every column of schemas/paragraphs.schema.json)."""

from __future__ import annotations

from hrdocs.curate.text_layout import Unit, section_path
from hrdocs.text.spans import format_spans, text_from_spans


def paragraph_rows(units: list[Unit], document_id: str, source: str) -> list[dict[str, str]]:
    """One row per unit, in reading order; notes say what a person should review."""
    rows: list[dict[str, str]] = []
    for seq, unit in enumerate(units, start=1):
        rows.append(
            {
                "paragraph_id": f"{document_id}.{unit.local}",
                "document_id": document_id,
                "seq": str(seq),
                "kind": unit.kind,
                "number": "" if unit.number is None else str(unit.number),
                "label": unit.label,
                "level": "" if unit.level is None else str(unit.level),
                "parent_id": f"{document_id}.{unit.parent.local}" if unit.parent is not None else "",
                "section": section_path(unit, source),
                "footnote_of": f"{document_id}.{unit.footnote_of.local}" if unit.footnote_of is not None else "",
                "text": text_from_spans(source, unit.ranges),
                "spans": format_spans(unit.ranges),
                "notes": "; ".join(f"Drafted, review: {r}" for r in dict.fromkeys(unit.review)),
            }
        )
    return rows
