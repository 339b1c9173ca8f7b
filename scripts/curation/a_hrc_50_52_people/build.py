"""Build the participants and recommendations rows of A/HRC/50/52 from the hand-curated facts.

    .venv/bin/python scripts/curation/a_hrc_50_52_people/build.py [OUT_DIR]

Spans come from hrdocs.text.locate, searched inside the row's (first) paragraph; a name or text not found
there stops the build. Writes OUT_DIR/participants.csv and OUT_DIR/recommendations.csv (default
build/curation/a-hrc-50-52/), with the package tables' headers, for scripts/curation/sync_rows.py.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from participants_facts import PARTICIPANTS
from recommendations_facts import RECOMMENDATIONS
from source import DOCUMENT_ID, ROOT, inside, normalised, paragraph_extents
from table_rows import write_rows

from hrdocs.text.locate import NormalisedSource, locate
from hrdocs.text.spans import format_spans


def pid(n: int) -> str:
    return f"{DOCUMENT_ID}.p{n}"


def spans_in(ns: NormalisedSource, extents: dict[str, list[tuple[int, int]]], paragraph: int, text: str) -> str:
    extent = extents[pid(paragraph)]
    spans = locate(ns, text, extent[0][0])
    if spans is None or not inside(extent, spans):
        sys.exit(f"not found in paragraph {paragraph}: {text!r}")
    return format_spans(spans)


def participant_ids() -> list[str]:
    """participant_id per PARTICIPANTS row: '<doc>.<entity slug>', '-2' for an entity's second row."""
    seen: Counter[str] = Counter()
    ids = []
    for p in PARTICIPANTS:
        seen[p.entity_id] += 1
        suffix = "" if seen[p.entity_id] == 1 else f"-{seen[p.entity_id]}"
        ids.append(f"{DOCUMENT_ID}.{p.entity_id}{suffix}")
    return ids


def participant_rows(ns: NormalisedSource, extents: dict[str, list[tuple[int, int]]]) -> list[dict[str, str]]:
    rows = []
    for participant_id, p in zip(participant_ids(), PARTICIPANTS, strict=True):
        rows.append(
            {
                "participant_id": participant_id,
                "entity_id": p.entity_id,
                "document_id": DOCUMENT_ID,
                "name": p.name,
                "name_spans": spans_in(ns, extents, p.paragraphs[0], p.name),
                "kind": p.kind,
                "role": p.role,
                "title": p.title,
                "honorific": p.honorific,
                "affiliation": p.affiliation,
                "country_iso3": p.country_iso3,
                "session": p.session,
                "mode": p.mode,
                "date_submitted": "",
                "paragraph_ids": ";".join(pid(n) for n in p.paragraphs),
                "notes": p.notes,
            }
        )
    return rows


def recommendation_rows(ns: NormalisedSource, extents: dict[str, list[tuple[int, int]]]) -> list[dict[str, str]]:
    by_entity: dict[str, str] = {}
    for participant_id, p in zip(participant_ids(), PARTICIPANTS, strict=True):
        by_entity.setdefault(p.entity_id, participant_id)
    rows = []
    per_paragraph: Counter[int] = Counter()
    for r in RECOMMENDATIONS:
        per_paragraph[r.paragraph] += 1
        rows.append(
            {
                "recommendation_id": f"{DOCUMENT_ID}.r{r.paragraph}-{per_paragraph[r.paragraph]}",
                "document_id": DOCUMENT_ID,
                "paragraph_id": pid(r.paragraph),
                "label": "",
                "parent_id": "",
                "theme": "",
                "made_by_participant_id": by_entity[r.made_by_entity] if r.made_by_entity else "",
                "made_by": r.made_by,
                "addressed_to": r.addressed_to,
                "addressed_to_kind": r.addressed_to_kind,
                "country_iso3": "",
                "verb": r.verb,
                "recalls_document_id": "",
                "recalls_paragraph": "",
                "text": r.text,
                "spans": spans_in(ns, extents, r.paragraph, r.text),
                "notes": r.notes,
            }
        )
    return rows


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "curation" / DOCUMENT_ID
    out.mkdir(parents=True, exist_ok=True)
    ns = normalised()
    extents = paragraph_extents(ns.source)
    write_rows(out / "participants.csv", participant_rows(ns, extents))
    write_rows(out / "recommendations.csv", recommendation_rows(ns, extents))


if __name__ == "__main__":
    main()
