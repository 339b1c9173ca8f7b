"""Draft the paragraphs rows of a paragraphs-JSON source (one numbered paragraph per item; see
hrdocs.text.source_view for how its characters are counted)."""

from __future__ import annotations

import re

from hrdocs.curate.text_layout import Draft, Unit
from hrdocs.text.source_view import json_items, source_text

#: who made the labels of a paragraphs-JSON source: the publisher of the corpus, never the UN
LABELS_ANNOTATOR = "source_publisher"


def printed_number(item_id: object) -> int | None:
    """The paragraph number an item's ID stands for (1, "1.", "27.\u00a0"); None when it is not a number."""
    if isinstance(item_id, bool):
        return None
    if isinstance(item_id, int):
        return item_id if item_id > 0 else None
    if isinstance(item_id, str):
        m = re.fullmatch(r"\s*([1-9][0-9]{0,3})\.?\s*", item_id)
        if m:
            return int(m.group(1))
    return None


def draft_json(data: str) -> tuple[Draft, list[tuple[Unit, tuple[str, ...]]]]:
    """The units of a paragraphs-JSON source and each unit's labels."""
    view = source_text("source.json", data)
    units: list[Unit] = []
    labelled: list[tuple[Unit, tuple[str, ...]]] = []
    review: list[str] = []
    used: set[str] = set()
    for item in json_items(data):
        if not item.text.strip():
            review.append(f"item {item.index + 1} (ID {item.id!r}) has no text: no row drafted")
            continue
        start = item.start + (len(item.text) - len(item.text.lstrip()))
        end = item.start + len(item.text.rstrip())
        number = printed_number(item.id)
        unit = Unit("paragraph", [(start, end)], number=number)
        if number is None:
            unit.review.append(f"ID {item.id!r} is not a paragraph number")
            local = f"item{item.index + 1}"
        else:
            local = f"p{number}"
        if local in used:
            unit.review.append(f"ID {item.id!r} repeats an earlier item's number")
            local = f"{local}-item{item.index + 1}"
        used.add(local)
        unit.local = local
        if view[start:end] != item.text.strip():
            unit.review.append("text changed by the normalisation")
        units.append(unit)
        labelled.append((unit, item.labels))
    return Draft(units, {"language": "en" if not re.search(r"[\u4e00-\u9fff]", view) else "zh"}, review), labelled
