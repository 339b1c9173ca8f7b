"""What the website shows, read from the built DuckDB database in a few queries, grouped for the pages.

Everything comes from the package's tables (and the categories of its schemas, for labels); nothing here adds a
fact. A `citations` table is read only when the package has one: its citing paragraph and cited document are
found from the table's foreign keys in its schema, so the site follows that table's own definition.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

    from hrdocs.metadata import Package

Row = dict[str, Any]

#: the tables every page needs, in the order the home page lists their row counts
TABLES = ("documents", "paragraphs", "recommendations", "grades", "participants")


def records(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Row]:
    cur = con.execute(sql, params or [])
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


@dataclass(frozen=True)
class CitationColumns:
    """Which columns of the `citations` table hold what, from its schema's foreign keys."""

    citing_paragraph: str
    cited_document: str
    extra: tuple[str, ...]  # the other columns shown (pinpoint, how it is cited, ...), in schema order


@dataclass
class SiteData:
    version: str
    date_released: str | None
    table_names: list[str]
    row_counts: dict[str, int]
    documents: list[Row]
    document_by_id: dict[str, Row]
    paragraphs: dict[str, list[Row]]  # document_id -> units in reading order
    paragraph_by_id: dict[str, Row]
    recommendations: list[Row]
    recommendations_in: dict[str, list[Row]]  # paragraph_id -> recommendations printed in it
    recommendations_by: dict[str, list[Row]]  # document_id -> recommendations it made
    grades: list[Row]
    grades_of: dict[str, list[Row]]  # recommendation_id -> grades
    grades_at: dict[str, list[Row]]  # assessment_paragraph_id -> grades given there
    participants: list[Row]
    participant_by_id: dict[str, Row]
    participants_in: dict[str, list[Row]]  # document_id -> participants
    entities: dict[str, list[Row]]  # entity_id -> participant rows, by document
    labels: dict[tuple[str, str], dict[str, str]]  # (table, field) -> value -> label, from the schemas
    citations: list[Row] | None = None
    citation_columns: CitationColumns | None = None
    cites: dict[str, list[Row]] = field(default_factory=dict)  # citing document_id -> citations
    cited_by: dict[str, list[Row]] = field(default_factory=dict)  # cited document_id -> citations

    def page_of(self, paragraph_id: str | None) -> str | None:
        """The document page a paragraph is printed on."""
        p = self.paragraph_by_id.get(paragraph_id or "")
        return p["document_id"] if p else None

    def label(self, table: str, column: str, value: str | None) -> str:
        return self.labels.get((table, column), {}).get(value or "", "")


def citation_columns(package: Package) -> CitationColumns | None:
    """The citing paragraph and cited document columns of the package's `citations` table, if it has one."""
    try:
        table = package.table("citations")
    except KeyError:
        return None
    citing = next((fk.fields[0] for fk in table.foreign_keys if fk.resource == "paragraphs"), None)
    to_documents = [fk.fields[0] for fk in table.foreign_keys if fk.resource == "documents"]
    cited = next((f for f in to_documents if "cited" in f), to_documents[0] if to_documents else None)
    if citing is None or cited is None:
        return None
    skip = {citing, cited, *table.primary_key, "spans", "notes", "document_id"}
    extra = tuple(f.name for f in table.fields if f.name not in skip and not f.name.endswith("_spans"))
    return CitationColumns(citing, cited, extra)


