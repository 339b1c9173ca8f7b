"""The follow-up scoreboard's chart: grades per evaluated paragraph as an SVG drawn at build time.

One horizontal bar per evaluated paragraph (the top-level recommendation a graded sub-paragraph belongs to,
following parent_id), split by grade letter, each part printed with its letter and count, so the chart reads
without colour and without JavaScript; the page prints the same figures as a table beside it.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from hrdocs.site.data import Row

#: light fills, each with black text above 4.5:1 contrast; a letter not listed is grey
FILLS = {"A": "#a6dba0", "B": "#fee08b", "C": "#fdae61", "D": "#f4a6a6", "E": "#c2a5cf", "F": "#d9d9d9"}
OTHER_FILL = "#e0e0e0"
ROW_HEIGHT = 28
LABEL_WIDTH = 150
BAR_WIDTH = 420
UNIT_MIN = 24


def root_of(rec_id: str, parents: dict[str, str | None]) -> str:
    """The top-level recommendation above ``rec_id``."""
    seen = {rec_id}
    while (parent := parents.get(rec_id)) and parent not in seen:
        seen.add(parent)
        rec_id = parent
    return rec_id


def per_paragraph(grades: list[Row], recommendations: list[Row]) -> list[tuple[Row, Counter[str]]]:
    """(evaluated recommendation, count per letter) in the order the grades come (reading order)."""
    parents = {r["recommendation_id"]: r.get("parent_id") for r in recommendations}
    by_id = {r["recommendation_id"]: r for r in recommendations}
    out: dict[str, Counter[str]] = {}
    for g in grades:
        root = root_of(g["recommendation_id"], parents)
        out.setdefault(root, Counter())[g["grade"]] += 1
    return [(by_id[root], counts) for root, counts in out.items()]


def svg(rows: list[tuple[Row, Counter[str]]], letters: list[str], chart_id: str, title: str) -> str:
    """The chart as inline SVG markup (role img, with a title and a description)."""
    most = max((sum(c.values()) for _, c in rows), default=1)
    unit = max(UNIT_MIN, BAR_WIDTH // max(most, 1))
    width = LABEL_WIDTH + unit * most + 10
    height = ROW_HEIGHT * len(rows) + 10
    desc = "; ".join(
        f"{r.get('label') or r['recommendation_id']}: "
        + ", ".join(f"{n} {letter}" for letter in letters if (n := c.get(letter)))
        for r, c in rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for i, (rec, counts) in enumerate(rows):
        y = 5 + i * ROW_HEIGHT
        label = rec.get("label") or rec["recommendation_id"]
        theme = rec.get("theme") or ""
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 18}" text-anchor="end" font-size="14">'
            f"{escape(str(label))} {escape(theme[:8])}</text>"
        )
        x = LABEL_WIDTH
        for letter in letters:
            n = counts.get(letter, 0)
            if not n:
                continue
            w = unit * n
            fill = FILLS.get(letter, OTHER_FILL)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{w}" height="{ROW_HEIGHT - 4}" fill="{fill}" stroke="#333"/>'
                f'<text x="{x + w / 2:g}" y="{y + 18}" text-anchor="middle" font-size="14" fill="#000">'
                f"{escape(letter)}{'' if n == 1 else f' ×{n}'}</text>"
            )
            x += w
    parts.append("</svg>")
    return "".join(parts)
