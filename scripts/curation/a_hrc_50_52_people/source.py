"""The source of A/HRC/50/52 and the extent of its numbered paragraphs (shared by build.py and check.py).

A numbered paragraph N starts at the line "N. " and runs to the next numbered paragraph or heading; footnote
lines printed inside it (page breaks) are not part of it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src"))

from hrdocs.text.locate import NormalisedSource, normalised_source  # noqa: E402

DOCUMENT_ID = "a-hrc-50-52"
SOURCE_PATH = ROOT / "data" / "sources" / "000_b1aeb741e10eeb44.txt"

_NUMBERED = re.compile(r"^([0-9]+)\. ")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+|[A-Z])\. ")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰*]")


def read_source() -> str:
    return SOURCE_PATH.read_text(encoding="utf-8")


def paragraph_extents(source: str) -> dict[str, list[tuple[int, int]]]:
    """paragraph_id -> the source ranges (one per printed line) of numbered paragraph N, footnotes excluded."""
    extents: dict[str, list[tuple[int, int]]] = {}
    current: str | None = None
    in_footnote = False
    offset = 0
    for line in source.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        m = _NUMBERED.match(line)
        if m:
            current = f"{DOCUMENT_ID}.p{m.group(1)}"
            extents[current] = []
            in_footnote = False
        elif _HEADING.match(line):
            current = None
            continue
        elif _FOOTNOTE.match(line):
            in_footnote = True
            continue
        elif in_footnote and line.startswith("<http"):
            continue  # a footnote's address printed on its own line
        else:
            in_footnote = False
        if current is not None:
            extents[current].append((start, end))
    return extents


def paragraph_start(source: str, paragraph_id: str) -> int:
    return paragraph_extents(source)[paragraph_id][0][0]


def inside(extent: list[tuple[int, int]], spans: list[tuple[int, int]]) -> bool:
    """Whether every span lies inside one line of the paragraph's extent."""
    return all(any(a <= s and e <= b for a, b in extent) for s, e in spans)


def normalised() -> NormalisedSource:
    return normalised_source(read_source())