def _group(rows: list[Row], key: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.get(key) is not None:
            out[row[key]].append(row)
    return dict(out)


def load_site_data(con: duckdb.DuckDBPyConnection, package: Package, date_released: str | None) -> SiteData:
    present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    names = [t.name for t in package.tables if t.name in present]
    counts = {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}  # type: ignore[index]
    documents = records(con, "SELECT * FROM documents ORDER BY has_text DESC, document_id")
    paragraphs = records(con, "SELECT * FROM paragraphs ORDER BY document_id, seq")
    recommendations = records(
        con,
        """SELECT r.*, p.document_id AS printed_in, p.seq AS printed_seq
           FROM recommendations AS r LEFT JOIN paragraphs AS p USING (paragraph_id)
           ORDER BY r.recommendation_id""",
    )
    grades = records(
        con,
        """SELECT g.*, r.label AS recommendation_label, r.parent_id AS recommendation_parent_id,
                  r.paragraph_id AS recommendation_paragraph_id, r.theme,
                  coalesce(r.country_iso3, d.country_iso3) AS country_iso3
           FROM grades AS g JOIN recommendations AS r USING (recommendation_id)
           JOIN documents AS d ON d.document_id = g.document_id
           LEFT JOIN paragraphs AS p ON p.paragraph_id = r.paragraph_id
           ORDER BY g.document_id, p.seq, r.label, g.grade_id""",
    )
    participants = records(con, "SELECT * FROM participants ORDER BY document_id, participant_id")
    # the link tables, where the package has them: a participant's paragraphs, a document's mandate, what a
    # recommendation recalls (read into the fields the pages show)
    if "participant_paragraphs" in present:
        listed: dict[str, list[str]] = {}
        for pid, para in con.execute(
            "SELECT participant_id, paragraph_id FROM participant_paragraphs ORDER BY participant_id, seq"
        ).fetchall():
            listed.setdefault(pid, []).append(para)
        for p in participants:
            p["paragraph_ids"] = ";".join(listed.get(p["participant_id"], []))
    if "relations" in present:
        mandates = dict(con.execute(
            "SELECT document_id, min(related_document_id) FROM relations WHERE relation = 'mandated_by' GROUP BY 1"
        ).fetchall())  # fmt: skip
        for doc in documents:
            doc.setdefault("mandate_document_id", mandates.get(doc["document_id"]))
    if "citations" in present:
        recalls = {r: (d, pin) for r, d, pin in con.execute(
            "SELECT recommendation_id, min(cited_document_id), min(pinpoint) FROM citations "
            "WHERE how = 'recall' AND recommendation_id IS NOT NULL GROUP BY 1"
        ).fetchall()}  # fmt: skip
        for r in recommendations:
            if r["recommendation_id"] in recalls:
                r.setdefault("recalls_document_id", recalls[r["recommendation_id"]][0])
                r.setdefault("recalls_paragraph", recalls[r["recommendation_id"]][1])
    labels: dict[tuple[str, str], dict[str, str]] = {}
    for t in package.tables:
        for f in t.fields:
            if f.categories:
                labels[(t.name, f.name)] = dict(f.categories)
    data = SiteData(
        version=package.version,
        date_released=date_released,
        table_names=names,
        row_counts=counts,
        documents=documents,
        document_by_id={d["document_id"]: d for d in documents},
        paragraphs=_group(paragraphs, "document_id"),
        paragraph_by_id={p["paragraph_id"]: p for p in paragraphs},
        recommendations=recommendations,
        recommendations_in=_group(recommendations, "paragraph_id"),
        recommendations_by=_group(recommendations, "document_id"),
        grades=grades,
        grades_of=_group(grades, "recommendation_id"),
        grades_at=_group(grades, "assessment_paragraph_id"),
        participants=participants,
        participant_by_id={p["participant_id"]: p for p in participants},
        participants_in=_group(participants, "document_id"),
        entities=_group(participants, "entity_id"),
        labels=labels,
    )
    columns = citation_columns(package) if "citations" in present else None
    if columns is not None:
        cites = records(
            con, f'SELECT * FROM citations ORDER BY "{columns.citing_paragraph}", "{columns.cited_document}"'
        )
        data.citations, data.citation_columns = cites, columns
        for c in cites:
            citing = data.page_of(c[columns.citing_paragraph])
            if citing:
                data.cites.setdefault(citing, []).append(c)
            if c[columns.cited_document] is not None:  # a citation of something else (an SDG target)
                data.cited_by.setdefault(c[columns.cited_document], []).append(c)
    return data
