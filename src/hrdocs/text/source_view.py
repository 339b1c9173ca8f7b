"""The characters of a source file that spans count, defined once for each kind of source.

- A text source (``.txt``): the file decoded as UTF-8; spans are offsets into that string.
- A paragraphs-JSON source (``.json``; the format of ``shared/sources/general-comments/``: a JSON array of
  objects ``{"ID": ..., "Labels": [...], "Text": "..."}``): the file is kept unaltered, and spans count the
  characters of its *text view*: every item's ``Text`` value as JSON decodes it (escapes such as ``\\u00a0``
  read as the one character they stand for), in file order, each followed by two line feeds. So the first
  item's text is ``view[0:len(Text_1)]``, the second starts at ``len(Text_1) + 2``, and so on. ``ID`` and
  ``Labels`` are not in the view: IDs become paragraph numbers, labels become annotations.

Validation reads every source through ``source_text``, so provenance and coverage work on the view exactly
as on a text file, and SHA-256 on the file's bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: what separates two items' texts in the text view of a paragraphs-JSON source
ITEM_SEPARATOR = "\n\n"


class SourceFormatError(ValueError):
    """A source file that does not have the structure its kind requires."""


@dataclass(frozen=True)
class JsonItem:
    """One item of a paragraphs-JSON source: its ID as typed, labels, text and where the text sits in the view."""

    index: int
    id: Any
    labels: tuple[str, ...]
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def is_json_source(name: str) -> bool:
    return name.lower().endswith(".json")


def json_items(data: str) -> list[JsonItem]:
    """The items of a paragraphs-JSON source, with their offsets in the text view."""
    try:
        parsed = json.loads(data)
    except json.JSONDecodeError as exc:
        raise SourceFormatError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(parsed, list):
        raise SourceFormatError("expected a JSON array of paragraph objects")
    items: list[JsonItem] = []
    at = 0
    for index, item in enumerate(parsed):
        if not isinstance(item, dict) or not isinstance(item.get("Text"), str):
            raise SourceFormatError(f"item {index + 1} has no string 'Text'")
        labels = item.get("Labels", [])
        if not isinstance(labels, list) or not all(isinstance(v, str) for v in labels):
            raise SourceFormatError(f"item {index + 1}: 'Labels' is not a list of strings")
        items.append(JsonItem(index, item.get("ID"), tuple(labels), item["Text"], at))
        at += len(item["Text"]) + len(ITEM_SEPARATOR)
    return items


def source_text(name: str, data: str) -> str:
    """The characters spans count in the source file ``name`` whose decoded content is ``data``."""
    if not is_json_source(name):
        return data
    return "".join(item.text + ITEM_SEPARATOR for item in json_items(data))
