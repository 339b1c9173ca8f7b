"""Draft what a layout states mechanically beyond paragraphs, marked for review in notes:

- a recommendation's chapeau with its lettered items (委员会建议缔约国: (a) … (b) …; "The Committee recommends
  that the State party:") as recommendations rows, the items' parent the chapeau, sub-items under their item;
- a follow-up evaluation's grade headings ([B]: 第 60 段(a)项; [C]: 第 36 段(b)-(e)项) as grades rows, one per
  sub-paragraph the heading names, pointing at the drafted recommendation with that label.

Only what the text prints is filled; who made the recommendation as printed (委员会, The Committee), whom it
addresses as printed, the verb as printed. The rest (the document a reproduced recommendation comes from, the
country) is left for the curator, and notes say so.
"""

from __future__ import annotations

import re

from hrdocs.curate.package_tables import Row
from hrdocs.curate.text_layout import Unit
from hrdocs.text.locate import merge_spans
from hrdocs.text.spans import Span, format_spans, text_from_spans

_CHAPEAU = re.compile(r"^(?P<by>委员会|The Committee).*[:：]$")
#: a recommendation printed whole, without items, right under a follow-up evaluation's paragraph heading
_WHOLE = re.compile(r"^(?P<by>委员会|The Committee).*[。.]$")
#: the verbs that open a chapeau, as the drafter knows the layout; only those the schema's verb vocabulary
#: (recommendations.verb) allows are drafted
CHAPEAU_VERBS = ("建议", "敦促", "鼓励", "促请", "吁请", "recommends", "urges", "encourages", "calls upon", "requests")
_ADDRESSEE = r"\s*(?P<to>缔约国|that the State party|the State party)"


def _verb_patterns(allowed: tuple[str, ...] | None) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(verb with its addressee where printed (建议缔约国), any verb) over the chapeau verbs the schema allows."""
    verbs = [v for v in CHAPEAU_VERBS if allowed is None or v in allowed]
    if not verbs:
        return None
    alternation = "(?P<verb>" + "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)) + ")"
    return re.compile(alternation + _ADDRESSEE), re.compile(alternation)


_STATUS = re.compile(
    r"(尚未得到执行|已得到部分执行|已得到执行|has not been implemented|has been partially implemented|"
    r"has been implemented)"
)
_COVERED = re.compile(r"(?:第\s*(?P<p>[0-9]+)\s*段|paragraphs?\s+(?P<pe>[0-9]+))(?P<rest>.*)", re.I)
_DIGITS = dict(zip("一二三四五六七八九", "123456789", strict=True)) | {"十": "10"}
_REVIEW = "Drafted from the layout, review"


def _base_number(unit: Unit, source: str) -> str:
    """The number of the paragraph a chapeau belongs to: its own, or its paragraph heading's (第16段:)."""
    if unit.number is not None:
        return str(unit.number)
    parent = unit.parent
    while parent is not None:
        if parent.heading_kind == "paragraph_heading":
            m = re.search(r"[0-9]+", text_from_spans(source, parent.ranges))
            return m.group(0) if m else ""
        parent = parent.parent
    return ""


def _theme(unit: Unit, source: str) -> str:
    parent = unit.parent
    while parent is not None:
        if parent.heading_kind == "paragraph_heading":
            return re.split(r"[:：]", text_from_spans(source, parent.ranges), maxsplit=1)[-1].strip()
        parent = parent.parent
    return ""


def _without_label(unit: Unit, source: str) -> list[Span]:
    """The item's spans after its printed label and the spaces after it."""
    start, end = unit.ranges[0]
    at = start + len(unit.label)
    while at < end and source[at] in " \t\u3000":
        at += 1
    spans = [(at, end), *unit.ranges[1:]]
    return merge_spans(source, spans, text_from_spans(source, spans))


def _compact(label: str) -> str:
    return "".join(_DIGITS.get(c, c) for c in label if c.isalnum())


