"""Draft the paragraphs rows of a UN document received as text (Chinese or English), with exact spans.

The drafter reads the layout UN documents share, as the received text files carry it:

- the header block before the first heading or numbered paragraph: symbol, body, convention, session and agenda
  lines, ``Distr.``, the date, the language and ``Original:`` lines (kind ``metadata``), then the title lines
  (kind ``title``), and a table of ``label:<TAB>value`` rows (kind ``table_row``);
- headings: chapters (``一.``, ``I.``), sections (``A.``), the summary box's heading (内容提要, Summary), the
  paragraph headings of a follow-up evaluation (``第 16 段:``, ``Paragraph 16:``), its grade headings
  (``[B]: 第 60 段(a)项``) and any other Markdown heading; levels follow the order in which the kinds nest;
- numbered paragraphs (``1. ...`` or ``1.…`` without a space), unnumbered paragraphs, lettered and numbered items
  (``(a)``, ``(一)``, ``(i)``, ``- (a)``) nested under the paragraph that introduces them;
- footnotes (``¹``, ``<sup>1</sup>``, ``*``) with the unit that carries their marker, footnote text printed where
  the page broke, and paragraphs split by a page break (a line that does not end a sentence continues after the
  blank lines and footnotes that interrupt it).

Every drafted text is ``text_from_spans`` of its spans: the drafter only chooses spans; the normalisation
(hrdocs.text.normalise) makes the text. What it cannot know (ids the curator prefers, a unit it misread) is for
review; ``Draft.review`` lists what a person should look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hrdocs.text.locate import merge_spans
from hrdocs.text.normalise import joins_with_space
from hrdocs.text.spans import Span, format_spans, text_from_spans

_MD_MARKER = re.compile(r"(#{1,6}|-)[ \t]+")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
_FOOTNOTE = re.compile(r"(?:(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>(?P<tag>[0-9]+)</sup>|(?P<star>\\?\*(?!\*)))[ \t]*(?=\S)")
_NUMBERED = re.compile(r"(?P<n>[1-9][0-9]{0,3})\.(?![0-9])[ \t\u00a0]*(?=\S)")
_CHAPTER = re.compile(r"(?P<label>[一二三四五六七八九十]+|[IVXL]+)[.．、][ \t]*(?=\S)")
_SECTION = re.compile(r"(?P<label>[A-Z])\.[ \t]+(?=\S)")
_ITEM = re.compile(r"[(（](?P<label>[a-z]{1,2}|[ivx]{1,5}|[一二三四五六七八九十]{1,3}|[0-9]{1,2})[)）][ \t]*(?=\S)")
_GRADE = re.compile(r"(?:\*\*)?\[(?P<label>[A-Z][0-9]?)\](?:\*\*)?[:：]?(?:\*\*)?[ \t]*(?=\S)")
_PARAGRAPH_HEADING = re.compile(r"(?:第\s*[0-9]+\s*段|Paragraphs?\s+[0-9]+)[^:：]{0,20}[:：]")
_SUMMARY_HEADINGS = ("内容提要", "提要", "Summary")
_FINAL = set("。！？；：.!?;:")
_CLOSERS = set("”’\"')）】」』》")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
_CJK_SPACE = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff]) +(?=[\u2e80-\u9fff\uf900-\ufaff])")
_SYMBOL = re.compile(r"[A-Z]{1,6}(/[A-Za-z0-9.()-]+){2,}")
_DATE_EN = re.compile(
    r"([0-9]{1,2}) (January|February|March|April|May|June|July|August|September|October|"
    r"November|December) ((?:19|20)[0-9]{2})"
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_LANGUAGES = {
    "Chinese": "zh",
    "English": "en",
    "French": "fr",
    "Spanish": "es",
    "Russian": "ru",
    "Arabic": "ar",
    "中文": "zh",
    "英文": "en",
    "法文": "fr",
    "西班牙文": "es",
    "俄文": "ru",
    "阿拉伯文": "ar",
}
_BODY_LINE = re.compile(
    r"(委员会|理事会|大会)$|^(Committee (on|against|for) |Human Rights (Committee|Council)$|General Assembly$|"
    r"Conference of )"
)
_CONVENTION_LINE = re.compile(r"公约$|^(International )?(Convention|Covenant) (on|against|for) ")
_SESSION_LINE = re.compile(r"(第[一二三四五六七八九十百零〇0-9]+届会议|[A-Z][a-z-]+ session)$")
_AGENDA_LINE = re.compile(r"(议程项目|Agenda items?)\s*(?P<items>[0-9][0-9 ,、和及and]*)")
_DATES_LINE = re.compile(
    r"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日.*$|^[0-9]{1,2}(–|-| to )[0-9]{1,2} [A-Z][a-z]+ [0-9]{4}$"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_CHINESE_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

#: heading kinds whose level is always 1
_TOP_LEVEL = ("chapter", "summary")


@dataclass
class Unit:
    """One drafted unit of text: the source ranges it is printed in and what the layout says of it."""

    kind: str
    ranges: list[Span]
    number: int | None = None
    label: str = ""
    level: int | None = None
    parent: Unit | None = None
    footnote_of: Unit | None = None
    heading_kind: str = ""
    local: str = ""
    review: list[str] = field(default_factory=list)
    #: for footnotes: the marker as printed in the text it belongs to
    marker: str = ""


@dataclass
class Draft:
    """What the drafter read: its units in reading order, and the facts the header prints."""

    units: list[Unit]
    facts: dict[str, str]
    review: list[str]


@dataclass
class _Line:
    start: int  # offset of the first content character (after Markdown markers)
    end: int  # offset after the last non-blank character
    text: str  # the content
    markdown_heading: bool
    blank_before: bool
    #: the line started with a Markdown list bullet (``- ``)
    bullet: bool = False


def _lines(source: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    blank = True
    for raw in source.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            offset += len(raw) + 1
            continue
        start = offset + (len(raw) - len(raw.lstrip()))
        content = raw.lstrip()
        heading = bullet = False
        # a Markdown marker is an artefact only at the start of the line (hrdocs.text.normalise): indented, it is
        # printed text
        m = _MD_MARKER.match(content) if content == raw else None
        if m:
            if not content[m.end() :].strip():  # a bare marker ('## ', '- '): an artefact, like a blank line
                blank = True
                offset += len(raw) + 1
                continue
            heading = m.group(1).startswith("#")
            bullet = not heading
            start += m.end()
            content = content[m.end() :]
        end = offset + len(raw.rstrip())
        lines.append(_Line(start, end, content.rstrip(), heading, blank, bullet))
        blank = False
        offset += len(raw) + 1
    return lines


def _standalone_header_line(text: str) -> bool:
    """A header line that is a unit of its own even without a blank line around it (Distr., the date, the
    language lines, the symbol, a line in columns)."""
    plain = re.sub(r"<[^>]+>|\*\*|\\", "", text).strip()
    return bool(
        "\t" in plain
        or plain.startswith(("Distr.", "Original:"))
        or plain in _LANGUAGES
        or plain in ("United Nations", "联合国")
        or _DATE_EN.fullmatch(plain)
        or _SYMBOL.fullmatch(plain)
        or _DATES_LINE.match(plain)
    )


def _ends_sentence(text: str) -> bool:
    text = text.rstrip().rstrip(_SUPERSCRIPTS).rstrip()
    text = re.sub(r"(<sup>[0-9]+</sup>|\\?\*)+$", "", text).rstrip()
    while text and text[-1] in _CLOSERS:
        if len(text) >= 2 and text[-2] in _FINAL:
            return True
        text = text[:-1]
    return bool(text) and text[-1] in _FINAL


def _numeral(label: str) -> int | None:
    if label in _CHINESE_NUMERALS:
        return _CHINESE_NUMERALS[label]
    if len(label) == 2 and label[0] == "十" and label[1] in _CHINESE_NUMERALS:
        return 10 + _CHINESE_NUMERALS[label[1]]
    if label and all(c in _ROMAN for c in label):
        total = 0
        for i, c in enumerate(label):
            v = _ROMAN[c]
            total += -v if i + 1 < len(label) and _ROMAN[label[i + 1]] > v else v
        return total
    return None


def _item_kind(label: str, previous: str | None) -> str:
    """digit, chinese, roman or letter; (i), (v) and (x) are letters right after (h), (u) and (w)."""
    if label.isdigit():
        return "digit"
    if re.fullmatch(r"[一二三四五六七八九十]+", label):
        return "chinese"
    if re.fullmatch(r"[ivx]+", label) and not (len(label) == 1 and previous == chr(ord(label) - 1)):
        return "roman"
    return "letter"


class _Drafter:
    def __init__(self, source: str) -> None:
        self.source = source
        self.units: list[Unit] = []
        self.review: list[str] = []
        self.facts: dict[str, str] = {}
        self.headings: list[Unit] = []  # open headings, outermost first
        self.heading_levels: dict[str, int] = {}
        self.list_levels: dict[str, int] = {}
        self.list_owner: Unit | None = None
        self.items: list[Unit] = []  # open list items, level 1 first
        self.in_summary = False
        self.last_body: Unit | None = None  # the last unit a page-broken line may continue
        self.agenda_titles = 0

    # -- helpers ------------------------------------------------------------------------------------------
    def _add(self, unit: Unit) -> Unit:
        self.units.append(unit)
        return unit

    def _parent_heading(self) -> Unit | None:
        return self.headings[-1] if self.headings else None

    def _text(self, unit: Unit) -> str:
        return text_from_spans(self.source, unit.ranges)

    def _close_list(self) -> None:
        self.list_owner = None
        self.items = []
        self.list_levels = {}

    # -- the header block ---------------------------------------------------------------------------------
    def header(self, block: list[_Line]) -> None:
        hard_breaks = [ln for ln in block if self.source[ln.end : ln.end + 2] == "  " or "\t" in ln.text]
        if hard_breaks or len(block) == 1:
            groups = [[ln] for ln in block]
        else:  # wrapped lines (a title over two lines) are one unit; a line of the header's own is one alone
            groups = []
            for ln in block:
                if not groups or _standalone_header_line(ln.text) or _standalone_header_line(groups[-1][-1].text):
                    groups.append([ln])
                else:
                    groups[-1].append(ln)
        while groups:
            group = groups.pop(0)
            first, rest = group[0], group[1:]
            text = " ".join(ln.text for ln in group)
            if re.search(r"[:：]\t", first.text):
                self.table_row(first)
                if rest:
                    groups.insert(0, rest)
                continue
            footnote = _FOOTNOTE.match(first.text)
            if footnote and (footnote.group("star") or footnote.group("sup") or footnote.group("tag")):
                note = self.footnote(first, footnote)
                # a footnote's text wrapped over lines continues until a line that starts a unit of its own
                while rest and not (rest[0].markdown_heading or _FOOTNOTE.match(rest[0].text) or "\t" in rest[0].text):
                    self._extend(note, rest.pop(0))
                if rest:
                    groups.insert(0, rest)
                continue
            kind = self._header_kind(text)
            unit = self._add(Unit(kind, self._header_ranges(group)))
            if any(_CJK_SPACE.search(ln.text) for ln in group):
                unit.review.append("a space between Chinese characters is left out as a conversion artefact")
            self.last_body = None

    def _header_kind(self, text: str) -> str:
        plain = re.sub(r"<[^>]+>|\*\*|\\", "", text).strip()
        if self.agenda_titles:
            self.agenda_titles -= 1
            return "metadata"
        if plain.startswith("Distr.") or plain.startswith("Original:") or plain in _LANGUAGES:
            if plain.startswith("Distr."):
                self.facts.setdefault("distribution", plain)
            elif plain.startswith("Original:"):
                code = _LANGUAGES.get(plain.split(":", 1)[1].strip())
                if code:
                    self.facts.setdefault("original_language", code)
            else:
                self.facts.setdefault("language_line", _LANGUAGES[plain])
            return "metadata"
        parts = [part.strip() for part in plain.split("\t") if part.strip()]
        if len(parts) > 1:  # a header line in columns (United Nations <TAB> CCPR/C/GC/36)
            for part in parts:
                if _SYMBOL.fullmatch(part):
                    self.facts.setdefault("symbol", part)
            return "metadata"
        date = _DATE_EN.fullmatch(plain)
        if date:
            month = _MONTHS.index(date.group(2)) + 1
            self.facts.setdefault("date_published", f"{date.group(3)}-{month:02d}-{int(date.group(1)):02d}")
            return "metadata"
        if _SYMBOL.fullmatch(plain) or plain in ("United Nations", "联合国"):
            if _SYMBOL.fullmatch(plain):
                self.facts.setdefault("symbol", plain)
            return "metadata"
        agenda = _AGENDA_LINE.match(plain)
        if agenda:
            self.agenda_titles = len(re.findall(r"[0-9]+", agenda.group("items")))
            self.facts.setdefault("agenda_items", ",".join(re.findall(r"[0-9]+", agenda.group("items"))))
            return "metadata"
        if _SESSION_LINE.search(plain) and len(plain) < 40:
            self.facts.setdefault("session", plain)
            return "metadata"
        if _DATES_LINE.match(plain):
            return "metadata"
        compact = _CJK_SPACE.sub("", plain)
        names_body = _CONVENTION_LINE.search(compact) or _BODY_LINE.search(compact)
        if len(compact) < 160 and names_body and not any(u.kind == "title" for u in self.units):
            return "metadata"
        return "title"

    def _header_ranges(self, group: list[_Line]) -> list[Span]:
        """The group's lines, one span across each line break (the normalisation reads it: nothing between
        Chinese characters, one space between Latin words), leaving out a space between two Chinese characters
        (a conversion artefact)."""
        ranges: list[Span] = []
        for ln in group:
            at = ln.start
            if ranges and not self.source[ranges[-1][1] : ln.start].strip():
                at = ranges.pop()[0]
            for m in _CJK_SPACE.finditer(self.source, ln.start, ln.end):
                ranges.append((at, m.start()))
                at = m.end()
            ranges.append((at, ln.end))
        return ranges

    def table_row(self, line: _Line) -> None:
        label = re.split(r"[:：]?\t", line.text, maxsplit=1)[0].strip()
        label = re.sub(r"<[^>]+>|\*\*", "", label)
        self._add(Unit("table_row", [(line.start, line.end)], label=label, parent=self._parent_heading()))
        self.last_body = None

    # -- the body -----------------------------------------------------------------------------------------
    def heading(self, line: _Line, heading_kind: str, label: str = "") -> None:
        self._close_list()
        if heading_kind in _TOP_LEVEL:
            level = 1
        elif heading_kind in self.heading_levels:
            level = self.heading_levels[heading_kind]
        else:
            level = (self.headings[-1].level or 0) + 1 if self.headings else 1
            self.heading_levels[heading_kind] = level
        level = min(level, 6)
        while self.headings and (self.headings[-1].level or 0) >= level:
            self.headings.pop()
        ranges = [(line.start, line.end)]
        unit = self._add(
            Unit("heading", ranges, label=label, level=level, parent=self._parent_heading(), heading_kind=heading_kind)
        )
        if _CJK_SPACE.search(line.text):
            unit.ranges = self._header_ranges([line])
            unit.review.append("a space between Chinese characters is left out as a conversion artefact")
        self.headings.append(unit)
        self.in_summary = heading_kind == "summary"
        self.last_body = None

    def footnote(self, line: _Line, m: re.Match[str]) -> Unit:
        if m.group("star"):
            unit = Unit("footnote", [(line.start, line.end)], label="*", marker="*")
        else:
            digits = m.group("sup").translate(_TO_DIGITS) if m.group("sup") else m.group("tag")
            unit = Unit("footnote", [(line.start, line.end)], number=int(digits), marker=digits)
        # a '*' note belongs to the title block: it sits under no heading
        unit.parent = None if unit.marker == "*" else self._parent_heading()
        self._add(unit)
        return unit

    def paragraph(self, line: _Line, number: int | None) -> None:
        self._close_list()
        kind = "summary" if self.in_summary and number is None else "paragraph"
        unit = self._add(Unit(kind, [(line.start, line.end)], number=number, parent=self._parent_heading()))
        self.last_body = unit
        self.list_owner = unit

    def item(self, line: _Line, label: str) -> None:
        previous = self.items[0].label.strip("()（）") if self.items else None
        kind = _item_kind(label, previous) if label else "bullet"
        if kind not in self.list_levels:
            self.list_levels[kind] = len(self.list_levels) + 1
        level = self.list_levels[kind]
        self.items = self.items[: level - 1]
        parent = self.items[-1] if self.items else (self.list_owner or self._parent_heading())
        if not label:  # a bare '- ' bullet: the marker is a conversion artefact, no label is printed
            printed = ""
        elif ")" in line.text[:8]:
            printed = line.text[: line.text.index(")") + 1]
        else:
            printed = line.text[: line.text.index("）") + 1]
        unit = self._add(Unit("list_item", [(line.start, line.end)], label=printed, level=level, parent=parent))
        self.items.append(unit)
        self.last_body = unit
        if self.list_owner is None:
            self.list_owner = parent

    def continuation(self, line: _Line, after_blank: bool) -> bool:
        """Add ``line`` to the unit it continues; False when it starts a unit of its own."""
        last = self.units[-1] if self.units else None
        if last is None:
            return False
        if not after_blank and last.kind not in ("heading", "table_row"):
            self._extend(last, line)
            return True
        if last.kind == "footnote" and not _ends_sentence(self._raw(last)):
            self._extend(last, line)
            last.review.append("footnote text continued on a later line")
            return True
        target = self.last_body
        if target is not None and not _ends_sentence(self._raw(target)):
            before = self.source[target.ranges[-1][1] - 1]
            self._extend(target, line)
            if target is not last:
                target.review.append("continued after a footnote printed at a page break")
                if joins_with_space(before, self.source[line.start]):
                    target.review.append(
                        "the word space across the footnote at the page break is lost (spans cannot hold it)"
                    )
            else:
                target.review.append("split by a page break")
            return True
        return False

    def _extend(self, unit: Unit, line: _Line) -> None:
        """Add ``line`` to ``unit``: one span across the line break when only blanks lie between (so that the
        normalisation reads the break, as one space between Latin words), else a span of its own."""
        start, end = unit.ranges[-1]
        if not self.source[end : line.start].strip():
            unit.ranges[-1] = (start, line.end)
        else:
            unit.ranges.append((line.start, line.end))

    def _raw(self, unit: Unit) -> str:
        return self.source[unit.ranges[-1][0] : unit.ranges[-1][1]]

    def body_line(self, line: _Line) -> None:
        text = line.text
        if "\t" in text and not _NUMBERED.match(text):
            self.table_row(line)
            return
        m = _FOOTNOTE.match(text)
        if m and not (m.group("star") and line.markdown_heading):
            self.footnote(line, m)
            return
        m = _GRADE.match(text)
        if m:
            self.heading(line, "grade", f"[{m.group('label')}]")
            return
        if _PARAGRAPH_HEADING.match(text) and not _ends_sentence(text):
            self.heading(line, "paragraph_heading")
            return
        plain = re.sub(r"\*\*", "", text).strip()
        if plain in _SUMMARY_HEADINGS:
            self.heading(line, "summary")
            return
        m = _CHAPTER.match(text)
        if m and len(text) < 120 and not _ends_sentence(text):
            self.heading(line, "chapter", m.group("label"))
            return
        m = _SECTION.match(text)
        if m and len(text) < 120 and not _ends_sentence(text):
            self.heading(line, "section", m.group("label"))
            return
        m = _NUMBERED.match(text)
        if m:
            self.paragraph(line, int(m.group("n")))
            return
        m = _ITEM.match(text)
        if m:
            self.item(line, m.group("label"))
            return
        if line.bullet:
            self.item(line, "")
            return
        if line.markdown_heading and len(text) < 120:
            self.heading(line, "plain")
            return
        if self.continuation(line, line.blank_before):
            return
        self.paragraph(line, None)

    # -- footnote markers, ids ----------------------------------------------------------------------------
    def link_footnotes(self) -> None:
        for index, note in enumerate(self.units):
            if note.kind != "footnote":
                continue
            if note.marker == "*":
                marks = (re.compile(r"(?<!\*)\\?\*(?!\*)(?=\s|$)"),)
            else:
                sup = note.marker.translate(str.maketrans("0123456789", _SUPERSCRIPTS))
                marks = (re.compile(re.escape(sup) + r"(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"), re.compile(rf"<sup>{note.marker}</sup>"))
            candidates = self.units[:index][::-1] + self.units[index + 1 :]
            for unit in candidates:
                if unit.kind == "footnote":
                    continue
                raw = "".join(self.source[a:b] for a, b in unit.ranges)
                if unit.kind in ("footnote",) or not any(m.search(raw) for m in marks):
                    continue
                note.footnote_of = unit
                break
            if note.footnote_of is None:
                note.review.append(f"no unit carries the footnote marker {note.marker}")

    def assign_ids(self) -> None:
        used: set[str] = set()
        counters: dict[str, int] = {}

        def unique(local: str) -> str:
            candidate, n = local, 1
            while candidate in used:
                n += 1
                candidate = f"{local}-{n}"
            used.add(candidate)
            return candidate

        # the ids a printed number gives (p3, fn2, h2 for chapter 二) are kept for their units: counted ids
        # (h1 for the summary heading, u1, ...) skip them
        reserved = {f"p{u.number}" for u in self.units if u.kind == "paragraph" and u.number is not None}
        reserved |= {f"fn{u.number}" for u in self.units if u.kind == "footnote" and u.number is not None}
        reserved |= {
            f"h{_numeral(u.label)}"
            for u in self.units
            if u.kind == "heading" and u.heading_kind == "chapter" and _numeral(u.label) is not None
        }

        def counted(prefix: str) -> str:
            while True:
                counters[prefix] = counters.get(prefix, 0) + 1
                candidate = f"{prefix}{counters[prefix]}"
                if candidate not in reserved:
                    return unique(candidate)

        for unit in self.units:
            if unit.kind == "paragraph" and unit.number is not None:
                unit.local = unique(f"p{unit.number}")
            elif unit.kind == "footnote":
                unit.local = unique("fnstar" if unit.marker == "*" else f"fn{unit.number}")
            elif unit.kind == "heading":
                numeral = _numeral(unit.label) if unit.heading_kind == "chapter" else None
                if numeral is not None:
                    unit.local = unique(f"h{numeral}")
                elif unit.heading_kind == "section" and unit.parent is not None and unit.parent.local:
                    unit.local = unique(f"{unit.parent.local}{unit.label.lower()}")
                else:
                    unit.local = counted("h")
            elif unit.kind == "list_item" and unit.parent is not None and unit.parent.local:
                tail = re.sub(r"[^a-z0-9]", "", unit.label.lower()) or str(_numeral(unit.label.strip("()（）")) or "")
                unit.local = unique(f"{unit.parent.local}{tail}") if tail else counted(f"{unit.parent.local}-b")
            else:
                unit.local = counted(
                    {
                        "metadata": "meta",
                        "title": "title",
                        "table_row": "t",
                        "summary": "summary",
                        "paragraph": "u",
                        "list_item": "i",
                    }[unit.kind]
                )

    def _trim(self, span: Span) -> Span:
        """Leave Markdown emphasis and escapes at a span's ends outside it (``**[B]:**`` starts at ``[``)."""
        start, end = span
        while True:
            if self.source.startswith("**", start) and start + 2 < end:
                start += 2
            elif self.source.startswith("\\*", start):
                start += 1
            elif self.source.endswith("**", start, end) and end - 2 > start:
                end -= 2
            else:
                return (start, end)

    def finish(self) -> None:
        for unit in self.units:
            unit.ranges = [self._trim(span) for span in unit.ranges]
            text = text_from_spans(self.source, unit.ranges)
            unit.ranges = merge_spans(self.source, unit.ranges, text)


