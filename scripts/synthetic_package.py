"""Write a deterministic synthetic hrdocs package of any size, valid for `hrdocs validate`, for `make bench`.

    python scripts/synthetic_package.py --paragraphs 1000000 --out bench-data/p1000000 [--seed 1]

The text is realistic Chinese: the clauses of the real sources in data/sources/*.txt (markup stripped),
recombined into sentences, with occasional Latin names, UN symbols (A/HRC/50/52), dates and numbers. Every
table is in proportion: one document with text per 1,000 paragraphs (one in five a follow-up evaluation, with
the concluding observations it assesses as a document without text), about one recommendation per 10
paragraphs (numbered paragraphs with lettered items, some with (一) sub-items, chained by parent_id), a grade
per assessed recommendation with its assessment heading and the grade summary line, and about one participant
per 20 paragraphs. Each document's source file is assembled from its units, so every span is exact and the
whole file is covered; the conversion artefacts of the real sources (Markdown headings, one paragraph in fifty
with `**` emphasis, `<sup>` footnote markers, page-break line breaks) make the normalisation run. Columns come
from the repository's schemas (hrdocs.metadata.load_package); schemas/ and validation/ are copied.

Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hrdocs.metadata import load_package
from hrdocs.text.normalise import normalise

REPO = Path(__file__).resolve().parents[1]
PARAGRAPHS_PER_DOCUMENT = 1000
#: one document in FOLLOW_UP_EVERY is a follow-up evaluation (document 1, 6, 11, ...)
FOLLOW_UP_EVERY = 5

#: names of persons taking part; none is printed in data/sources/ (whose clauses make up the text), so a
#: participant's full name is printed only in the paragraphs that list it (rule participant-paragraphs-complete)
LATIN_NAMES = (
    "Jorge Bustamante",
    "Cecilia Jimenez-Damary",
    "Dimitris Christopoulos",
    "Pia Oberoi",
    "Gabriela Rodríguez Pizarro",
    "François Crépeau",
    "Carlos Uriarte Sánchez",
    "Ahmadou Tall",
    "Fatimata Diallo",
    "Edgar Corzo Sosa",
)
STATES = (
    ("墨西哥", "MEX"),
    ("菲律宾", "PHL"),
    ("阿塞拜疆", "AZE"),
    ("德国", "DEU"),
    ("巴西", "BRA"),
    ("摩洛哥", "MAR"),
    ("斯里兰卡", "LKA"),
    ("厄瓜多尔", "ECU"),
    ("塞内加尔", "SEN"),
    ("印度尼西亚", "IDN"),
    ("危地马拉", "GTM"),
    ("孟加拉国", "BGD"),
)
ORGANISATIONS = (
    ("马特和平、发展和人权基金会", "ngo", "org-mat-foundation"),
    ("国际移民组织", "international_organisation", "org-iom"),
    ("联合国难民事务高级专员办事处", "un_entity", "org-unhcr"),
    ("欧洲联盟", "regional_organisation", "org-eu"),
    ("国家人权委员会", "nhri", "org-nhri"),
    ("国际特赦组织", "ngo", "org-amnesty"),
)
SYMBOLS = (
    "A/HRC/50/52",
    "CMW/C/AZE/CO/3",
    "A/RES/73/195",
    "A/HRC/RES/47/12",
    "CMW/C/GC/5",
    "E/2021/43",
    "A/77/189",
)
SAYS = ("说", "指出", "强调", "表示", "回顾说", "认为")
SAYS_EN = ("said that", "noted that", "stressed that", "stated that", "recalled that", "considered that")
MADE_BY = (("委员会", "缔约国", "state_party"), ("与会者", "各国", "states"), ("高级专员", "理事会", "council"))
MADE_BY_EN = (
    ("the Committee", "the State party", "state_party"),
    ("participants", "States", "states"),
    ("the High Commissioner", "the Council", "council"),
)
#: English clauses (see english_clauses), committed so that the generator needs nothing outside the repository
ENGLISH_CLAUSES = REPO / "scripts" / "synthetic_english_clauses.txt"
#: a document is English when its index modulo 10 is one of these (and it is not a follow-up evaluation)
ENGLISH_DOCUMENTS = (0, 3, 4, 8, 9)
GRADE_STATUS = (("A", "已得到执行"), ("B", "已得到部分执行"), ("C", "尚未得到执行"), ("B", None), ("E", None))
LETTERS = "abcdefgh"
CN_NUMERALS = "一二三四五六七八九十"
#: a list marker at the start of a clause: 1. / b) / 一. / (a) / iv.
_ENUMERATOR = re.compile(r"^(?:\([^()]{1,4}\)|(?:[0-9]+|[A-Za-z]|[ivx]+|[一二三四五六七八九十]+)[.)、])\s*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MARKUP = re.compile(r"<[^<>]*>|\*\*|\\\*|^#+\s*|^-\s+|^\([a-z一二三四五六七八九十]+\)\s*|^[0-9]+\.\s*")


def vocabulary(sources: list[Path]) -> list[str]:
    """Clauses of the real sources (markup stripped), split at Chinese and Latin punctuation; sorted."""
    clauses: set[str] = set()
    for path in sources:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line or "|" in line:
                continue
            line = _MARKUP.sub("", line.strip())
            for clause in re.split(r"[，,。；;：:、！？!?\n]", line):
                clause = _ENUMERATOR.sub("", clause.strip()).strip(' \u3000"“”‘’《》()（）')
                if (
                    len(_CJK.findall(clause)) >= 2
                    and 2 <= len(clause) <= 40
                    and not re.search(r"[*<>\\\[\]#|]", clause)
                ):
                    clauses.add(clause)
    if len(clauses) < 50:
        raise SystemExit(f"synthetic_package: only {len(clauses)} clauses in {', '.join(map(str, sources))}")
    return sorted(clauses)


_EN_CLAUSE = re.compile(r"^[A-Za-z][A-Za-z0-9 ’'\-/]*[A-Za-z0-9]$")


def english_clauses(paths: list[Path]) -> list[str]:
    """Clauses of the English general comments (the "Text" of each paragraph of the JSON files), split at
    punctuation; 3 to 20 words of letters, digits, spaces, hyphens, slashes and apostrophes; sorted."""
    clauses: set[str] = set()
    for path in paths:
        for paragraph in json.loads(path.read_text(encoding="utf-8")):
            text = " ".join(str(paragraph.get("Text", "")).replace("\u2011", "-").split())
            for clause in re.split(r"[,;:.!?()“”\"\[\]]", text):
                clause = clause.strip()
                if _EN_CLAUSE.match(clause) and 3 <= len(clause.split()) <= 20:
                    clauses.add(clause)
    return sorted(clauses)


def read_english_clauses() -> list[str]:
    """The committed clause list (lines not starting with #)."""
    lines = ENGLISH_CLAUSES.read_text(encoding="utf-8").splitlines()
    clauses = [line for line in lines if line and not line.startswith("#")]
    if len(clauses) < 50:
        raise SystemExit(f"synthetic_package: only {len(clauses)} clauses in {ENGLISH_CLAUSES}")
    return clauses


@dataclass
class Unit:
    """One paragraphs row before assembly: its raw source text and where it goes in the file."""

    kind: str
    raw: str
    prefix: str = ""  # Markdown heading marker before the span (an artefact)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Sub:
    """A recommendation or participant whose span lies inside a unit: raw offsets relative to the unit."""

    table: str
    unit: int
    start: int
    end: int
    row: dict[str, str]


class Writer:
    """Generates the documents one at a time and appends their rows to the five CSVs."""

    def __init__(self, out: Path, seed: int, clauses: list[str], english: list[str]) -> None:
        self.out = out
        self.rng = random.Random(seed)
        self.clauses = clauses
        self.english_clauses = english
        self.english = False  # the document being written is English
        package = load_package(REPO)
        self.columns = {t.name: t.field_names for t in package.tables}
        self.files = {
            name: (out / "data" / f"{name}.csv").open("w", encoding="utf-8", newline="") for name in self.columns
        }
        self.writers = {name: csv.writer(fh, lineterminator="\n") for name, fh in self.files.items()}
        for name, writer in self.writers.items():
            writer.writerow(self.columns[name])
        self.counts = dict.fromkeys(self.columns, 0)

    # text -------------------------------------------------------------------------------------------
    def sentence(self, min_chars: int) -> str:
        """Clauses joined with Chinese punctuation until at least min_chars long, ending with 。 (in an English
        document: English clauses, three times as long, ending with a full stop)."""
        rng = self.rng
        if self.english:
            return self.english_sentence(min_chars * 3)
        parts = self.clauses_until(self.clauses, max(2, min_chars // 9), min_chars, "，", "；")
        self.flourish(
            parts,
            symbol="（{}）",
            symbol_at=lambda i: i,
            date=lambda: f"{rng.randint(2015, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，",
            # a person named in passing, by surname: a participant's full name is printed only where it is listed
            says="{}{}，",
            verbs=SAYS,
            figures="，涉及{}名移民，占{}%",
        )
        return "".join(parts) + "。"

    def english_sentence(self, min_chars: int) -> str:
        """English clauses joined with commas and semicolons until at least min_chars long, with occasional
        names, symbols, dates and numbers."""
        rng = self.rng
        parts = self.clauses_until(self.english_clauses, max(2, min_chars // 30), min_chars, ", ", "; ")
        self.flourish(
            parts,
            symbol="({}) ",
            symbol_at=lambda i: i // 2 * 2,
            date=lambda: f"On {rng.randint(1, 28)} May {rng.randint(2015, 2025)}, ",
            # by surname only, as in the Chinese text: a participant's full name is printed only where it is listed
            says="{} {} ",
            verbs=SAYS_EN,
            figures=", concerning {} migrants, {} per cent",
        )
        text = "".join(parts).strip()
        return text[0].upper() + text[1:] + "."

    def clauses_until(self, clauses: list[str], k: int, min_chars: int, comma: str, semicolon: str) -> list[str]:
        """Clauses drawn from ``clauses`` (k at the most) until at least min_chars long, with a comma between two
        and a semicolon after every seventh; no mark at the end."""
        parts: list[str] = []
        size = 0
        for i, clause in enumerate(self.rng.choices(clauses, k=k)):
            parts.append(clause)
            size += len(clause)
            if size >= min_chars:
                break
            parts.append(semicolon if i % 7 == 6 else comma)
        if parts[-1] in (comma, semicolon):
            parts.pop()
        return parts

    def flourish(
        self,
        parts: list[str],
        *,
        symbol: str,
        symbol_at: Callable[[int], int],
        date: Callable[[], str],
        says: str,
        verbs: tuple[str, ...],
        figures: str,
    ) -> None:
        """One sentence in twelve gets a UN symbol (at ``symbol_at`` of a random place), one in seventeen a date
        in front, one in twenty-five a surname saying something in front, one in twenty-five figures at the end:
        the templates say how, in the sentence's language."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            parts.insert(symbol_at(rng.randrange(len(parts) + 1)), symbol.format(rng.choice(SYMBOLS)))
        elif roll < 0.14:
            parts.insert(0, date())
        elif roll < 0.18:
            parts.insert(0, says.format(rng.choice(LATIN_NAMES).split()[-1], rng.choice(verbs)))
        elif roll < 0.22:
            parts.append(figures.format(rng.randint(2, 9999), rng.randint(1, 99)))

    def body_text(self) -> str:
        """A paragraph's raw text: 40-400 characters; one in fifty with ** emphasis, one in 200 a page break."""
        rng = self.rng
        text = self.sentence(rng.choice((40, 80, 120, 160, 200, 300, 400)))
        roll = rng.random()
        comma = ", " if self.english else "，"
        if roll < 0.02:
            cut = text.find(comma, 1)
            cut = cut if cut > 0 else len(text) // 2
            text = f"**{text[:cut]}**{text[cut:]}"
        elif roll < 0.025:
            cut = text.rfind(comma)
            if cut > 0:
                text = f"{text[: cut + 1]}\n\n{text[cut + len(comma) :]}"
        return text

    # one document ------------------------------------------------------------------------------------
    def document(self, index: int, n_paragraphs: int) -> None:
        doc_id = f"syn-{index:05d}"
        follow_up = index % FOLLOW_UP_EVERY == 1
        self.english = english = not follow_up and index % 10 in ENGLISH_DOCUMENTS
        units: list[Unit] = []
        subs: list[Sub] = []
        grades: list[dict[str, str]] = []
        footnotes: list[tuple[int, str]] = []  # (unit index of the marker, footnote raw text)
        state = {"number": 0, "heading": -1}
        rng = self.rng
        co_id = f"{doc_id}-co"

        def add(kind: str, raw: str, prefix: str = "", **extra: str) -> int:
            units.append(Unit(kind, raw, prefix, extra))
            return len(units) - 1

        def heading(text: str, level: int = 1, parent: int | None = None) -> int:
            i = add("heading", text, "#" * (level + 1) + " ", level=str(level))
            units[i].extra["parent"] = "" if parent is None else str(parent)
            if level == 1:
                state["heading"] = i
            return i

        def numbered(raw: str) -> tuple[int, int]:
            """A numbered paragraph under the current heading; returns (unit, raw offset after the number)."""
            state["number"] += 1
            prefix = f"{state['number']}. "
            i = add("paragraph", prefix + raw, number=str(state["number"]), parent=str(state["heading"]))
            return i, len(prefix)

        def plain(footnote: bool = True) -> None:
            rng_roll = rng.random()
            if rng_roll < 0.068:  # a participant named at the start of the paragraph
                choice = rng.random()
                if choice < 0.4 or english:
                    name = rng.choice(LATIN_NAMES)
                    kind, entity, iso3 = "person", "person-" + re.sub(r"[^a-z]+", "-", name.lower()).strip("-"), ""
                elif choice < 0.8:
                    name, iso3 = rng.choice(STATES)
                    kind, entity = "state", f"state-{iso3.lower()}"
                    name += "代表"
                else:
                    name, kind, entity = rng.choice(ORGANISATIONS)
                    iso3 = ""
                shown = f"**{name}**" if rng.random() < 0.3 else name
                said = f" {rng.choice(SAYS_EN)} " if english else f"{rng.choice(SAYS)}，"
                i, offset = numbered(f"{shown}{said}{self.body_text()}")
                row = {
                    "participant_id": f"{doc_id}.n{i + 1}",
                    "entity_id": entity,
                    "document_id": doc_id,
                    "name": name,
                    "kind": kind,
                    "role": "stakeholder" if follow_up else rng.choice(("panellist", "plenary_speaker", "moderator")),
                    "country_iso3": iso3,
                    "session": "" if follow_up else rng.choice(("session_1", "session_2")),
                    "mode": "written" if follow_up else "oral",
                }
                subs.append(Sub("participants", i, offset, offset + len(shown), row))
                return
            i, _ = numbered(self.body_text())
            if footnote and rng_roll > 0.99:  # a footnote marker; the footnote follows at the end of the document
                units[i].raw += f"<sup>{len(footnotes) + 1}</sup>"
                footnotes.append((i, f"见{rng.choice(SYMBOLS)}，第{rng.randint(1, 99)}段。"))

        def recommendation(
            maker: tuple[str, str, str], number_label: str, rec_doc: str, para: tuple[int, int]
        ) -> list[tuple[int, str, str, str]]:
            """The recommendation printed in unit para[0] after offset para[1], and 2-4 lettered items."""
            made_by, addressed_to, to_kind = maker
            i, offset = para
            base = f"{rec_doc}.r{number_label}"
            subs.append(
                Sub(
                    "recommendations",
                    i,
                    offset,
                    len(units[i].raw),
                    {
                        "recommendation_id": base,
                        "document_id": rec_doc,
                        "label": number_label,
                        "made_by": made_by,
                        "addressed_to": addressed_to,
                        "addressed_to_kind": to_kind,
                        "verb": "recommends" if english else "建议",
                    },
                )
            )
            items = []
            for letter in LETTERS[: rng.randint(2, 4)]:
                prefix = f"({letter}) "
                j = add("list_item", prefix + self.sentence(rng.choice((30, 60, 90))), label=f"({letter})")
                units[j].extra.update(level="1", parent=str(i))
                rid = f"{base}-{letter}"
                label = f"{number_label}({letter})"
                subs.append(
                    Sub(
                        "recommendations",
                        j,
                        len(prefix),
                        len(units[j].raw),
                        {
                            "recommendation_id": rid,
                            "document_id": rec_doc,
                            "label": label,
                            "parent_id": base,
                            "made_by": made_by,
                            "verb": "recommends" if english else "建议",
                        },
                    )
                )
                items.append((j, rid, label, letter))
                if not follow_up and rng.random() < 0.15:  # (一), (二) under this item
                    for k in range(rng.randint(1, 2)):
                        cn = CN_NUMERALS[k]
                        sub_prefix = f"({cn}) "
                        s = add("list_item", sub_prefix + self.sentence(30), label=f"({cn})")
                        units[s].extra.update(level="2", parent=str(j))
                        row = {
                            "recommendation_id": f"{rid}-{k + 1}",
                            "document_id": rec_doc,
                            "label": f"{label}({cn})",
                            "parent_id": rid,
                            "made_by": made_by,
                            "verb": "recommends" if english else "建议",
                        }
                        subs.append(Sub("recommendations", s, len(sub_prefix), len(units[s].raw), row))
            return items

        add(
            "title",
            f"Report on {self.sentence(10)[:-1].lower()}" if english else f"关于{self.sentence(10)[:-1]}的报告",
            "# ",
        )
        summary = add("table_row", "") if follow_up else -1
        budget = n_paragraphs - 2  # room for footnotes and the closing paragraph
        label = 8
        while len(units) + len(footnotes) < budget:
            room = budget - len(units) - len(footnotes)
            if follow_up and room >= 32:
                label += rng.randint(1, 9)
                h = heading(f"第{label}段: {self.sentence(12)[:-1]}")
                para = add("paragraph", f"{self.sentence(40)[:-1]}，委员会建议缔约国:", parent=str(h))
                items = recommendation(MADE_BY[0], str(label), co_id, (para, 0))
                heading("委员会的评价", 2, h)
                for _unit, rid, _label, letter in items:
                    grade, status = rng.choice(GRADE_STATUS)
                    assessed = f"第 {label} 段({letter})项"
                    a = heading(f"[{grade}]: {assessed}", 3, h)
                    units[a].extra["label"] = f"[{grade}]"
                    said = (
                        f"委员会认为该建议{status}" if status else f"委员会要求提供关于{self.sentence(20)[:-1]}的资料"
                    )
                    t = add("paragraph", f"{self.sentence(60)[:-1]}，{said}。", parent=str(a))
                    grades.append(
                        {
                            "grade_id": f"{doc_id}.g{label}-{letter}",
                            "recommendation_id": rid,
                            "document_id": doc_id,
                            "grade": grade,
                            "implementation_status": status or "",
                            "assessment_label": assessed,
                            "assessment_paragraph": str(a),
                            "text_paragraph": str(t),
                        }
                    )
                for _ in range(rng.randint(3, 8)):
                    plain()
            elif len(units) % 25 == 1 and room >= 2:
                heading(self.sentence(14)[:-1])
            elif not follow_up and room >= 14 and rng.random() < 0.017:
                maker = rng.choice(MADE_BY_EN if english else MADE_BY)
                if english:
                    i, offset = numbered(f"{self.sentence(50)[:-1]}, {maker[0]} recommends that {maker[1]}:")
                else:
                    i, offset = numbered(f"{self.sentence(50)[:-1]}，{maker[0]}建议{maker[1]}:")
                recommendation(maker, str(state["number"]), doc_id, (i, offset + 0))
            else:
                plain()
        while len(units) + len(footnotes) < n_paragraphs:
            plain(footnote=False)
        for k, (marker, text) in enumerate(footnotes, start=1):
            add("footnote", f"{k} {text}", number=str(k), footnote_of=str(marker))
        if follow_up:
            self.summary_line(units, summary, grades, subs)
        self.emit(index, doc_id, follow_up, co_id, units, subs, grades)
        self.english = False

    def summary_line(self, units: list[Unit], summary: int, grades: list[dict[str, str]], subs: list[Sub]) -> None:
        """委员会的评价:<TAB>16 [C] [B]、36 [C]: the letters per printed number in the headings' order."""
        by_number: dict[str, list[str]] = {}
        for g in grades:
            by_number.setdefault(g["grade_id"].rsplit(".g", 1)[1].split("-")[0], []).append(g["grade"])
        groups = [f"{n} " + " ".join(f"[{x}]" for x in letters) for n, letters in by_number.items()]
        units[summary].raw = "委员会的评价:\t" + "、".join(groups) if groups else "委员会的评价:\t无"

    def emit(
        self,
        index: int,
        doc_id: str,
        follow_up: bool,
        co_id: str,
        units: list[Unit],
        subs: list[Sub],
        grades: list[dict[str, str]],
    ) -> None:
        rel = f"data/sources/syn_{index:05d}.txt"
        pieces: list[str] = []
        starts: list[int] = []
        pos = 0
        for u in units:
            pieces.append(u.prefix)
            pos += len(u.prefix)
            starts.append(pos)
            pieces.append(u.raw)
            pieces.append("\n\n")
            pos += len(u.raw) + 2
        source = "".join(pieces)
        data = source.encode("utf-8")
        (self.out / rel).write_bytes(data)
        rng = self.rng
        year = 2010 + index % 15
        documents = []
        if follow_up:
            documents.append(
                {
                    "document_id": co_id,
                    "symbol": f"CMW/C/SYN{index}/CO/1",
                    "title": f"关于第{index}号缔约国初次报告的结论性意见",
                    "body": "CMW",
                    "document_type": "concluding_observations",
                    "date_published": f"{year - 3}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "has_text": "false",
                }
            )
        documents.append(
            {
                "document_id": doc_id,
                "symbol": f"CMW/C/SYN{index}/FCO/1" if follow_up else f"A/HRC/SYN/{index}",
                "title": normalise(units[0].raw),
                "title_en": f"Synthetic document {index}",
                "body": "CMW" if follow_up else rng.choice(("HRC", "OHCHR", "SG", "GA")),
                "document_type": "follow_up_evaluation" if follow_up else rng.choice(("panel_summary", "report")),
                "language": "en" if self.english else "zh",
                "original_language": "en",
                "date_published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "session": f"session {index % 60 + 1}" if self.english else f"第{index % 60 + 1}届会议",
                "session_number": str(index % 60 + 1),
                "has_text": "true",
                "source_file": rel,
                "source_sha256": hashlib.sha256(data).hexdigest(),
            }
        )
        self.write("documents", documents)

        ids = [f"{doc_id}.p{i + 1}" for i in range(len(units))]
        paragraphs = []
        for i, u in enumerate(units):
            extra = u.extra
            raw_parent = extra.get("parent", "")
            parent = ids[int(raw_parent)] if raw_parent not in ("", "-1") else ""
            footnote_of = ids[int(extra["footnote_of"])] if "footnote_of" in extra else ""
            start = starts[i]
            paragraphs.append(
                {
                    "paragraph_id": ids[i],
                    "document_id": doc_id,
                    "seq": str(i + 1),
                    "kind": u.kind,
                    "number": extra.get("number", ""),
                    "label": extra.get("label", ""),
                    "level": extra.get("level", ""),
                    "parent_id": parent,
                    "section": section_of(units, i),
                    "footnote_of": footnote_of,
                    "text": normalise(u.raw),
                    "spans": f"{start}-{start + len(u.raw)}",
                }
            )
        self.write("paragraphs", paragraphs)

        recommendations: list[dict[str, str]] = []
        participants: list[dict[str, str]] = []
        for s in subs:
            u = units[s.unit]
            start = starts[s.unit]
            row = dict(s.row)
            spans = f"{start + s.start}-{start + s.end}"
            text = normalise(u.raw[s.start : s.end])
            if s.table == "recommendations":
                row.update(paragraph_id=ids[s.unit], text=text, spans=spans)
                recommendations.append(row)
            else:
                row.update(name=text, name_spans=spans)
                participants.append(row)
        self.write("recommendations", recommendations)
        self.write("participants", participants)
        units_named = [s.unit for s in subs if s.table == "participants"]
        named = [
            {"participant_id": r["participant_id"], "seq": "1", "paragraph_id": ids[unit]}
            for r, unit in zip(participants, units_named, strict=True)
        ]
        self.write("participant_paragraphs", named)
        texts = []
        for g in grades:
            g["assessment_paragraph_id"] = ids[int(g.pop("assessment_paragraph"))]
            texts.append({"grade_id": g["grade_id"], "seq": "1", "paragraph_id": ids[int(g.pop("text_paragraph"))]})
        self.write("grades", grades)
        self.write("grade_paragraphs", texts)

    def write(self, table: str, rows: list[dict[str, str]]) -> None:
        names = self.columns[table]
        self.writers[table].writerows([[row.get(n, "") for n in names] for row in rows])
        self.counts[table] += len(rows)

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


def section_of(units: list[Unit], i: int) -> str:
    """paragraphs.section: the texts of the headings above unit i (following parent), outermost first."""
    path: list[str] = []
    raw = units[i].extra.get("parent", "")
    while raw not in ("", "-1"):
        parent = units[int(raw)]
        if parent.kind == "heading":
            path.append(normalise(parent.raw))
        raw = parent.extra.get("parent", "")
    return " > ".join(reversed(path))


def generate(out: Path, paragraphs: int, seed: int = 1) -> dict[str, int]:
    """Write the package at ``out`` (replacing what is there); return the row count per table."""
    if paragraphs < 20:
        raise ValueError("--paragraphs must be at least 20")
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "data" / "sources").mkdir(parents=True)
    shutil.copytree(REPO / "schemas", tmp / "schemas")
    (tmp / "validation").mkdir()
    for rule in sorted((REPO / "validation").glob("*.sql")):
        shutil.copy(rule, tmp / "validation" / rule.name)
    (tmp / "validation" / "coverage_exclusions.csv").write_text("document_id,spans,reason\n", encoding="utf-8")
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["name"] = "hrdocs-synthetic"
    descriptor["title"] = f"Synthetic hrdocs package: {paragraphs} paragraphs, seed {seed}"
    descriptor["sources"] = [{"title": "Synthetic text recombined from the clauses of the hrdocs sources"}]
    for resource in descriptor["resources"]:
        for key in ("bytes", "hash", "hrdocs:expectedRows"):
            resource.pop(key, None)
    (tmp / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    clauses = vocabulary(sorted((REPO / "data" / "sources").glob("*.txt")))
    writer = Writer(tmp, seed, clauses, read_english_clauses())
    n_docs = max(2, -(-paragraphs // PARAGRAPHS_PER_DOCUMENT))
    base, extra = divmod(paragraphs, n_docs)
    try:
        for index in range(n_docs):
            writer.document(index, base + (1 if index < extra else 0))
    finally:
        writer.close()
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return writer.counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=0, help="number of paragraphs rows (at least 20)")
    parser.add_argument("--out", type=Path, help="package directory to write (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--write-english-clauses",
        type=Path,
        metavar="DIR",
        help=f"write {ENGLISH_CLAUSES.name} from the general comments' JSON files in DIR, then stop",
    )
    args = parser.parse_args(argv)
    if args.write_english_clauses:
        paths = sorted(args.write_english_clauses.glob("Annotated_*.json"))
        header = [
            "# English clauses for scripts/synthetic_package.py (python scripts/synthetic_package.py",
            "# --write-english-clauses DIR): cut from the paragraph texts of " + ", ".join(p.name for p in paths),
            "# (shared/sources/general-comments, from the public repository lszoszk/UN-TreatyBodiesDocSearch,",
            "# MIT licence, Copyright (c) 2024 Łukasz Szoszkiewicz). Synthetic text only: recombined, not UN text.",
        ]
        text = "\n".join(header + english_clauses(paths)) + "\n"
        ENGLISH_CLAUSES.write_text(text, encoding="utf-8")
        print(f"wrote {ENGLISH_CLAUSES}", file=sys.stderr)
        return 0
    if args.paragraphs <= 0 or args.out is None:
        parser.error("--paragraphs and --out are required")
    started = time.perf_counter()
    try:
        counts = generate(args.out, args.paragraphs, args.seed)
    except ValueError as exc:
        print(f"synthetic_package: error: {exc}", file=sys.stderr)
        return 2
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    print(f"wrote {args.out}: {summary} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
