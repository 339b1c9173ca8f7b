"""How far a draft agrees with curated paragraphs rows: the measure README reports for the drafter.

A curated row agrees when a drafted row has the same spans, kind, number, label and parent (the parent compared
by its spans, since drafted ids are not the curator's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

COMPARED = ("kind", "number", "label", "parent")


@dataclass
class Agreement:
    document_id: str
    curated: int = 0
    agreeing: int = 0
    #: (curated paragraph_id, what differs) for every row that does not agree
    differences: list[tuple[str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.agreeing / self.curated if self.curated else 1.0


def agreement(document_id: str, curated: list[dict[str, str]], drafted: list[dict[str, str]]) -> Agreement:
    """Compare the curated and drafted paragraphs rows of one document."""
    result = Agreement(document_id)
    curated_spans = {r["paragraph_id"]: r["spans"] for r in curated}
    drafted_spans = {r["paragraph_id"]: r["spans"] for r in drafted}
    by_spans = {r["spans"]: r for r in drafted}
    for row in curated:
        result.curated += 1
        twin = by_spans.get(row["spans"])
        if twin is None:
            result.differences.append((row["paragraph_id"], f"no drafted row with spans {row['spans']}"))
            continue
        wrong = []
        for name in COMPARED:
            if name == "parent":
                mine = curated_spans.get(row["parent_id"], "")
                theirs = drafted_spans.get(twin["parent_id"], "")
            else:
                mine, theirs = row[name], twin[name]
            if mine != theirs:
                wrong.append(f"{name} {theirs!r} (curated {mine!r})")
        if wrong:
            result.differences.append((row["paragraph_id"], "; ".join(wrong)))
        else:
            result.agreeing += 1
    return result
