"""Build the documents and paragraphs rows of A/HRC/50/52 (source 000) from hand-written unit descriptions.

    .venv/bin/python scripts/curation/a_hrc_50_52_text/build_rows.py [OUT_DIR]

Every unit of text is described by hand below, in reading order: which source lines it is printed on (a
paragraph split by a page break or by a footnote printed inside it has several line ranges), its kind,
printed number or label, level, the heading it sits under, the unit carrying its footnote marker, and the
curator's notes (typos of the source, artefacts, oddities). Only the text is taken from the source, by those
line ranges under the documented normalisation, so every text reproduces from its spans. The documents rows
(this document and every document it cites) are written out by hand too.

Writes OUT_DIR/documents.csv and OUT_DIR/paragraphs.csv (default build/curation/a-hrc-50-52-text/), to be
merged into data/ with scripts/curation/sync_rows.py (see sync.sh beside this file).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from table_rows import ROOT, paragraph_row, section_of, write_rows

from hrdocs.metadata import load_package
from hrdocs.metadata.model import Table
from hrdocs.text.normalise import SUPERSCRIPT_DIGITS
from hrdocs.text.spans import Span, format_spans, text_from_spans

SOURCE_FILE = "data/sources/000_b1aeb741e10eeb44.txt"
DOC = "a-hrc-50-52"
SOURCE = (ROOT / SOURCE_FILE).read_text(encoding="utf-8")
LINES = SOURCE.split("\n")
LINE_START = [0]
for _line in LINES:
    LINE_START.append(LINE_START[-1] + len(_line) + 1)

PAGE_BREAK = (
    "Split by a page break (source lines {}); the line break is a conversion artefact removed by the normalisation."
)
FOOTNOTE_INSIDE = (
    "Footnote {fn} is printed inside this paragraph (source lines {lines}, at a page break) and is its own row: "
    "this paragraph's spans skip it."
)

# --------------------------------------------------------------------------------------------------------
# (local id, line ranges (first, last) 1-based inclusive, kind, number, label, level, parent, footnote_of, notes)
# fmt: off
P: list[tuple[str, list[tuple[int, int]], str, int | None, str, int | None, str, str, str]] = [
    ("body", [(5, 5)], "metadata", None, "", None, "", "", "Issuing body line: 人权理事会 (Human Rights Council)."),
    ("session", [(7, 7)], "metadata", None, "", None, "", "", "Session line: the fiftieth session."),
    ("session-dates", [(9, 9)], "metadata", None, "", None, "", "", "Dates of the session: 13 June to 8 July 2022."),
    ("agenda", [(11, 11)], "metadata", None, "", None, "", "", "Agenda items 2 and 3."),
    ("agenda-2", [(13, 14)], "metadata", None, "", None, "", "",
     "Title of agenda item 2, printed on two lines (the line break is removed by the normalisation)."),
    ("agenda-3", [(16, 17)], "metadata", None, "", None, "", "",
     "Title of agenda item 3, printed on two lines (the line break is removed by the normalisation)."),
    ("title", [(19, 19)], "title", None, "", None, "", "",
     "Title of the report. The Chinese text prints no document symbol and no date; the symbol A/HRC/50/52 is "
     "from the UN's listing (see documents.notes)."),
    ("report-of", [(21, 21)], "title", None, "", None, "", "",
     "Subtitle: a report of OHCHR. Carries the footnote marker * (footnote fnstar)."),
    ("summary-heading", [(23, 23)], "heading", None, "", 1, "", "", "Heading of the summary box (内容提要)."),
    ("summary", [(25, 25)], "summary", None, "", None, "summary-heading", "",
     "The summary box: mandate (resolution 47/12 of 26 July 2021) and the date of the panel (21 February 2022). "
     "Prints 2021年7月26日 and 2022年2月21日 without the spaces the numbered paragraphs put around numbers."),
    ("fnstar", [(27, 27)], "footnote", None, "*", None, "", "report-of",
     "Footnote * to the subtitle: the report was submitted late, by agreement, for reasons beyond the "
     "submitter's control. Printed after the summary box."),
    # ---- 一. 背景
    ("h1", [(31, 31)], "heading", None, "一", 1, "", "", "Chapter 一 (Background)."),
    ("p1", [(33, 33)], "paragraph", 1, "", None, "h1", "",
     "Cites resolutions 35/17, 47/12 and 32/14 and the High Commissioner's 2017 report (footnote 1: A/HRC/34/31). "
     "Source wording kept: 该倡议这项举措 (two synonymous subjects in a row, 'this initiative this measure')."),
    ("p2", [(35, 35)], "paragraph", 2, "", None, "h1", "",
     "Carries footnote markers ² (the Global Compact, GA resolution 73/195) and ³ (the Secretary-General's "
     "report A/76/642). Cites the UN Network on Migration's guidance note on regular pathways."),
    ("p3", [(37, 37)], "paragraph", 3, "", None, "h1", "",
     "Restates the mandate of resolution 47/12 and the purposes of the panel; mentions the International "
     "Migration Review Forum and its progress declaration (进展宣言), which is not a document cited by symbol or "
     "title: no documents row."),
    ("p4", [(39, 39)], "paragraph", 4, "", None, "h1", "",
     "The request of resolution 47/12 for this summary report (to the Council's 50th session and the General "
     "Assembly's 77th session)."),
    ("fn1", [(41, 41)], "footnote", 1, "", None, "h1", "p1",
     "Footnote 1 (to paragraph 1): A/HRC/34/31 and a conference room paper; the address was a Markdown "
     "autolink (<...>, brackets removed)."),
    ("fn2", [(43, 43)], "footnote", 2, "", None, "h1", "p2",
     "Footnote 2 (to paragraph 2): the Global Compact is the annex of General Assembly resolution 73/195."),
    ("fn3", [(45, 45)], "footnote", 3, "", None, "h1", "p2", "Footnote 3 (to paragraph 2): A/76/642."),
    # ---- 二. 开幕发言
    ("h2", [(47, 47)], "heading", None, "二", 1, "", "", "Chapter 二 (Opening statements)."),
    ("p5", [(49, 49)], "paragraph", 5, "", None, "h2", "",
     "Opening statement of the High Commissioner, Michelle Bachelet (米歇尔·巴切莱特). Source typo kept: "
     "移民在过过程中 (过 doubled; 境 of 过境过程 missing)."),
    ("p6", [(51, 51)], "paragraph", 6, "", None, "h2", "", "The High Commissioner's statement, continued."),
    ("p7", [(53, 53)], "paragraph", 7, "", None, "h2", "",
     "The High Commissioner's recommendations to the Council (annual panel on migrants' human rights)."),
    ("p8", [(55, 55)], "paragraph", 8, "", None, "h2", "",
     "Opening statement of Martha Delgado Peralta, Deputy Minister of Foreign Affairs of Mexico. Source wording "
     "kept: 这些移民他们更容易 (redundant 他们)."),
    ("p9", [(57, 57)], "paragraph", 9, "", None, "h2", "", "Delgado Peralta's statement, continued (Mexico)."),
    ("p10", [(59, 59)], "paragraph", 10, "", None, "h2", "",
     "Delgado Peralta's statement, continued. Source misprint kept: the name is printed 'Delgado per alta' "
     "(for Delgado Peralta)."),
    # ---- 三. 移民在过境过程中、边境和目的地遇到的脆弱情况
    ("h3", [(61, 61)], "heading", None, "三", 1, "", "",
     "Chapter 三: vulnerabilities in transit, at borders and at destination (first panel session)."),
    ("h3a", [(63, 63)], "heading", None, "A", 2, "h3", "", "Section A: the panellists' statements (first session)."),
    ("p11", [(65, 65)], "paragraph", 11, "", None, "h3a", "",
     "Moderator of the first session: Evan P. Garcia, Permanent Representative of the Philippines in Geneva."),
    ("p12", [(67, 67)], "paragraph", 12, "", None, "h3a", "",
     "Panellist: Felipe González Morales, Special Rapporteur on the human rights of migrants."),
    ("p13", [(69, 71)], "paragraph", 13, "", None, "h3a", "",
     "Panellist: Petra Molnar, Associate Director of the Refugee Law Lab, York University. "
     + PAGE_BREAK.format("69-71")
     + " Source wording kept: 检测检测 (doubled; what was meant is unclear), 在美利坚合众国墨西哥边境 (与 missing "
     "between the two States) and 自动化和人工智能监视塔和人工智能监视技术 (repetitive)."),
    ("p14", [(73, 73)], "paragraph", 14, "", None, "h3a", "",
     "Panellist: Jerald Joseph, Commissioner and Vice-Chair of the Human Rights Commission of Malaysia. The name "
     "was in Markdown emphasis (** removed)."),
    ("p15", [(75, 75)], "paragraph", 15, "", None, "h3a", "",
     "Panellist: Michele LeVoy, Director of the Platform for International Cooperation on Undocumented Migrants "
     "(PICUM). The name was in Markdown emphasis (** removed, four times)."),
    ("h3b", [(77, 77)], "heading", None, "B", 2, "h3", "", "Section B: plenary discussion (first session)."),
    ("p16", [(79, 79)], "paragraph", 16, "", None, "h3b", "",
     "The list of States and organisations that spoke in the first session, then those that sent written "
     "statements. Red Jesuita con Migrantes: America Latina y el Caribe was in Markdown emphasis (** removed); "
     "'America' printed without accent."),
    ("p17", [(81, 81)], "paragraph", 17, "", None, "h3b", "", ""),
    ("p18", [(83, 83)], "paragraph", 18, "", None, "h3b", "",
     "Carries footnote marker ⁴ (the Principles and Guidelines; footnote printed inside paragraph 21)."),
    ("p19", [(85, 85)], "paragraph", 19, "", None, "h3b", "", ""),
    ("p20", [(87, 87)], "paragraph", 20, "", None, "h3b", "",
     "Source wording kept: 在无人道条件下 (unusual for 不人道条件下; uncertain whether an error)."),
    ("p21", [(89, 89), (95, 95)], "paragraph", 21, "", None, "h3b", "",
     FOOTNOTE_INSIDE.format(fn=4, lines="91-93")
     + " Source wording kept: 因为这不自由、事先和知情同意的原则 (a verb such as 违反 is missing)."),
    ("fn4", [(91, 93)], "footnote", 4, "", None, "h3b", "p18",
     "Footnote 4 (marker in paragraph 18), printed at the page break inside paragraph 21. The address is on "
     "its own line as a Markdown autolink (<...> removed; the line break between 可查阅 and the address is "
     "removed by the normalisation)."),
    ("p22", [(97, 97)], "paragraph", 22, "", None, "h3b", "", ""),
    ("p23", [(99, 99)], "paragraph", 23, "", None, "h3b", "", ""),
    ("p24", [(101, 101)], "paragraph", 24, "", None, "h3b", "", ""),
    ("p25", [(103, 103)], "paragraph", 25, "", None, "h3b", "",
     "Source wording kept: 安全 and 人权 (the English word 'and' inside the Chinese text, for 和)."),
    ("p26", [(105, 105)], "paragraph", 26, "", None, "h3b", "", ""),
    ("p27", [(107, 107)], "paragraph", 27, "", None, "h3b", "", ""),
    ("p28", [(109, 111)], "paragraph", 28, "", None, "h3b", "", PAGE_BREAK.format("109-111") + " (inside 强迫遣返)."),
    ("p29", [(113, 113)], "paragraph", 29, "", None, "h3b", "",
     "Promising practices named by State delegations. Source typo kept: 侵犯移民人权的行。 (为 of 行为 missing)."),
    ("p30", [(115, 115)], "paragraph", 30, "", None, "h3b", "",
     "The panellists' closing remarks for the first session (González Morales, Molnar, Joseph, LeVoy, Garcia). "
     "Calls it 第一次会议 where the rest of the text says 第一场会议. Source wording kept: 在疫情实施的紧急身份正常化"
     "进程 (期间 missing after 疫情)."),
    # ---- 四. 移徙原因造成的脆弱情况
    ("h4", [(117, 117)], "heading", None, "四", 1, "", "",
     "Chapter 四: vulnerabilities arising from the drivers of migration (second panel session)."),
    ("h4a", [(119, 119)], "heading", None, "A", 2, "h4", "", "Section A: the panellists' statements (second session)."),
    ("p31", [(121, 123)], "paragraph", 31, "", None, "h4a", "",
     "Moderator of the second session: Omar Zniber, Permanent Representative of Morocco in Geneva. "
     + PAGE_BREAK.format("121-123")),
    ("p32", [(125, 125)], "paragraph", 32, "", None, "h4a", "",
     "Panellist: Walter Kaelin, Envoy of the Chair of the Platform on Disaster Displacement (name printed "
     "Kaelin; in Markdown emphasis, ** removed)."),
    ("p33", [(127, 127)], "paragraph", 33, "", None, "h4a", "",
     "Panellist: Anita Ghimire, Director of the Nepal Institute for Social and Environmental Research (name in "
     "Markdown emphasis, ** removed). 儿童早婚或竭力避免吸毒成瘾 reads oddly (perhaps a mistranslation); kept."),
    ("p34", [(129, 131)], "paragraph", 34, "", None, "h4a", "",
     "Panellist: Juliana Macedo do Nascimento, Senior Advocacy Manager of United We Dream (我们梦想联盟). "
     + PAGE_BREAK.format("129-131") + " (inside 暴力侵害)."),
    ("p35", [(133, 133)], "paragraph", 35, "", None, "h4a", "",
     "Panellist: Pablo Ceriani, member of the Committee on Migrant Workers. Source wording kept: 各国不应与家人"
     "一起移徙或在国外与家人团聚的能力实施 (a preposition such as 对 is missing before 与家人) and "
     "非正常和家庭分离 (a noun such as 状态 is missing after 非正常)."),
    ("h4b", [(135, 135)], "heading", None, "B", 2, "h4", "", "Section B: plenary discussion (second session)."),
    ("p36", [(137, 137)], "paragraph", 36, "", None, "h4b", "",
     "The list of States and organisations that spoke in the second session, then the two that sent written "
     "statements. Names Justice Centre Hong Kong 香港正义中心 (香港司法中心 in paragraph 16) and Maat for Peace "
     "玛特和平、发展与人权 (玛特促进和平、发展和人权组织 in paragraph 16): kept as printed."),
    ("p37", [(139, 141)], "paragraph", 37, "", None, "h4b", "", PAGE_BREAK.format("139-141") + "."),
    ("p38", [(143, 143)], "paragraph", 38, "", None, "h4b", "", ""),
    ("p39", [(145, 145)], "paragraph", 39, "", None, "h4b", "", ""),
    ("p40", [(147, 147)], "paragraph", 40, "", None, "h4b", "",
     "Promising practices named by State delegations. Source typo kept: 所开展的的工作 (的 doubled)."),
    ("p41", [(149, 151)], "paragraph", 41, "", None, "h4b", "",
     "Promising practices during the pandemic named by State delegations. " + PAGE_BREAK.format("149-151") + "."),
    ("p42", [(153, 153)], "paragraph", 42, "", None, "h4b", "",
     "Source wording kept: 全球三级(人权理事会) (the parenthesis probably stands for 'including at the Human Rights "
     "Council'; unclear)."),
    ("p43", [(155, 155)], "paragraph", 43, "", None, "h4b", "",
     "Suggestions on how the Council could take the issue further. Source wording kept: 获取利用 (two verbs in a "
     "row)."),
    ("p44", [(157, 157)], "paragraph", 44, "", None, "h4b", "",
     "The panellists' closing remarks for the second session (Kaelin, Ghimire, Macedo do Nascimento, Ceriani, "
     "Zniber). Prints 闭会发言 (闭幕发言 in paragraph 30)."),
    # ---- 五. 结语
    ("h5", [(159, 159)], "heading", None, "五", 1, "", "", "Chapter 五 (Concluding remarks)."),
    ("p45", [(161, 161)], "paragraph", 45, "", None, "h5", "",
     "Closing remarks of Camila Barretto Maia, International Team Coordinator of the Centre for Legal and Social "
     "Studies (法律和社会研究中心)."),
    ("p46", [(163, 165)], "paragraph", 46, "", None, "h5", "",
     "Closing remarks of Marc Bichler, Permanent Representative of Luxembourg in Geneva. "
     + PAGE_BREAK.format("163-165") + " (inside 《进展情况说明》). Carries footnote marker ⁵ (footnote 5, printed "
     "at the end of the file). Source wording kept: 包括在利用该国的社会保障系统获得国际保护 (garbled; probably "
     "access of beneficiaries of international protection to the social security system, unconfirmed)."),
    ("p47", [(167, 167)], "paragraph", 47, "", None, "h5", "", "Bichler's closing remarks, continued."),
    ("p48", [(169, 169)], "paragraph", 48, "", None, "h5", "",
     "Bichler's closing remarks, concluded. Prints 驱回 (refoulement) for the first session's concern, where that "
     "session's summary mostly speaks of 推回 (pushbacks): kept as printed."),
    ("fn5", [(171, 171)], "footnote", 5, "", None, "h5", "p46",
     "Footnote 5 (to paragraph 46): General Assembly resolution 73/326. Printed at the end of the file."),
]
# fmt: on


def line_spans(ranges: list[tuple[int, int]]) -> list[Span]:
    """One span per line range: from the first non-blank character of the first line to the end of the last
    line's text (trailing blanks excluded)."""
    spans: list[Span] = []
    for first, last in ranges:
        first_line = LINES[first - 1]
        start = LINE_START[first - 1] + len(first_line) - len(first_line.lstrip())
        end = LINE_START[last - 1] + len(LINES[last - 1].rstrip())
        assert LINES[first - 1].strip() and LINES[last - 1].strip(), (first, last)
        spans.append((start, end))
    return spans


