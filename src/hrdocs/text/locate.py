"""Find where a table text value is printed in a source file: the inverse of text_from_spans.

The source is normalised once with a map from each normalised character back to its source offset; a text is
found in the normalised source and its characters' offsets are grouped into contiguous spans. Curation scripts
use it to record spans; the result always satisfies ``text_from_spans(source, spans) == text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hrdocs.text.normalise import SUPERSCRIPT_DIGITS, artefact_mask, joins_with_space
from hrdocs.text.spans import Span, text_from_spans

_LINE_BREAK = re.compile(r"[ \t\r]*\n\s*")
_SUP_DIGITS = re.compile(r"<sup>([0-9]+)</sup>")


@dataclass(frozen=True)
class NormalisedSource:
    source: str
    text: str
    offsets: list[int]  # offsets[i] = source offset of text[i]
    tags: dict[int, tuple[int, int]]  # offset of a <sup> digit -> the whole <sup>N</sup> tag

    def _expand(self, span: Span) -> Span:
        start, end = span
        if start in self.tags:
            start = self.tags[start][0]
        if end - 1 in self.tags:
            end = self.tags[end - 1][1]
        return (start, end)

    def spans_of(self, start: int, end: int) -> list[Span]:
        """Spans of source covering normalised characters start..end, split where the source skips."""
        spans: list[Span] = []
        for offset in self.offsets[start:end]:
            if spans and spans[-1][1] == offset:
                spans[-1] = (spans[-1][0], offset + 1)
            else:
                spans.append((offset, offset + 1))
        return [self._expand(span) for span in spans]


def normalised_source(source: str) -> NormalisedSource:
    """The whole source normalised, with each character's source offset.

    A line break that normalises to one space (between two characters of Latin script) is kept as a space
    mapped to the break's first character."""
    mask = artefact_mask(source)
    spaces: set[int] = set()
    for m in _LINE_BREAK.finditer(source):
        for i in range(m.start(), m.end()):
            mask[i] = 1
        before = source[m.start() - 1] if m.start() > 0 else ""
        after = source[m.end()] if m.end() < len(source) else ""
        if joins_with_space(before, after):
            spaces.add(m.start())
    tags: dict[int, tuple[int, int]] = {}
    for m in _SUP_DIGITS.finditer(source):
        for i in range(m.start(1), m.end(1)):
            tags[i] = m.span()
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(source):
        if i in spaces:
            chars.append(" ")
            offsets.append(i)
            continue
        if mask[i]:
            continue
        chars.append(ch.translate(SUPERSCRIPT_DIGITS) if i in tags else ch)
        offsets.append(i)
    return NormalisedSource(source, "".join(chars), offsets, tags)


def locate(source: str | NormalisedSource, text: str, start: int = 0) -> list[Span] | None:
    """Spans of the first occurrence of ``text`` at or after source offset ``start``; None when absent.

    Spans are merged across artefacts where that still reproduces ``text`` (fewer, longer spans), and split
    around them otherwise.
    """
    ns = source if isinstance(source, NormalisedSource) else normalised_source(source)
    from_index = next((i for i, off in enumerate(ns.offsets) if off >= start), len(ns.offsets))
    idx = ns.text.find(text, from_index)
    if idx < 0:
        return None
    return merge_spans(ns.source, ns.spans_of(idx, idx + len(text)), text)


def merge_spans(source: str, spans: list[Span], text: str) -> list[Span]:
    """Join neighbouring spans across artefacts and line breaks wherever the text still reproduces.

    ``spans`` must reproduce ``text`` already, or reproduce it once joined (a line break that reads as a space
    is one span across the break)."""
    merged: list[Span] = [spans[0]]
    for i, span in enumerate(spans[1:], start=1):
        candidate = [*merged[:-1], (merged[-1][0], span[1])]
        if text_from_spans(source, candidate + spans[i + 1 :]) == text:
            merged = candidate
        else:
            merged.append(span)
    if text_from_spans(source, merged) != text:
        raise ValueError("spans that do not reproduce the text")
    return merged


def locate_all(source: str | NormalisedSource, text: str) -> list[list[Span]]:
    """Spans of every occurrence of ``text``."""
    ns = source if isinstance(source, NormalisedSource) else normalised_source(source)
    found: list[list[Span]] = []
    idx = ns.text.find(text)
    while idx >= 0:
        found.append(locate(ns, text, ns.offsets[idx]) or [])
        idx = ns.text.find(text, idx + 1)
    return found