def draft_recommendations(
    units: list[Unit], document_id: str, source: str, allowed_verbs: tuple[str, ...] | None = None
) -> list[Row]:
    """Recommendations rows from each chapeau with its items; ``allowed_verbs`` is the schema's verb vocabulary."""
    patterns = _verb_patterns(allowed_verbs)
    if patterns is None:
        return []
    verb_to, verb_only = patterns
    rows: list[Row] = []
    ids: dict[int, str] = {}
    labels: dict[int, str] = {}
    for unit in units:
        if unit.kind != "paragraph":
            continue
        text = text_from_spans(source, unit.ranges)
        items = [u for u in units if u.kind == "list_item" and u.parent is unit]
        m = _CHAPEAU.match(text) if items else None
        under_heading = unit.parent is not None and unit.parent.heading_kind == "paragraph_heading"
        if m is None and not items and under_heading:  # 第 30 段: ... then 委员会建议缔约国确保……。
            m = _WHOLE.match(text)
        verb = (verb_to.search(text) or verb_only.search(text)) if m else None
        if not m or verb is None:
            continue
        base = _base_number(unit, source)
        common = {
            "document_id": document_id,
            "theme": _theme(unit, source),
            "made_by": m.group("by"),
            "addressed_to": (verb.groupdict().get("to") or "").removeprefix("that ").removeprefix("the ").strip(),
            "verb": verb.group("verb"),
        }
        if common["addressed_to"] in ("缔约国", "State party"):
            common["addressed_to_kind"] = "state_party"
        if common["addressed_to"] == "State party":
            common["addressed_to"] = "the State party"
        chapeau_id = f"{document_id}.r{base or len(rows) + 1}"
        ids[id(unit)], labels[id(unit)] = chapeau_id, base
        note = (
            f"{_REVIEW}: {'chapeau and items' if items else 'the whole recommendation'} of paragraph "
            f"{base or '(unnumbered)'}; set document_id to the document that made it if reproduced from another, "
            "and country_iso3."
        )
        rows.append(
            {
                **common,
                "recommendation_id": chapeau_id,
                "paragraph_id": f"{document_id}.{unit.local}",
                "label": base,
                "parent_id": "",
                "text": text,
                "spans": format_spans(unit.ranges),
                "notes": note,
            }
        )
        queue = list(items)
        while queue:
            item = queue.pop(0)
            parent_label = labels[id(item.parent)] if item.parent is not None else base
            label = f"{parent_label}{item.label}"
            rec_id = f"{document_id}.r{_compact(label)}"
            ids[id(item)], labels[id(item)] = rec_id, label
            spans = _without_label(item, source)
            rows.append(
                {
                    **common,
                    "recommendation_id": rec_id,
                    "paragraph_id": f"{document_id}.{item.local}",
                    "label": label,
                    "parent_id": ids[id(item.parent)] if item.parent is not None else "",
                    "text": text_from_spans(source, spans),
                    "spans": format_spans(spans),
                    "notes": f"{_REVIEW}: verb, addressee and made_by are the chapeau's.",
                }
            )
            queue[0:0] = [u for u in units if u.kind == "list_item" and u.parent is item]
    return rows


def _covered_items(label_text: str) -> tuple[str, list[str]]:
    """(paragraph number, item letters) a grade heading names: 第 36 段(b)-(e)项 -> ("36", [b, c, d, e])."""
    m = _COVERED.search(label_text)
    if not m:
        return "", []
    number = m.group("p") or m.group("pe") or ""
    rest = m.group("rest")
    letters: list[str] = []
    for a, b in re.findall(r"\(([a-z])\)\s*[-–至到]\s*\(([a-z])\)", rest):
        letters += [chr(c) for c in range(ord(a), ord(b) + 1)]
    rest = re.sub(r"\(([a-z])\)\s*[-–至到]\s*\(([a-z])\)", "", rest)
    letters += re.findall(r"\(([a-z])\)", rest)
    return number, list(dict.fromkeys(letters))


def draft_grades(units: list[Unit], document_id: str, source: str, recommendations: list[Row]) -> list[Row]:
    by_label = {r["label"]: r["recommendation_id"] for r in recommendations}
    rows: list[Row] = []
    for unit in units:
        if unit.kind != "heading" or unit.heading_kind != "grade":
            continue
        heading = text_from_spans(source, unit.ranges)
        assessed = re.sub(r"^\[[A-Z][0-9]?\][:：]?\s*", "", heading)
        number, letters = _covered_items(assessed)
        block = [u for u in units if u.parent is unit and u.kind in ("paragraph", "list_item")]
        statuses = sorted({m.group(1) for u in block for m in _STATUS.finditer(text_from_spans(source, u.ranges))})
        status = statuses[0] if len(statuses) == 1 else ""
        for letter in letters or [""]:
            label = f"{number}({letter})" if letter else number
            note = f"{_REVIEW}: grade heading {heading!r}."
            if len(statuses) > 1:
                note += f" The block states {len(statuses)} statuses ({', '.join(statuses)}): set each by hand."
            rows.append(
                {
                    "grade_id": f"{document_id}.g{number}{letter}",
                    "recommendation_id": by_label.get(label, ""),
                    "document_id": document_id,
                    "grade": unit.label.strip("[]"),
                    "implementation_status": status,
                    "assessment_label": assessed,
                    "assessment_paragraph_id": f"{document_id}.{unit.local}",
                    # not a column: add() writes these as grade_paragraphs rows
                    "text_paragraphs": [f"{document_id}.{u.local}" for u in block],
                    "notes": note,
                }
            )
    return [r for r in rows if r["recommendation_id"]]