def build_paragraphs() -> list[dict[str, str]]:
    units: dict[str, dict[str, str]] = {}
    rows: list[dict[str, str]] = []
    for seq, (local, ranges, kind, number, label, level, parent, fn_of, notes) in enumerate(P, start=1):
        spans = line_spans(ranges)
        text = text_from_spans(SOURCE, spans)
        if number is not None and kind == "paragraph":
            assert text.startswith(f"{number}. "), (local, text[:10])
        if kind == "footnote":
            assert text.startswith((label or str(number)).translate(SUPERSCRIPT_DIGITS) + " "), (local, text[:10])
        if label and kind == "heading":
            assert text.startswith(f"{label}. "), (local, text[:10])
        assert parent == "" or parent in units, (local, parent)
        units[local] = {"text": text, "kind": kind, "parent": parent}
        rows.append(
            paragraph_row(DOC, seq, local, kind, number, label, level, parent, fn_of, text, format_spans(spans), notes)
        )
    for row, spec in zip(rows, P, strict=True):
        row["section"] = section_of(spec[0], units)
    return rows


# --------------------------------------------------------------------------------------------------------
# documents: this one and every document its text cites (no text here).
RES_47_12 = "hrc-res-47-12"


def build_documents() -> list[dict[str, str]]:
    sha = hashlib.sha256((ROOT / SOURCE_FILE).read_bytes()).hexdigest()
    columns = [f.name for f in _table("documents").fields]

    def row(**values: str) -> dict[str, str]:
        out = dict.fromkeys(columns, "")
        out.update(values)
        assert set(out) == set(columns), sorted(set(out) ^ set(columns))
        return out

    return [
        row(
            document_id=DOC,
            symbol="A/HRC/50/52",
            title="处境脆弱移民的人权问题闭会期间小组讨论会纪要",
            title_en="Summary of the intersessional panel discussion on the human rights of migrants in vulnerable "
            "situations",
            body="OHCHR",
            document_type="panel_summary",
            language="zh",
            session="第五十届会议",
            session_number="50",
            session_start="2022-06-13",
            session_end="2022-07-08",
            agenda_items="2,3",
            event_date="2022-02-21",
            mandate_document_id=RES_47_12,
            has_text="true",
            source_file=SOURCE_FILE,
            source_sha256=sha,
            notes="Report of OHCHR (联合国人权事务高级专员办事处的报告) to the Human Rights Council, 50th session "
            "(2022年6月13日至7月8日), agenda items 2 and 3. The Chinese text as received prints neither its symbol nor "
            "a date: the symbol A/HRC/50/52 and the English title are from the UN's own listing of the document; "
            "public listings date it 27 May 2022, which is not recorded in date_published because the text does not "
            "print it. The original language is not printed (left empty). event_date is the date of the panel, "
            "stated in the summary box and paragraph 3 (2022年2月21日). Mandated by resolution 47/12 (summary, "
            "paragraphs 3 and 4).",
        ),
        row(
            document_id=RES_47_12,
            title="人权理事会2021年7月26日第47/12号决议",
            body="HRC",
            document_type="resolution",
            date_published="2021-07-26",
            has_text="false",
            notes="No text here. Cited in A/HRC/50/52's summary box as 人权理事会2021年7月26日第47/12号决议 (title as "
            "printed there; its own title is not printed) and in paragraphs 1, 3, 4 and 8 (第 47/12 号决议): it "
            "mandated the panel and the summary report. The date is the one printed beside it. Its symbol "
            "(presumably A/HRC/RES/47/12) is not printed, so symbol is empty.",
        ),
        row(
            document_id="hrc-res-35-17",
            title="人权理事会第 35/17 号决议",
            body="HRC",
            document_type="resolution",
            has_text="false",
            notes="No text here. Cited twice in paragraph 1 of A/HRC/50/52 (第 35/17 号决议): concern about migrants' "
            "vulnerable situations, and the request to OHCHR for principles and practical guidance. Only the number "
            "is printed: title is the citation as printed, no symbol or date.",
        ),
        row(
            document_id="hrc-res-32-14",
            title="人权理事会第 32/14 号决议",
            body="HRC",
            document_type="resolution",
            has_text="false",
            notes="No text here. Cited in paragraph 1 of A/HRC/50/52 (人权理事会第 32/14 号决议), with 35/17, "
            "as asking OHCHR for principles and practical guidance. Only the number is printed: no symbol or date.",
        ),
        row(
            document_id="a-hrc-34-31",
            symbol="A/HRC/34/31",
            title="A/HRC/34/31",
            body="OHCHR",
            document_type="report",
            session="第三十四届会议",
            session_number="34",
            has_text="false",
            notes="No text here. Cited in footnote 1 of A/HRC/50/52: the High Commissioner's report to the Council's "
            "34th session (2017), containing the principles and practical guidance on the protection of the human "
            "rights of migrants in vulnerable situations (paragraph 1). Only the symbol is printed, so the title is "
            "the symbol; body OHCHR because paragraph 1 says the High Commissioner submitted it. Footnote 1 also "
            "points at an accompanying conference room paper (no symbol printed; no row).",
        ),
        row(
            document_id="global-compact-migration",
            title="安全、有序和正常移民全球契约",
            body="GA",
            document_type="treaty",
            has_text="false",
            notes="No text here. The Global Compact for Safe, Orderly and Regular Migration, named in paragraph 2 of "
            "A/HRC/50/52 (《安全、有序和正常移民全球契约》, later 《全球契约》) and cited in footnote 2 as 大会第 "
            "73/195 号决议，附件 (annex to General Assembly resolution 73/195). Not a treaty: document_type 'treaty' "
            "is the category for treaties and compacts. The resolution's symbol is not printed.",
        ),
        row(
            document_id="a-76-642",
            symbol="A/76/642",
            title="A/76/642",
            body="SG",
            document_type="report",
            has_text="false",
            notes="No text here. Cited in footnote 3 of A/HRC/50/52: the Secretary-General's report on the Global "
            "Compact (paragraph 2: 秘书长在关于《全球契约》的报告). Only the symbol is printed, so the title is the "
            "symbol.",
        ),
        row(
            document_id="ohchr-principles-guidelines-migrants-vulnerable",
            title="处境脆弱移民人权保护原则和准则",
            body="OHCHR",
            document_type="guidelines",
            has_text="false",
            notes="No text here. Named in paragraph 18 of A/HRC/50/52 as 《处境脆弱移民人权保护原则和准则》(辅以实用"
            "指南), with footnote 4 giving its address on ohchr.org (https://www.ohchr.org/sites/default/files/"
            "Documents/Issues/Migration/PrinciplesAndGuidelines.pdf). Paragraph 1 says OHCHR was asked to develop "
            "them and the High Commissioner presented them in the report of footnote 1 (A/HRC/34/31): body OHCHR. "
            "No symbol or date is printed.",
        ),
        row(
            document_id="un-network-migration-guidance-regular-pathways",
            title="关于处境脆弱移民入境和居留正常途径的指导说明",
            body="UN Network on Migration",
            document_type="guidelines",
            has_text="false",
            notes="No text here. Paragraph 2 of A/HRC/50/52: 联合国移民问题网络发布了一份关于处境脆弱移民入境和居留正常"
            "途径的指导说明 (the UN Network on Migration's guidance note on regular pathways for admission and stay "
            "for migrants in situations of vulnerability). Title as described there (no title in quotation marks, no "
            "symbol or date printed).",
        ),
        row(
            document_id="ga-res-73-326",
            title="大会第 73/326 号决议",
            body="GA",
            document_type="resolution",
            has_text="false",
            notes="No text here. Cited in footnote 5 of A/HRC/50/52 (大会第 73/326 号决议), whose marker follows "
            "《进展情况说明》 in paragraph 46 (Luxembourg as co-facilitator of the 进展情况说明 on the implementation "
            "of the Global Compact). Only the number is printed: title is the citation as printed, no symbol or date. "
            "What the resolution is about is not printed.",
        ),
    ]


def _table(name: str) -> Table:
    return next(t for t in load_package(ROOT).tables if t.name == name)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "curation" / "a-hrc-50-52-text"
    write_rows(out / "documents.csv", build_documents())
    write_rows(out / "paragraphs.csv", build_paragraphs())


if __name__ == "__main__":
    main()
