"""Check the built participants and recommendations rows of A/HRC/50/52 against the source.

    .venv/bin/python scripts/curation/a_hrc_50_52_people/check.py [DIR]

DIR holds participants.csv and recommendations.csv (default build/curation/a-hrc-50-52/; pass data/ to check
the merged tables, whose other documents' rows are skipped). Prints every problem and exits 1 when there is one;
prints the recommending verbs no row covers, for the curator to review.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from source import DOCUMENT_ID, ROOT, inside, normalised, paragraph_extents

from hrdocs.text.spans import parse_spans, text_from_spans

#: Other forms under which a participant is named in a paragraph (the row's name is always one).
ALIASES: dict[str, tuple[str, ...]] = {
    "person-michelle-bachelet": ("高级专员",),
    "person-martha-delgado-peralta": ("Delgado",),
    "person-evan-p-garcia": ("Garcia",),
    "person-felipe-gonzalez-morales": ("González Morales", "特别报告员"),
    "person-petra-molnar": ("Molnar",),
    "person-jerald-joseph": ("Joseph",),
    "person-michele-levoy": ("LeVoy",),
    "person-omar-zniber": ("Zniber",),
    "person-walter-kaelin": ("Kaelin",),
    "person-anita-ghimire": ("Ghimire",),
    "person-juliana-macedo-do-nascimento": ("Macedo do Nascimento",),
    "person-pablo-ceriani": ("Ceriani",),
    "person-camila-barretto-maia": ("Barretto Maia",),
    "person-marc-bichler": ("Bichler",),
}
#: The printed lists of para 16 and 36: (paragraph, text before the list, text after it, role, joiner of last item).
LISTS = (
    (16, "参加了讨论：", "。", "plenary_speaker", "、"),
    (16, "书面发言：", "的代表。", "written_statement", "和"),
    (36, "作了发言：", "。", "plenary_speaker", "、"),
    (36, "。", "的代表提交了书面发言", "written_statement", "和"),
)
VERBS = re.compile(r"建议|呼吁|敦促|鼓励|(?<![申邀])请(?!求)|要求")


def read(path: Path, key: str, prefix: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r[key].startswith(prefix)]


def iso_names() -> dict[str, str]:
    path = Path("/usr/share/iso-codes/json/iso_3166-1.json")
    if not path.exists():
        return {}
    return {c["alpha_3"]: c["name"] for c in json.loads(path.read_text(encoding="utf-8"))["3166-1"]}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "curation" / DOCUMENT_ID
    ns = normalised()
    source = ns.source
    extents = paragraph_extents(source)
    ptext = {p: "".join(text_from_spans(source, [s]) for s in ex) for p, ex in extents.items()}
    parts = read(folder / "participants.csv", "participant_id", f"{DOCUMENT_ID}.")
    recs = read(folder / "recommendations.csv", "recommendation_id", f"{DOCUMENT_ID}.r")
    problems: list[str] = []
    iso = iso_names()

    for r in parts:
        where = f"participants {r['participant_id']}"
        spans = parse_spans(r["name_spans"])
        if text_from_spans(source, spans) != r["name"]:
            problems.append(f"{where}: name != text_from_spans")
        pids = r["paragraph_ids"].split(";")
        if pids != sorted(pids, key=lambda p: int(p.rsplit(".p", 1)[1])) or len(set(pids)) != len(pids):
            problems.append(f"{where}: paragraph_ids not in reading order or repeated")
        if not inside(extents[pids[0]], spans):
            problems.append(f"{where}: name_spans outside {pids[0]}")
        names = (r["name"], *ALIASES.get(r["entity_id"], ()))
        for p in pids:
            if not any(n in ptext[p] for n in names):
                problems.append(f"{where}: {p} does not name it ({names})")
        if r["kind"] == "state":
            if r["entity_id"] != f"state-{r['country_iso3'].lower()}":
                problems.append(f"{where}: entity_id and country_iso3 disagree")
            for p, text in ptext.items():
                if r["name"] + "代表" in text and p not in pids:
                    problems.append(f"{where}: {p} names '{r['name']}代表' but is not in paragraph_ids")
        elif r["entity_id"].startswith("state-"):
            problems.append(f"{where}: state- entity of kind {r['kind']}")
        if r["country_iso3"] and iso and r["country_iso3"] not in iso:
            problems.append(f"{where}: {r['country_iso3']} is not an ISO 3166-1 alpha-3 code")
        if r["entity_id"].startswith("person-"):
            for p, text in ptext.items():
                if any(n in text for n in names[:2] if n not in ("特别报告员", "高级专员")) and p not in pids:
                    problems.append(f"{where}: {p} names {names[:2]} but is not in paragraph_ids")
        if r["mode"] != ("written" if r["role"] == "written_statement" else "oral"):
            problems.append(f"{where}: mode {r['mode']} does not fit role {r['role']}")

    # every State and organisation of the printed lists: once, in printed order, with the list's role
    for paragraph, before, after, role, last in LISTS:
        text = ptext[f"{DOCUMENT_ID}.p{paragraph}"]
        start = text.index(before) + len(before) if before != "。" else text.rindex("。", 0, text.index(after)) + 1
        printed = text[start : text.index(after, start)]
        rows = [r for r in parts if r["role"] == role and r["paragraph_ids"].split(";")[0].endswith(f".p{paragraph}")]
        names = [r["name"] for r in rows]
        rebuilt = "、".join(names[:-1]) + last + names[-1] if last != "、" else "、".join(names)
        status = "ok" if rebuilt == printed else "MISMATCH"
        print(f"para {paragraph} {role}: {len(rows)} rows, list reproduced: {status}")
        if rebuilt != printed:
            problems.append(f"para {paragraph} {role} list: printed {printed!r}, rows give {rebuilt!r}")

    by_id = {r["participant_id"]: r for r in parts}
    covered: list[tuple[int, int]] = []
    for r in recs:
        where = f"recommendations {r['recommendation_id']}"
        spans = parse_spans(r["spans"])
        covered += spans
        if text_from_spans(source, spans) != r["text"]:
            problems.append(f"{where}: text != text_from_spans")
        if not inside(extents[r["paragraph_id"]], spans):
            problems.append(f"{where}: spans outside {r['paragraph_id']}")
        if r["verb"] not in r["text"]:
            problems.append(f"{where}: verb {r['verb']!r} not in text")
        if r["addressed_to"] and r["addressed_to"] not in r["text"]:
            problems.append(f"{where}: addressed_to not in text")
        if bool(r["addressed_to"]) != bool(r["addressed_to_kind"]):
            problems.append(f"{where}: addressed_to and addressed_to_kind not both set or both empty")
        before = text_from_spans(source, [(extents[r["paragraph_id"]][0][0], spans[0][0])])
        if r["made_by"] not in before and r["made_by"] not in r["text"] and "Passive" not in r["notes"]:
            problems.append(f"{where}: made_by {r['made_by']!r} not printed before it in the paragraph")
        m = r["made_by_participant_id"]
        if m:
            if m not in by_id:
                problems.append(f"{where}: made_by_participant_id {m} is no participant")
            elif r["paragraph_id"] not in by_id[m]["paragraph_ids"].split(";"):
                problems.append(f"{where}: {r['paragraph_id']} not in paragraph_ids of {m}")
        if (
            r["recommendation_id"]
            != f"{DOCUMENT_ID}.r{r['paragraph_id'].rsplit('.p', 1)[1]}-" + r["recommendation_id"].rsplit("-", 1)[1]
        ):
            problems.append(f"{where}: id does not follow r<paragraph>-<n>")

    print("recommending verbs no row covers (review each):")
    for p, extent in extents.items():
        for a, b in extent:
            for m in VERBS.finditer(source, a, b):
                if not any(s <= m.start() < e for s, e in covered):
                    print(f"  {p}: …{source[max(a, m.start() - 12) : m.end() + 16]}…")

    print(f"{len(parts)} participants, {len(recs)} recommendations checked")
    for line in problems:
        print("PROBLEM", line)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
