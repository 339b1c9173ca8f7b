"""One unit of a document page as HTML: its text with footnote markers linked both ways and recommendations
marked, what the recommendations printed in it say of who made them and to whom, their grades, the grades an
assessment gives, and "Cite this". Built as strings: a large document has thousands of units.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from hrdocs.site.cite import Cite, Citer
from hrdocs.site.data import Row, SiteData

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUPERSCRIPT_DIGITS = set("⁰¹²³⁴⁵⁶⁷⁸⁹")
#: units shown as headings
HEADING_KINDS = ("title", "heading")


def cite_html(c: Cite | None, key: str) -> str:
    if c is None:
        return ""
    return (
        '<details class="cite"><summary>Cite this</summary>'
        f"<p><code>hrdocs cite {escape(c.row_id)}</code>:</p>"
        f'<pre id="cite-{escape(key)}">{escape(c.text)}</pre>'
        f'<button type="button" data-copy="cite-{escape(key)}">Copy the citation</button>'
        f'<pre id="bib-{escape(key)}">{escape(c.bibtex)}</pre>'
        f'<button type="button" data-copy="bib-{escape(key)}">Copy the BibTeX</button>'
        '<span class="copy-status" role="status"></span></details>'
    )


def footnote_marker(fn: Row) -> str | None:
    """The marker a footnote is printed with: its label (*) or its number in superscript digits."""
    if fn.get("label"):
        return str(fn["label"])
    if fn.get("number") is not None:
        return str(fn["number"]).translate(SUPERSCRIPTS)
    return None


def find_marker(text: str, marker: str, taken: set[int]) -> int | None:
    """Where ``marker`` stands in ``text``: the first occurrence not part of a longer superscript number."""
    start = 0
    while (i := text.find(marker, start)) >= 0:
        end = i + len(marker)
        before = text[i - 1] if i else ""
        after = text[end] if end < len(text) else ""
        digits = marker[0] in SUPERSCRIPT_DIGITS
        if i not in taken and not (digits and (before in SUPERSCRIPT_DIGITS or after in SUPERSCRIPT_DIGITS)):
            return i
        start = i + 1
    return None


class UnitRenderer:
    def __init__(self, data: SiteData, citer: Citer, lang: str) -> None:
        self.data = data
        self.citer = citer
        self.lang = lang

    def href(self, paragraph_id: str | None, anchor: str | None = None, here: str | None = None) -> str:
        """A link to a paragraph's (or another anchor's) place, from a document page."""
        page = self.data.page_of(paragraph_id)
        target = anchor or paragraph_id or ""
        if page is None:
            return "#"
        return f"#{target}" if page == here else f"{page}.html#{target}"

    def text_html(self, unit: Row, footnotes: list[Row], recs: list[Row]) -> tuple[str, set[str]]:
        """The unit's text with footnote markers linked and recommendations marked; the footnotes linked."""
        text: str = unit["text"] or ""
        opens: dict[int, list[str]] = {}
        closes: dict[int, list[str]] = {}
        linked: set[str] = set()
        taken: set[int] = set()
        for r in recs:
            t = r.get("text") or ""
            at = text.find(t) if t else -1
            if at < 0 or any(s < at + len(t) and at < e for s, e in _spans(opens, closes, "mark")):
                continue
            opens.setdefault(at, []).append('<mark class="rec-text">')
            closes.setdefault(at + len(t), []).append("</mark>")
        for fn in footnotes:
            marker = footnote_marker(fn)
            at = find_marker(text, marker, taken) if marker else None
            if at is None or not marker:
                continue
            taken.add(at)
            fid = escape(fn["paragraph_id"])
            linked.add(fn["paragraph_id"])
            opens.setdefault(at, []).append(
                f'<a class="fn-ref" id="ref-{fid}" href="#{fid}" aria-label="footnote {escape(marker)}">'
            )
            closes.setdefault(at + len(marker), []).insert(0, "</a>")
        out: list[str] = []
        pos = 0
        for cut in sorted({*opens, *closes}):
            out.append(escape(text[pos:cut]))
            out.extend(closes.get(cut, []))
            out.extend(opens.get(cut, []))
            pos = cut
        out.append(escape(text[pos:]))
        return "".join(out), linked

    def recommendation_html(self, r: Row, here: str) -> str:
        d = self.data
        rid = r["recommendation_id"]
        label = r.get("label") or rid
        bits = [f"<strong>Recommendation {escape(str(label))}</strong>"]
        made_by = escape(r.get("made_by") or "")
        who = r.get("made_by_participant_id")
        if who:
            entity = (d.participant_by_id.get(who) or {}).get("entity_id")
            if entity:
                made_by = f'<a href="../entities/{escape(entity)}.html">{made_by or escape(who)}</a>'
        bits.append(f'made by <span lang="{self.lang}">{made_by or "(not recorded)"}</span>')
        to = r.get("addressed_to")
        bits.append(f'addressed to <span lang="{self.lang}">{escape(to)}</span>' if to else "addressee not stated")
        if r.get("verb"):
            bits.append(f'verb <span lang="{self.lang}">{escape(r["verb"])}</span>')
        if r["document_id"] != here:
            doc = d.document_by_id.get(r["document_id"]) or {}
            name = escape(doc.get("symbol") or doc.get("title") or r["document_id"])
            bits.append(f'made in <a href="{escape(r["document_id"])}.html">{name}</a>')
        if r.get("recalls_document_id"):
            rd = d.document_by_id.get(r["recalls_document_id"]) or {}
            # the pinpoint as printed (第 45 段), from the citation of kind recall
            para = (
                f', <span lang="{self.lang}">{escape(r["recalls_paragraph"])}</span>'
                if r.get("recalls_paragraph")
                else ""
            )
            bits.append(
                f'recalls <a href="{escape(r["recalls_document_id"])}.html">'
                f"{escape(rd.get('symbol') or rd.get('title') or r['recalls_document_id'])}</a>{para}"
            )
        grades = []
        for g in d.grades_of.get(rid, []):
            status = g.get("implementation_status")
            status_html = f'<span lang="{self.lang}">{escape(status)}</span>' if status else "no status stated in words"
            grades.append(
                f'<li>Graded <a href="{escape(self.href(g["assessment_paragraph_id"], g["grade_id"], here))}">'
                f'<span class="grade-letter">{escape(g["grade"])}</span></a> '
                f"({escape(d.label('grades', 'grade', g['grade']))}); {status_html}</li>"
            )
        body = " · ".join(bits)
        grades_html = f"<ul>{''.join(grades)}</ul>" if grades else ""
        return (
            f'<div class="rec" id="{escape(rid)}" role="group" aria-label="Recommendation {escape(str(label))}">'
            f"<p>{body}</p>{grades_html}{cite_html(self.citer.recommendation(r), rid)}</div>"
        )

    def grades_here_html(self, grades: list[Row], here: str) -> str:
        d = self.data
        items = []
        for g in grades:
            status = g.get("implementation_status")
            status_html = f'<span lang="{self.lang}">{escape(status)}</span>' if status else "no status stated in words"
            rec_href = self.href(g.get("recommendation_paragraph_id"), g["recommendation_id"], here)
            rec_label = escape(str(g.get("recommendation_label") or g["recommendation_id"]))
            items.append(
                f'<li id="{escape(g["grade_id"])}">Grade <span class="grade-letter">{escape(g["grade"])}</span> '
                f"({escape(d.label('grades', 'grade', g['grade']))}) for recommendation "
                f'<a href="{escape(rec_href)}">{rec_label}</a>;'
                f" status stated: {status_html}"
                + (f' <span class="note">Curator\'s note: {escape(g["notes"])}</span>' if g.get("notes") else "")
                + cite_html(self.citer.grade(g), g["grade_id"])
                + "</li>"
            )
        return f'<div class="grades-here"><p>Grades given by this assessment:</p><ul>{"".join(items)}</ul></div>'

    def unit(self, u: Row, footnotes: list[Row], linked: set[str]) -> Markup:
        """The unit's HTML; ``linked``: the footnotes of this document whose marker was found in the text."""
        d = self.data
        pid = u["paragraph_id"]
        here = u["document_id"]
        recs = d.recommendations_in.get(pid, [])
        text, _linked = self.text_html(u, footnotes, recs)
        kind = u["kind"]
        level = u.get("level")
        classes = f"unit k-{kind}" + (f" lvl{level}" if level else "")
        if kind in HEADING_KINDS:
            h = min(6, 2 + (level or 1))
            body = f'<h{h} lang="{self.lang}">{text}</h{h}>'
        else:
            body = f'<p lang="{self.lang}">{text}</p>'
        extra = []
        if kind == "footnote" and u.get("footnote_of"):
            back = f"ref-{pid}" if pid in linked else u["footnote_of"]
            extra.append(f'<a href="#{escape(back)}">back to the text</a>')
        meta = (
            f'<div class="unit-meta"><a href="#{escape(pid)}">{escape(pid)}</a>'
            f"<span>{escape(kind.replace('_', ' '))}</span>{''.join(extra)}"
            f"{cite_html(self.citer.paragraph(u), pid)}</div>"
        )
        recs_html = "".join(self.recommendation_html(r, here) for r in recs)
        grades = d.grades_at.get(pid)
        grades_html = self.grades_here_html(grades, here) if grades else ""
        return Markup(f'<div class="{classes}" id="{escape(pid)}">{body}{meta}{recs_html}{grades_html}</div>')


def _spans(opens: dict[int, list[str]], closes: dict[int, list[str]], tag: str) -> list[tuple[int, int]]:
    """The (start, end) of the ``tag`` elements opened so far (each opened once, closed once, in order)."""
    starts = sorted(p for p, items in opens.items() for h in items if h.startswith(f"<{tag}"))
    ends = sorted(p for p, items in closes.items() for h in items if h == f"</{tag}>")
    return list(zip(starts, ends, strict=False))
