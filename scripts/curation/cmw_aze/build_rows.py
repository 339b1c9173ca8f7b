"""Build the curated rows of the CMW follow-up evaluation on Azerbaijan (source 003) for all five tables.

    .venv/bin/python scripts/curation/cmw_aze/build_rows.py [OUT_DIR]

Every row is written out by hand below (kind, label, level, parent, notes, who, what grade, which status);
only the text and its spans are taken from the source file, by line number and hrdocs.text.locate, so that
every text value reproduces from its spans. Writes documents.csv, paragraphs.csv, recommendations.csv,
grades.csv and participants.csv to OUT_DIR (default build/curation/cmw_aze/), to be merged into data/ with
scripts/curation/sync_rows.py (see sync.sh beside this file).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from table_rows import ROOT, paragraph_row, section_of, write_rows

from hrdocs.text.locate import locate, normalised_source
from hrdocs.text.normalise import normalise
from hrdocs.text.spans import Span, format_spans, text_from_spans

SOURCE_FILE = "data/sources/003_72a3edeaed361ee8.txt"
DOC = "cmw-aze-follow-up-co3"
CO = "cmw-c-aze-co-3"
SOURCE = (ROOT / SOURCE_FILE).read_text(encoding="utf-8")
NS = normalised_source(SOURCE)
LINES = SOURCE.split("\n")
LINE_START = [0]
for _line in LINES:
    LINE_START.append(LINE_START[-1] + len(_line) + 1)

_MARKUP_PREFIX = re.compile(r"^(#{1,6}[ \t]+|-[ \t]+)")

# --------------------------------------------------------------------------------------------------------
# Notes shared by several rows
LEVELS_NOTE = (
    "level is the logical structure (1 theme heading of an evaluated paragraph, 2 缔约国的答复/委员会的评价, "
    "3 assessment block); the source's Markdown heading levels are inconsistent (paragraph 16: ####/##/###, "
    "36: ##/###/####, 60: ###/###/####, 62: ###/####/#####) and are not used."
)
ASCII_PUNCT = "ASCII commas/colon followed by a space, as in the file (other parts use full-width punctuation): kept."

# --------------------------------------------------------------------------------------------------------
# paragraphs: (local, source line, kind, number, label, level, parent local, footnote_of local, notes)
# Text is the source line without Markdown markers, normalised; SPLIT lists lines whose text drops one stray
# space (conversion artefact) by a split span.
# fmt: off
P = [
    ("convention", 5, "metadata", None, "", None, "", "",
     "Header line: the Convention's name. The space between 及其 and 家庭成员 is a conversion artefact, excluded "
     "by a split span. Prints 移徙工人, whereas the Committee's name below prints 移民工人: both kept as published."),
    ("meta1", 7, "metadata", None, "", None, "", "", "Distribution line."),
    ("meta2", 8, "metadata", None, "", None, "", "", "Date of the document (distribution): 2 March 2026."),
    ("meta3", 9, "metadata", None, "", None, "", "", "Language of this version."),
    ("meta4", 10, "metadata", None, "", None, "", "", "Original language: English."),
    ("committee", 12, "metadata", None, "", None, "", "",
     "Issuing body. The space between 及其 and 家庭成员 is a conversion artefact, excluded by a split span. "
     "移民工人 here, 移徙工人 in the Convention line: kept as published."),
    ("title", 14, "title", None, "", None, "", "",
     "Title of the report of which this document is an addendum; carries the footnote marker * (footnote "
     "fnstar; the Markdown escape \\* becomes *). The space between 结论性意见 and 后续行动 is a conversion "
     "artefact, excluded by a split span."),
    ("addendum", 16, "title", None, "", None, "", "", "增编 (Addendum)."),
    ("subtitle", 18, "title", None, "", None, "", "", "Title of this addendum: the evaluation on Azerbaijan."),
    ("t1", 20, "table_row", None, "结论性意见(第三十三届会议)", None, "", "",
     "Table row, label and value separated by a tab. The symbol was an HTML link (tags removed); the space "
     "before the comma after it is in the file (probably left by the link conversion) and is kept."),
    ("t2", 21, "table_row", None, "关于后续行动的段落", None, "", "",
     "Table row, label and value separated by a tab. Prints 第16、第36... without spaces."),
    ("t3", 22, "table_row", None, "从缔约国收到的资料", None, "", "",
     "Table row, label and value separated by a tab. The symbol was an HTML link (tags removed); the space "
     "before the comma after it is in the file and is kept."),
    ("t4", 23, "table_row", None, "从利益攸关方收到的资料", None, "", "",
     "Table row, label and value separated by a tab. The stakeholder: 马特和平、发展和人权基金会 (participant "
     "maat-for-peace)."),
    ("t5", 24, "table_row", None, "委员会的评价", None, "", "",
     "Table row, label and value separated by a tab: the grade summary line (per evaluated paragraph, the "
     "letters of its assessment blocks in reading order); the grades table reproduces it."),
    # ---- paragraph 16
    ("h16", 26, "heading", None, "", 1, "", "",
     "Theme heading of evaluated paragraph 16. Prints 第16段 without spaces (36, 60, 62 print 第 N 段) and an "
     "ASCII colon. " + LEVELS_NOTE),
    ("r16", 28, "paragraph", None, "", None, "h16", "",
     "Chapeau of paragraph 16 of CMW/C/AZE/CO/3, as reproduced here (recommendation cmw-c-aze-co-3.r16). "
     + ASCII_PUNCT),
    ("r16a", 30, "list_item", None, "(a)", 1, "r16", "", "Sub-paragraph 16(a). " + ASCII_PUNCT),
    ("r16b", 32, "list_item", None, "(b)", 1, "r16", "", "Sub-paragraph 16(b). " + ASCII_PUNCT),
    ("r16c", 34, "list_item", None, "(c)", 1, "r16", "",
     "Sub-paragraph 16(c). 移民者组织 (organisations of migrants) as printed. " + ASCII_PUNCT),
    ("fnstar", 36, "footnote", None, "*", None, "", "title",
     "Footnote * to the report's title (the adoption session); printed at the page break after 16(c), hence "
     "its place in the reading order. The Markdown escape \\* becomes *."),
    ("h16-reply", 40, "heading", None, "", 2, "h16", "", LEVELS_NOTE),
    ("p16-reply", 42, "paragraph", None, "", None, "h16-reply", "",
     "Pointer to the State party's reply (CMW/C/AZE/FCO/3, paragraphs 1 to 12). " + ASCII_PUNCT),
    ("h16-eval", 44, "heading", None, "", 2, "h16", "", LEVELS_NOTE),
    ("a16ab", 46, "heading", None, "[C]", 3, "h16-eval", "", "Assessment block: grade C for 16(a) and 16(b)."),
    ("e16ab", 48, "paragraph", None, "", None, "a16ab", "",
     "Assessment text; states 尚未得到执行. " + ASCII_PUNCT),
    ("a16c", 50, "heading", None, "[B]", 3, "h16-eval", "", "Assessment block: grade B for 16(c)."),
    ("e16c", 52, "paragraph", None, "", None, "a16c", "",
     "Assessment text; states 已得到部分执行. Calls the draft law 该法 although it is still a 草案: kept. "
     + ASCII_PUNCT),
    # ---- paragraph 36
    ("h36", 54, "heading", None, "", 1, "", "",
     "Theme heading of evaluated paragraph 36 (ASCII colon). " + LEVELS_NOTE),
    ("r36", 56, "paragraph", None, "", None, "h36", "",
     "Chapeau of paragraph 36 of CMW/C/AZE/CO/3; cites the Committee's general comment No. 5 (2021). "
     + ASCII_PUNCT),
    ("r36a", 58, "list_item", None, "(a)", 1, "r36", "", "Sub-paragraph 36(a). " + ASCII_PUNCT),
    ("r36b", 60, "list_item", None, "(b)", 1, "r36", "", "Sub-paragraph 36(b). " + ASCII_PUNCT),
    ("r36c", 62, "list_item", None, "(c)", 1, "r36", "",
     "Sub-paragraph 36(c): lead-in to items (一) to (四); ASCII colon (确保:) as in the file."),
    ("r36c1", 64, "list_item", None, "(一)", 2, "r36c", "", "Item 36(c)(一). " + ASCII_PUNCT),
    ("r36c2", 66, "list_item", None, "(二)", 2, "r36c", "", "Item 36(c)(二). " + ASCII_PUNCT),
    ("r36c3", 68, "list_item", None, "(三)", 2, "r36c", "", "Item 36(c)(三). " + ASCII_PUNCT),
    ("r36c4", 70, "list_item", None, "(四)", 2, "r36c", "",
     "Item 36(c)(四); its second sentence (委员会确认, ...) defines alternatives to detention and is part of "
     "the printed item. " + ASCII_PUNCT),
    ("r36d", 72, "list_item", None, "(d)", 1, "r36", "",
     "Sub-paragraph 36(d); ends with an ASCII semicolon, as printed."),
    ("r36e", 74, "list_item", None, "(e)", 1, "r36", "",
     "Sub-paragraph 36(e); full-width punctuation from here on (16 to 36(d) use ASCII commas)."),
    ("h36-reply", 76, "heading", None, "", 2, "h36", "", LEVELS_NOTE),
    ("p36-reply", 78, "paragraph", None, "", None, "h36-reply", "",
     "Pointer to the State party's reply (CMW/C/AZE/FCO/3, paragraphs 13 to 39). " + ASCII_PUNCT),
    ("h36-eval", 80, "heading", None, "", 2, "h36", "", LEVELS_NOTE),
    ("a36a", 82, "heading", None, "[C]", 3, "h36-eval", "", "Assessment block: grade C for 36(a)."),
    ("e36a", 84, "paragraph", None, "", None, "a36a", "", "Assessment text; states 尚未得到执行."),
    ("a36be", 86, "heading", None, "[C]", 3, "h36-eval", "",
     "Assessment block: grade C for the range 36(b)-(e), i.e. (b), (c), (d) and (e); its text runs over three "
     "paragraphs. The range is printed with an ASCII hyphen-minus."),
    ("e36be-1", 88, "paragraph", None, "", None, "a36be", "",
     "First paragraph of the 36(b)-(e) assessment; states no status. 并注意该国已成立 lacks 到 (compare "
     "注意到 earlier in the sentence): kept as published."),
    ("e36be-2", 90, "paragraph", None, "", None, "a36be", "",
     "Second paragraph of the 36(b)-(e) assessment: restates 36(b), then 委员会认为该建议尚未得到执行."),
    ("e36be-3", 92, "paragraph", None, "", None, "a36be", "",
     "Third paragraph of the 36(b)-(e) assessment: restates 36(e), then 委员会认为该建议已得到部分执行. Names "
     "阿塞拜疆国家移民局; the 60(a) assessment prints 国家移民机构, possibly the same body (not stated)."),
    # ---- paragraph 60
    ("h60", 94, "heading", None, "", 1, "", "",
     "Theme heading of evaluated paragraph 60 (full-width colon). " + LEVELS_NOTE),
    ("r60", 96, "paragraph", None, "", None, "h60", "",
     "Chapeau of paragraph 60 of CMW/C/AZE/CO/3; carries footnote marker ¹ (<sup>1</sup> in the file; "
     "footnote fn1: CMW/C/AZE/CO/2, paragraph 45), followed by a space as in the file. "
     "Cites OHCHR's 建议采用的人权与贩运人口问题原则和准则 and "
     "SDG target 5.2. Mixes a full-width comma and an ASCII comma with a space (目标 5.2, 建议): kept."),
    ("fn1", 98, "footnote", 1, "", None, "h60", "r60",
     "Footnote 1, to the chapeau of paragraph 60; printed right after it. The marker ¹ is <sup>1</sup> in "
     "the file."),
    ("r60a", 100, "list_item", None, "(a)", 1, "r60", "", "Sub-paragraph 60(a)."),
    ("r60b", 102, "list_item", None, "(b)", 1, "r60", "", "Sub-paragraph 60(b)."),
    ("r60c", 104, "list_item", None, "(c)", 1, "r60", "", "Sub-paragraph 60(c)."),
    ("r60d", 106, "list_item", None, "(d)", 1, "r60", "", "Sub-paragraph 60(d)."),
    ("h60-reply", 108, "heading", None, "", 2, "h60", "", LEVELS_NOTE),
    ("p60-reply", 110, "paragraph", None, "", None, "h60-reply", "",
     "Pointer to the State party's reply (CMW/C/AZE/FCO/3, paragraphs 40 to 56); full-width comma here, "
     "ASCII comma in the other three pointers: kept."),
    ("h60-eval", 112, "heading", None, "", 2, "h60", "", LEVELS_NOTE),
    ("a60a", 114, "heading", None, "[B]", 3, "h60-eval", "", "Assessment block: grade B for 60(a)."),
    ("e60a", 116, "paragraph", None, "", None, "a60a", "",
     "Assessment text; states 已得到部分执行. Names 国家移民机构; the 36(b)-(e) assessment prints "
     "阿塞拜疆国家移民局, possibly the same body (not stated)."),
    ("a60bc", 118, "heading", None, "[C]", 3, "h60-eval", "", "Assessment block: grade C for 60(b) and 60(c)."),
    ("e60bc", 120, "paragraph", None, "", None, "a60bc", "",
     "Assessment text; states 已得到部分执行 (under a C). 施害者 here where 60(b) prints 犯罪者: kept."),
    ("a60d", 122, "heading", None, "[F]", 3, "h60-eval", "", "Assessment block: grade F for 60(d)."),
    ("e60d", 124, "paragraph", None, "", None, "a60d", "", "Assessment text; states no implementation status."),
    # ---- paragraph 62
    ("h62", 126, "heading", None, "", 1, "", "",
     "Theme heading of evaluated paragraph 62 (full-width colon). " + LEVELS_NOTE),
    ("r62", 128, "paragraph", None, "", None, "h62", "",
     "Chapeau of paragraph 62 of CMW/C/AZE/CO/3; cites OHCHR's 国际边界人权问题建议原则和准则."),
    ("r62a", 130, "list_item", None, "(a)", 1, "r62", "",
     "Sub-paragraph 62(a); printed as a Markdown bullet (- ), removed."),
    ("r62b", 131, "list_item", None, "(b)", 1, "r62", "",
     "Sub-paragraph 62(b); printed as a Markdown bullet (- ), removed."),
    ("r62c", 132, "list_item", None, "(c)", 1, "r62", "",
     "Sub-paragraph 62(c); printed as a Markdown bullet (- ), removed. 下一期定期报告 here, 下次定期报告 in "
     "16(b) and 60(d): kept."),
    ("h62-reply", 134, "heading", None, "", 2, "h62", "", LEVELS_NOTE),
    ("p62-reply", 136, "paragraph", None, "", None, "h62-reply", "",
     "Pointer to the State party's reply (CMW/C/AZE/FCO/3, paragraphs 57 to 60). " + ASCII_PUNCT),
    ("h62-eval", 138, "heading", None, "", 2, "h62", "", LEVELS_NOTE),
    ("a62ab", 140, "heading", None, "[B]", 3, "h62-eval", "",
     "Assessment block: grade B for 62(a) and 62(b). The letter is bold in the file (**[B]:**), Markdown "
     "removed."),
    ("e62ab", 142, "paragraph", None, "", None, "a62ab", "",
     "Assessment text; states 已得到部分执行. 在这里 (here) stands for Azerbaijan, as printed."),
    ("a62c", 144, "heading", None, "[F]", 3, "h62-eval", "",
     "Assessment block: grade F for 62(c). The letter is bold in the file (**[F]:**), Markdown removed."),
    ("e62c", 146, "paragraph", None, "", None, "a62c", "", "Assessment text; states no implementation status."),
]
# fmt: on
SPLIT = {5: "及其 家庭成员", 12: "及其 家庭成员", 14: "结论性意见 后续行动"}


def line_unit(line_no: int) -> tuple[str, list[Span]]:
    """Text and spans of the unit printed on source line ``line_no`` (1-based)."""
    raw = LINES[line_no - 1]
    start = LINE_START[line_no - 1]
    body = _MARKUP_PREFIX.sub("", raw)
    text = normalise(body).strip()
    if line_no in SPLIT:
        left, right = SPLIT[line_no].split(" ")
        head, tail = text.split(SPLIT[line_no])
        pieces = [head + left, right + tail]
    else:
        pieces = [text]
    spans: list[Span] = []
    pos = start
    for piece in pieces:
        found = locate(NS, piece, pos)
        assert found is not None and found[0][0] < LINE_START[line_no], (line_no, piece)
        spans.extend(found)
        pos = found[-1][1]
    return "".join(pieces), spans


def pid(local: str) -> str:
    return f"{DOC}.{local}" if local else ""


def build_paragraphs() -> tuple[list[dict[str, str]], dict[str, dict[str, str]]]:
    units: dict[str, dict[str, str]] = {}
    rows: list[dict[str, str]] = []
    for seq, (local, line, kind, number, label, level, parent, fn_of, notes) in enumerate(P, start=1):
        text, spans = line_unit(line)
        units[local] = {"text": text, "kind": kind, "parent": parent, "spans": format_spans(spans)}
        rows.append(
            paragraph_row(DOC, seq, local, kind, number, label, level, parent, fn_of, text, format_spans(spans), notes)
        )
    for row, spec in zip(rows, P, strict=True):
        row["section"] = section_of(spec[0], units)
    return rows, units


# --------------------------------------------------------------------------------------------------------
# recommendations: (suffix, label, paragraph local, parent suffix, notes)
# fmt: off
THEMES = {"16": "全面的政策和战略", "36": "正当程序、拘留和在法庭上的平等", "60": "贩运人口",
          "62": "对待非正常移民工人的措施"}
R = [
    ("16", "16", "r16", "", "Chapeau of paragraph 16."),
    ("16a", "16(a)", "r16a", "16", ""),
    ("16b", "16(b)", "r16b", "16", ""),
    ("16c", "16(c)", "r16c", "16", ""),
    ("36", "36", "r36", "", "Chapeau of paragraph 36; made 根据其第 5 号一般性意见(2021 年) (document "
     "cmw-general-comment-5), which is a basis, not an earlier recommendation recalled."),
    ("36a", "36(a)", "r36a", "36", ""),
    ("36b", "36(b)", "r36b", "36", ""),
    ("36c", "36(c)", "r36c", "36", "Lead-in (确保:) of items 36(c)(一) to (四)."),
    ("36c1", "36(c)(一)", "r36c1", "36c", "Item of 36(c); the verb is the chapeau's 建议 with 36(c)'s 确保."),
    ("36c2", "36(c)(二)", "r36c2", "36c", "Item of 36(c); the verb is the chapeau's 建议 with 36(c)'s 确保."),
    ("36c3", "36(c)(三)", "r36c3", "36c", "Item of 36(c); the verb is the chapeau's 建议 with 36(c)'s 确保."),
    ("36c4", "36(c)(四)", "r36c4", "36c",
     "Item of 36(c); includes the Committee's statement (委员会确认, ...) defining alternatives to detention, "
     "printed as part of the item."),
    ("36d", "36(d)", "r36d", "36", ""),
    ("36e", "36(e)", "r36e", "36", ""),
    ("60", "60", "r60", "",
     "Chapeau of paragraph 60; recalls the Committee's earlier recommendation (footnote 1: CMW/C/AZE/CO/2, "
     "第 45 段). The footnote marker ¹ (and the space after it) is part of the printed text and kept. "
     "Also made 依据 OHCHR's principles and "
     "guidelines on trafficking and 根据 SDG target 5.2."),
    ("60a", "60(a)", "r60a", "60", ""),
    ("60b", "60(b)", "r60b", "60", ""),
    ("60c", "60(c)", "r60c", "60", ""),
    ("60d", "60(d)", "r60d", "60", ""),
    ("62", "62", "r62", "", "Chapeau of paragraph 62; made 根据 OHCHR's principles and guidelines on "
     "international borders."),
    ("62a", "62(a)", "r62a", "62", ""),
    ("62b", "62(b)", "r62b", "62", ""),
    ("62c", "62(c)", "r62c", "62", ""),
]
# fmt: on
SUB_NOTE = (
    "verb is the chapeau's 建议 (not repeated in the sub-paragraph). Text is the sub-paragraph without its "
    "printed label, which is in label."
)
RECALL_NOTE = (
    "The recall of CMW/C/AZE/CO/2 paragraph 45 is printed on the chapeau only (footnote 1); the text "
    "does not say which sub-paragraphs repeat that earlier recommendation, so recalls_* is left empty "
    "here (follow parent_id to the chapeau)."
)
_LABEL_PREFIX = re.compile(r"^\([a-z一二三四五六七八九十]+\) ")


def build_recommendations(units: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    rows = []
    for suffix, label, local, parent, notes in R:
        ptext = units[local]["text"]
        text = _LABEL_PREFIX.sub("", ptext)
        assert text == ptext or ptext.startswith("("), local
        start = int(units[local]["spans"].split("-")[0])
        spans = locate(NS, text, start)
        assert spans is not None
        para = label.split("(")[0]
        note_parts = [notes] if notes else []
        if parent:
            note_parts.append(SUB_NOTE)
        if para == "60" and parent:
            note_parts.append(RECALL_NOTE)
        rows.append(
            {
                "recommendation_id": f"{CO}.r{suffix}",
                "document_id": CO,
                "paragraph_id": pid(local),
                "label": label,
                "parent_id": f"{CO}.r{parent}" if parent else "",
                "theme": THEMES[para],
                "made_by_participant_id": "",
                "made_by": "委员会",
                "addressed_to": "缔约国",
                "addressed_to_kind": "state_party",
                "country_iso3": "AZE",
                "verb": "建议",
                "recalls_document_id": "cmw-c-aze-co-2" if suffix == "60" else "",
                "recalls_paragraph": "45" if suffix == "60" else "",
                "text": text,
                "spans": format_spans(spans),
                "notes": " ".join(note_parts),
            }
        )
    return rows


# --------------------------------------------------------------------------------------------------------
# grades: (recommendation suffix, letter, status as printed or "", heading local, text locals, notes)
NOT_YET = "尚未得到执行"
PARTLY = "已得到部分执行"
F_NOTE = (
    "The F block states no implementation status; the meaning of F is not defined in the sources (here it "
    "marks a sub-paragraph asking for information in the next periodic report)."
)
# fmt: off
G = [
    ("16a", "C", NOT_YET, "a16ab", ["e16ab"],
     "The block covers 16(a) and 16(b) and ends with one status sentence (委员会认为该建议尚未得到执行), "
     "recorded for both."),
    ("16b", "C", NOT_YET, "a16ab", ["e16ab"],
     "The block covers 16(a) and 16(b) and ends with one status sentence (委员会认为该建议尚未得到执行), "
     "recorded for both."),
    ("16c", "B", PARTLY, "a16c", ["e16c"], ""),
    ("36a", "C", NOT_YET, "a36a", ["e36a"], ""),
    ("36b", "C", NOT_YET, "a36be", ["e36be-1", "e36be-2", "e36be-3"],
     "The block 第 36 段(b)-(e)项 has two status sentences: 尚未得到执行 ends its second paragraph, right after "
     "the Committee restates recommendation (b) (立即停止...拘留); that status is recorded here."),
    ("36c", "C", "", "a36be", ["e36be-1", "e36be-2", "e36be-3"],
     "Covered by the printed range (b)-(e), but the text never discusses (c) and attaches no status sentence "
     "to it: status left empty (not derived from the letter). Graded at the sub-paragraph level the block names; "
     "its items 36(c)(一)-(四) get no grade rows of their own (the range names sub-paragraphs, not items)."),
    ("36d", "C", "", "a36be", ["e36be-1", "e36be-2", "e36be-3"],
     "Covered by the printed range (b)-(e), but the text never discusses (d) and attaches no status sentence "
     "to it: status left empty (not derived from the letter)."),
    ("36e", "C", PARTLY, "a36be", ["e36be-1", "e36be-2", "e36be-3"],
     "The block's third paragraph restates recommendation (e) (separating non-custodial accommodation from "
     "detention centres; the statute law on 'voluntary' placement in shelters) and ends 委员会认为该建议已得到部分"
     "执行; that status is recorded here. Letter and words disagree: C (not satisfactory) with 已得到部分执行 "
     "(partially implemented); both kept as printed."),
    ("60a", "B", PARTLY, "a60a", ["e60a"], ""),
    ("60b", "C", PARTLY, "a60bc", ["e60bc"],
     "One status sentence for the block (60(b) and 60(c)), recorded for both. Letter and words disagree: C (not "
     "satisfactory) with 已得到部分执行 (partially implemented); both kept as printed."),
    ("60c", "C", PARTLY, "a60bc", ["e60bc"],
     "One status sentence for the block (60(b) and 60(c)), recorded for both. Letter and words disagree: C (not "
     "satisfactory) with 已得到部分执行 (partially implemented); both kept as printed."),
    ("60d", "F", "", "a60d", ["e60d"], F_NOTE),
    ("62a", "B", PARTLY, "a62ab", ["e62ab"],
     "One status sentence for the block (62(a) and 62(b)), recorded for both."),
    ("62b", "B", PARTLY, "a62ab", ["e62ab"],
     "One status sentence for the block (62(a) and 62(b)), recorded for both."),
    ("62c", "F", "", "a62c", ["e62c"], F_NOTE),
]

# fmt: on


def build_grades(units: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    rows = []
    for suffix, letter, status, head, texts, notes in G:
        heading = units[head]["text"]
        prefix = f"[{letter}]: "
        assert heading.startswith(prefix), heading
        if status:  # the status is printed in the block's text, never derived from the letter
            assert any(f"委员会认为该建议{status}" in units[t]["text"] for t in texts), (suffix, status)
        rows.append(
            {
                "grade_id": f"{DOC}.g{suffix}",
                "recommendation_id": f"{CO}.r{suffix}",
                "document_id": DOC,
                "grade": letter,
                "implementation_status": status,
                "assessment_label": heading[len(prefix) :],
                "assessment_paragraph_id": pid(head),
                "text_paragraph_ids": ";".join(pid(t) for t in texts),
                "notes": notes,
            }
        )
    return rows


# --------------------------------------------------------------------------------------------------------
def build_participants(units: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    aze_units = [local for local, *_ in P if "阿塞拜疆" in units[local]["text"] or local == "t3"]
    aze = locate(NS, "阿塞拜疆", int(units["subtitle"]["spans"].split("-")[0]))
    maat = locate(NS, "马特和平、发展和人权基金会", int(units["t4"]["spans"].split("-")[0]))
    assert aze is not None and maat is not None
    return [
        {
            "participant_id": f"{DOC}.azerbaijan",
            "entity_id": "state-aze",
            "document_id": DOC,
            "name": "阿塞拜疆",
            "name_spans": format_spans(aze),
            "kind": "state",
            "role": "state_party",
            "title": "",
            "honorific": "",
            "affiliation": "",
            "country_iso3": "AZE",
            "session": "",
            "mode": "written",
            "date_submitted": "2024-01-17",
            "paragraph_ids": ";".join(pid(u) for u in aze_units),
            "notes": "The State party; its reply is CMW/C/AZE/FCO/3, dated 2024年1月17日 in the table row "
            "从缔约国收到的资料 (t3, which names it only as 缔约国). paragraph_ids: every unit printing "
            "阿塞拜疆, plus t3; the many units that say only 缔约国 are not listed.",
        },
        {
            "participant_id": f"{DOC}.maat-for-peace",
            "entity_id": "org-maat-for-peace",
            "document_id": DOC,
            "name": "马特和平、发展和人权基金会",
            "name_spans": format_spans(maat),
            "kind": "ngo",
            "role": "stakeholder",
            "title": "",
            "honorific": "",
            "affiliation": "",
            "country_iso3": "",
            "session": "",
            "mode": "written",
            "date_submitted": "2024-05-10",
            "paragraph_ids": pid("t4"),
            "notes": "Stakeholder that submitted information (2024年5月10日), named only in the table row "
            "从利益攸关方收到的资料. Same entity as Maat for Peace, Development and Human Rights "
            "(entity_id shared across documents). Its country is not printed here.",
        },
    ]


# --------------------------------------------------------------------------------------------------------
def build_documents() -> list[dict[str, str]]:
    sha = hashlib.sha256((ROOT / SOURCE_FILE).read_bytes()).hexdigest()
    blank = {
        k: ""
        for k in (
            "symbol",
            "title_en",
            "language",
            "original_language",
            "date_published",
            "session",
            "session_number",
            "session_start",
            "session_end",
            "agenda_items",
            "event_date",
            "country_iso3",
            "mandate_document_id",
            "source_file",
            "source_sha256",
            "notes",
        )
    }

    def doc(**kw: str) -> dict[str, str]:
        return {**blank, **kw}

    return [
        doc(
            document_id=DOC,
            title="对阿塞拜疆结论性意见后续行动资料的评价",
            body="CMW",
            document_type="follow_up_evaluation",
            language="zh",
            original_language="en",
            date_published="2026-03-02",
            session="第三十九届会议",
            session_number="39",
            session_start="2024-12-02",
            session_end="2024-12-13",
            country_iso3="AZE",
            has_text="true",
            source_file=SOURCE_FILE,
            source_sha256=sha,
            notes="Addendum (增编) to the Committee's 关于保护所有移民工人及其家庭成员权利委员会结论性意见后续行动的"
            "报告; title is the addendum's own title. Its own document symbol is not printed in this text "
            "and is left empty (not guessed). date_published is the printed date 2 March 2026 (Distr.: "
            "General); the session is the one at which it was adopted, from the * footnote: 委员会第三十九届"
            "会议(2024年12月2日至13日)通过. Evaluates paragraphs 16, 36, 60 and 62 of CMW/C/AZE/CO/3. "
            "National acts it mentions (the draft 《海外侨民及侨民组织法》, Cabinet decision No. 378, the law "
            "on suspending inspections) are not UN documents and have no rows; nor has the report it is "
            "an addendum to (no symbol printed). SDG target 5.2 (cited in paragraph 60's chapeau) is a target, "
            "not a document: no row.",
        ),
        doc(
            document_id=CO,
            symbol="CMW/C/AZE/CO/3",
            title="阿塞拜疆结论性意见",
            body="CMW",
            document_type="concluding_observations",
            date_published="2021-10-08",
            session="第三十三届会议",
            session_number="33",
            country_iso3="AZE",
            has_text="false",
            notes="No text here. Title as the follow-up evaluation prints it (对阿塞拜疆结论性意见后续行动资料的评价; "
            "table row 结论性意见(第三十三届会议)); its own title is not printed. Date and session as "
            "printed in that table row (CMW/C/AZE/CO/3, 2021年10月8日). Its paragraphs 16, 36, 60 and 62 "
            "are reproduced in the evaluation (recommendations cmw-c-aze-co-3.r*).",
        ),
        doc(
            document_id="cmw-c-aze-fco-3",
            symbol="CMW/C/AZE/FCO/3",
            title="缔约国的答复",
            body="State party",
            document_type="follow_up_reply",
            date_published="2024-01-17",
            country_iso3="AZE",
            has_text="false",
            notes="No text here. Azerbaijan's information on follow-up to CMW/C/AZE/CO/3. Title as the evaluation "
            "refers to it (缔约国的答复载于 CMW/C/AZE/FCO/3); date as printed beside the symbol in the row "
            "从缔约国收到的资料 (the date the information was received). Paragraphs cited: 1-12 (on 16), "
            "13-39 (36), 40-56 (60), 57-60 (62).",
        ),
        doc(
            document_id="cmw-c-aze-co-2",
            symbol="CMW/C/AZE/CO/2",
            title="CMW/C/AZE/CO/2",
            body="CMW",
            document_type="concluding_observations",
            country_iso3="AZE",
            has_text="false",
            notes="No text here. Cited in footnote 1 (CMW/C/AZE/CO/2, 第 45 段) as the Committee's earlier "
            "recommendation recalled in paragraph 60; the text prints only the symbol, so the title is "
            "the symbol. Type from the symbol's CO (concluding observations) series.",
        ),
        doc(
            document_id="cmw-general-comment-5",
            title="第 5 号一般性意见",
            body="CMW",
            document_type="general_comment",
            has_text="false",
            notes="No text here. Cited in the chapeau of paragraph 36 (委员会根据其第 5 号一般性意见(2021 年)): the "
            "Committee's general comment No. 5, year 2021 as printed (no full date, so date_published is "
            "empty). No symbol is printed.",
        ),
        doc(
            document_id="ohchr-principles-guidelines-trafficking",
            title="建议采用的人权与贩运人口问题原则和准则",
            body="OHCHR",
            document_type="guidelines",
            has_text="false",
            notes="No text here. Cited in the chapeau of paragraph 60 as 联合国人权事务高级专员办事处(人权高专办)"
            "《建议采用的人权与贩运人口问题原则和准则》 (OHCHR's Recommended Principles and Guidelines on "
            "Human Rights and Human Trafficking). No symbol or date is printed.",
        ),
        doc(
            document_id="ohchr-principles-guidelines-borders",
            title="国际边界人权问题建议原则和准则",
            body="OHCHR",
            document_type="guidelines",
            has_text="false",
            notes="No text here. Cited in the chapeau of paragraph 62 as 人权高专办的《国际边界人权问题建议原则和"
            "准则》 (OHCHR's Recommended Principles and Guidelines on Human Rights at International "
            "Borders). No symbol or date is printed.",
        ),
        doc(
            document_id="convention-migrant-workers",
            title="保护所有移徙工人及其家庭成员权利国际公约",
            body="GA",
            document_type="treaty",
            has_text="false",
            notes="No text here. The International Convention on the Protection of the Rights of All Migrant "
            "Workers and Members of Their Families: named in the header of the CMW evaluation (with a "
            "stray space removed) and cited there as 《公约》 (16(a); assessment of 16(a)-(b)). body GA: "
            "adopted by the General Assembly (resolution 45/158, not cited in the text). No symbol.",
        ),
    ]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "curation" / "cmw_aze"
    paragraphs, units = build_paragraphs()
    tables = {
        "documents": build_documents(),
        "paragraphs": paragraphs,
        "recommendations": build_recommendations(units),
        "grades": build_grades(units),
        "participants": build_participants(units),
    }
    for name, rows in tables.items():
        for row in rows:
            for text_col, spans_col in (("text", "spans"), ("name", "name_spans")):
                if spans_col in row:
                    spans = [tuple(map(int, s.split("-"))) for s in row[spans_col].split(";")]
                    assert text_from_spans(SOURCE, spans) == row[text_col], row
        write_rows(out / f"{name}.csv", rows)


if __name__ == "__main__":
    main()