def draft_text(source: str) -> Draft:
    """Draft the units of one text source in reading order."""
    drafter = _Drafter(source)
    lines = _lines(source)
    header: list[list[_Line]] = []
    i = 0
    # the header block: until the first heading, numbered paragraph or follow-up table's end
    while i < len(lines):
        ln = lines[i]
        text = ln.text
        plain = re.sub(r"\*\*", "", text).strip()
        starts_body = (
            _NUMBERED.match(text)
            or plain in _SUMMARY_HEADINGS
            or (_CHAPTER.match(text) and not _ends_sentence(text) and len(text) < 120)
            or _PARAGRAPH_HEADING.match(text)
            or _GRADE.match(text)
        )
        if starts_body:
            break
        if ln.blank_before or not header:
            header.append([ln])
        else:
            header[-1].append(ln)
        i += 1
    for block in header:
        drafter.header(block)
    for ln in lines[i:]:
        drafter.body_line(ln)
    drafter.link_footnotes()
    drafter.finish()
    drafter.assign_ids()
    language = "zh" if len(_CJK.findall(source)) * 3 > len(re.findall(r"[A-Za-z]", source)) else "en"
    drafter.facts["language"] = language
    return Draft(drafter.units, drafter.facts, drafter.review)


def section_path(unit: Unit, source: str) -> str:
    """The printed headings a unit sits under, outermost first, joined by ' > '."""
    chain: list[str] = []
    parent = unit.parent
    while parent is not None:
        if parent.kind == "heading":
            chain.append(text_from_spans(source, parent.ranges))
        parent = parent.parent
    return " > ".join(reversed(chain))


def spans_value(unit: Unit) -> str:
    return format_spans(unit.ranges)
