"""Character spans: where a table's text value comes from in its source file.

A spans value is ``start-end[;start-end...]``: 0-based, end-exclusive offsets in Unicode code points of the
source file decoded as UTF-8 (Python ``str`` indices), in reading order.
"""

from __future__ import annotations

from hrdocs.text.normalise import normalise

Span = tuple[int, int]


class SpanError(ValueError):
    """A spans value that is malformed or does not fit its source."""


def parse_spans(value: str) -> list[Span]:
    """Parse ``'12-40;52-60'`` into ``[(12, 40), (52, 60)]``; raise SpanError when malformed."""
    spans: list[Span] = []
    for part in value.split(";"):
        start_text, sep, end_text = part.partition("-")
        if not sep or not start_text.isdigit() or not end_text.isdigit():
            raise SpanError(f"malformed span {part!r} (expected start-end)")
        start, end = int(start_text), int(end_text)
        if end <= start:
            raise SpanError(f"empty or reversed span {part!r}")
        spans.append((start, end))
    return spans


def format_spans(spans: list[Span]) -> str:
    """Inverse of parse_spans."""
    return ";".join(f"{start}-{end}" for start, end in spans)


def text_from_spans(source: str, spans: list[Span]) -> str:
    """The table text that ``spans`` of ``source`` stand for, under the documented normalisation."""
    for start, end in spans:
        if end > len(source):
            raise SpanError(f"span {start}-{end} ends beyond the source's {len(source)} characters")
    return "".join(normalise(source[start:end]) for start, end in spans)
