"""Check the curated rows of the CMW follow-up evaluation on Azerbaijan as they stand in data/.

    .venv/bin/python scripts/curation/cmw_aze/check_rows.py [DATA_DIR]

Checks, for document cmw-aze-follow-up-co3: every text reproduces from its spans; every non-blank source
character is covered by a paragraphs row or is a conversion artefact (or listed in
validation/coverage_exclusions.csv); seq runs 1..n; parent_id/footnote_of/paragraph references resolve; the
grade summary line equals the grades grouped by assessment block; every recommendation's parent exists and its
label extends the parent's; every recommendation's and name's spans lie inside its paragraph's spans.
Prints one line per problem and exits 1 when there is any.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src"))

from hrdocs.text.normalise import artefact_mask  # noqa: E402
from hrdocs.text.spans import parse_spans, text_from_spans  # noqa: E402

DOC = "cmw-aze-follow-up-co3"
CO = "cmw-c-aze-co-3"
SUMMARY_PREFIX = "委员会的评价:\t"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def inside(inner: str, outer: str) -> bool:
    outer_spans = parse_spans(outer)
    return all(any(a <= s and e <= b for a, b in outer_spans) for s, e in parse_spans(inner))


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data"
    problems: list[str] = []
    docs = {r["document_id"]: r for r in read(data / "documents.csv")}
    source_path = ROOT / docs[DOC]["source_file"]
    source = source_path.read_text(encoding="utf-8")
    paras = [r for r in read(data / "paragraphs.csv") if r["document_id"] == DOC]
    recs = [r for r in read(data / "recommendations.csv") if r["recommendation_id"].startswith(f"{CO}.r")]
    grades = [r for r in read(data / "grades.csv") if r["document_id"] == DOC]
    parts = [r for r in read(data / "participants.csv") if r["document_id"] == DOC]
    by_id = {r["paragraph_id"]: r for r in paras}

    # 1. text from spans
    for table, rows, key, text_col, spans_col in (
        ("paragraphs", paras, "paragraph_id", "text", "spans"),
        ("recommendations", recs, "recommendation_id", "text", "spans"),
        ("participants", parts, "participant_id", "name", "name_spans"),
    ):
        for r in rows:
            got = text_from_spans(source, parse_spans(r[spans_col]))
            if got != r[text_col]:
                problems.append(f"{table} {r[key]}: text does not reproduce from spans: {got!r}")

    # 2. coverage
    covered = artefact_mask(source)
    for r in paras:
        for s, e in parse_spans(r["spans"]):
            for i in range(s, e):
                covered[i] = 1
    excl = ROOT / "validation" / "coverage_exclusions.csv"
    if excl.exists():
        for r in read(excl):
            if r.get("document_id") == DOC:
                for s, e in parse_spans(r["spans"]):
                    for i in range(s, e):
                        covered[i] = 1
    gaps = [i for i, ch in enumerate(source) if not covered[i] and not ch.isspace()]
    if gaps:
        problems.append(
            f"coverage: {len(gaps)} non-blank characters uncovered, first at {gaps[0]}: "
            f"{source[gaps[0] : gaps[0] + 20]!r}"
        )

    # 3. seq and references
    seqs = sorted(int(r["seq"]) for r in paras)
    if seqs != list(range(1, len(paras) + 1)):
        problems.append(f"paragraphs: seq not contiguous 1..{len(paras)}")
    ordered = sorted(paras, key=lambda r: int(r["seq"]))
    last = -1
    for r in ordered:
        first = parse_spans(r["spans"])[0][0]
        if first < last:
            problems.append(f"paragraphs {r['paragraph_id']}: seq out of source order")
        last = first
        for col in ("parent_id", "footnote_of"):
            if r[col] and r[col] not in by_id:
                problems.append(f"paragraphs {r['paragraph_id']}: {col} {r[col]} not found")
    numbers = [int(r["number"]) for r in ordered if r["number"] and r["kind"] == "footnote"]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"paragraphs: footnote numbers {numbers} not 1..n")

    # 4. grade summary line == grades grouped by block
    summary = [r["text"] for r in paras if r["text"].startswith(SUMMARY_PREFIX)]
    if len(summary) != 1:
        problems.append(f"paragraphs: {len(summary)} grade summary lines")
    else:
        printed: OrderedDict[str, list[str]] = OrderedDict()
        for part in re.split(r"、|和", summary[0][len(SUMMARY_PREFIX) :]):
            number, *letters = part.split()
            printed[number] = [letter.strip("[]") for letter in letters]
        blocks: OrderedDict[str, tuple[str, str]] = OrderedDict()
        for g in sorted(grades, key=lambda g: int(by_id[g["assessment_paragraph_id"]]["seq"])):
            number = re.match(r"第 ?([0-9]+) ?段", g["assessment_label"])
            blocks.setdefault(g["assessment_paragraph_id"], (number.group(1) if number else "?", g["grade"]))
            if blocks[g["assessment_paragraph_id"]][1] != g["grade"]:
                problems.append(f"grades {g['grade_id']}: letter differs within its block")
        derived: OrderedDict[str, list[str]] = OrderedDict()
        for number, letter in blocks.values():
            derived.setdefault(number, []).append(letter)
        if derived != printed:
            problems.append(f"grades: summary line {dict(printed)} != grades by block {dict(derived)}")

    # 5. grades reference what exists
    rec_ids = {r["recommendation_id"]: r for r in recs}
    for g in grades:
        if g["recommendation_id"] not in rec_ids:
            problems.append(f"grades {g['grade_id']}: recommendation {g['recommendation_id']} not found")
        head = by_id.get(g["assessment_paragraph_id"])
        if head is None or head["kind"] != "heading" or head["label"] != f"[{g['grade']}]":
            problems.append(f"grades {g['grade_id']}: assessment heading missing or letter differs")
        elif head["text"] != f"[{g['grade']}]: {g['assessment_label']}":
            problems.append(f"grades {g['grade_id']}: assessment_label differs from the heading")
        texts = g["text_paragraph_ids"].split(";")
        if any(t not in by_id or by_id[t]["parent_id"] != g["assessment_paragraph_id"] for t in texts):
            problems.append(f"grades {g['grade_id']}: text_paragraph_ids not the block's paragraphs")
        if g["implementation_status"] and not any(
            g["implementation_status"] in by_id[t]["text"] for t in texts if t in by_id
        ):
            problems.append(f"grades {g['grade_id']}: status not printed in the block's text")

    # 6. recommendations: parent, label, paragraph
    for r in recs:
        if r["parent_id"]:
            parent = rec_ids.get(r["parent_id"])
            if parent is None:
                problems.append(f"recommendations {r['recommendation_id']}: parent not found")
            elif not (
                r["label"].startswith(parent["label"] + "(") and r["label"].count("(") == parent["label"].count("(") + 1
            ):
                problems.append(f"recommendations {r['recommendation_id']}: label does not extend parent's")
        elif "(" in r["label"]:
            problems.append(f"recommendations {r['recommendation_id']}: sub-paragraph without parent")
        para = by_id.get(r["paragraph_id"])
        if para is None or not inside(r["spans"], para["spans"]):
            problems.append(f"recommendations {r['recommendation_id']}: spans not inside its paragraph")
        for col in ("recalls_document_id",):
            if r[col] and r[col] not in docs:
                problems.append(f"recommendations {r['recommendation_id']}: {col} {r[col]} not in documents")
        if r["document_id"] not in docs:
            problems.append(f"recommendations {r['recommendation_id']}: document not in documents")

    # 7. participants
    for p in parts:
        ids = p["paragraph_ids"].split(";")
        if any(i not in by_id for i in ids):
            problems.append(f"participants {p['participant_id']}: paragraph_ids not found")
        elif not inside(p["name_spans"], by_id[ids[0]]["spans"]):
            problems.append(f"participants {p['participant_id']}: name_spans not in its first paragraph")
        seq = [int(by_id[i]["seq"]) for i in ids if i in by_id]
        if seq != sorted(seq):
            problems.append(f"participants {p['participant_id']}: paragraph_ids not in reading order")

    for line in problems:
        print(line)
    print(
        f"{DOC}: {len(paras)} paragraphs, {len(recs)} recommendations, {len(grades)} grades, "
        f"{len(parts)} participants; {len(problems)} problem(s)",
        file=sys.stderr,
    )
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
