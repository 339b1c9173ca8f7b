"""Citing one row: a paragraph, a recommendation or a grade, as "source document, paragraph N, in hrdocs
version X"; or a document, by its id or its UN symbol (A/HRC/50/52).

Rows are looked up in the package's CSVs through DuckDB's read_csv (all text), by the tables' primary keys,
and documents also by symbol (any case, spaces ignored).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError
from hrdocs.release import citation
from hrdocs.release.citation import DatasetInfo
from hrdocs.release.files import READ_CSV

#: the tables whose rows can be cited, in lookup order (then documents by symbol)
CITABLE = ("paragraphs", "recommendations", "grades", "documents")


@dataclass(frozen=True)
class RowCitation:
    table: str
    row_id: str
    document: str  # "symbol (title)" or the title
    locator: str  # "paragraph 16(a)"
    reproduced_in: str | None  # "document, locator" when the text is printed in another document
    info: DatasetInfo

    @property
    def title(self) -> str:
        return f"{self.document}, {self.locator}" if self.locator else self.document


def _lookup(con: Any, root: Path, table: Any, value: str, by_symbol: bool = False) -> dict[str, str] | None:
    path = root / table.path
    if not path.is_file():
        return None
    key = table.primary_key[0]
    where = f'"{key}" = ?' if not by_symbol else "upper(replace(symbol, ' ', '')) = ?"
    if by_symbol:
        value = "".join(value.split()).upper()
    cur = con.execute(f"SELECT * FROM {READ_CSV} WHERE {where} ORDER BY 1 LIMIT 1", [str(path), value])
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    return dict(zip(names, row, strict=True)) if row else None


def _document_label(doc: dict[str, str] | None, document_id: str) -> str:
    if doc is None:
        return document_id
    symbol, title = (doc.get("symbol") or "").strip(), (doc.get("title") or "").strip()
    if symbol and title and title != symbol:
        return f"{symbol} ({title})"
    return symbol or title or document_id


def _paragraph_locator(p: dict[str, str]) -> str:
    kind = (p.get("kind") or "paragraph").replace("_", " ")
    if p.get("number"):
        return f"{'footnote' if p.get('kind') == 'footnote' else 'paragraph'} {p['number']}"
    if p.get("label"):
        return f"{kind} {p['label']}"
    return f"{kind} at reading position {p.get('seq')}"


def cite_row(root: Path, row_id: str) -> RowCitation:
    """The citation of the paragraph, recommendation, grade or document ``row_id`` (or a document's UN symbol);
    a one-line error when there is none."""
    import duckdb

    from hrdocs.package import load

    package = load(root)
    info = citation.dataset_info(root)
    con = duckdb.connect()
    try:
        tables = {t.name: t for t in package.tables}
        documents = tables.get("documents")

        def document(document_id: str) -> str:
            doc = _lookup(con, root, documents, document_id) if documents else None
            return _document_label(doc, document_id)

        paragraphs = tables.get("paragraphs")
        recommendations = tables.get("recommendations")
        lookups = [(name, False) for name in CITABLE] + [("documents", True)]
        for name, by_symbol in lookups:
            if name not in tables or not tables[name].primary_key:
                continue
            row = _lookup(con, root, tables[name], row_id, by_symbol)
            if row is None:
                continue
            if name == "documents":
                document_id = row["document_id"]
                return RowCitation(name, document_id, _document_label(row, document_id), "", None, info)
            if name == "grades":
                rec = _lookup(con, root, recommendations, row["recommendation_id"]) if recommendations else None
                graded = f"recommendation {row['recommendation_id']}"
                if rec is not None and rec.get("label"):
                    graded = f"{document(rec['document_id'])}, paragraph {rec['label']}"
                where = f"assessment of {row['assessment_label']}" if row.get("assessment_label") else "assessment"
                locator = f"{where}: grade {row['grade']} for {graded}"
                return RowCitation(name, row_id, document(row["document_id"]), locator, None, info)
            if name == "paragraphs":
                return RowCitation(name, row_id, document(row["document_id"]), _paragraph_locator(row), None, info)
            locator = f"paragraph {row['label']}" if row.get("label") else f"recommendation {row_id}"
            reproduced = None
            para = (
                _lookup(con, root, paragraphs, row["paragraph_id"]) if paragraphs and row.get("paragraph_id") else None
            )
            if para is not None and para.get("document_id") != row.get("document_id"):
                reproduced = f"{document(para['document_id'])}, {_paragraph_locator(para)}"
            return RowCitation(name, row_id, document(row["document_id"]), locator, reproduced, info)
    finally:
        con.close()
    raise HrdocsError(
        f"unknown id {row_id!r}: no paragraph, recommendation, grade or document (by id or UN symbol) in {root} has it",
        EXIT_UNUSABLE,
    )


def text(c: RowCitation) -> str:
    where = f", as reproduced in {c.reproduced_in}" if c.reproduced_in else ""
    return f"{c.title}{where}, in hrdocs version {c.info.version} ({c.table} row {c.row_id}). {citation.text(c.info)}"


def _note(c: RowCitation) -> str:
    where = f"As reproduced in {c.reproduced_in}. " if c.reproduced_in else ""
    return f"{where}In {c.info.title}, version {c.info.version} ({c.table} row {c.row_id})"


def bibtex(c: RowCitation) -> str:
    key = f"{citation.bibtex_key(c.info)}_{''.join(ch if ch.isalnum() else '_' for ch in c.row_id)}"
    fields = {"author": "\n".join(c.info.authors), "title": c.title}
    if c.info.year:
        fields["year"] = c.info.year
    fields["version"] = c.info.version
    fields["note"] = _note(c)
    if c.info.doi:
        fields["doi"] = c.info.doi
    if c.info.repository_code:
        fields["url"] = c.info.repository_code
    return citation.bibtex_entry(key, "misc", fields)


def ris(c: RowCitation) -> str:
    tags = [("TY", "DATA")] + [("AU", a) for a in c.info.authors]
    tags += [("TI", c.title), ("T2", c.info.title)]
    if c.info.date_released:
        tags += [("PY", c.info.year or ""), ("DA", c.info.date_released.replace("-", "/"))]
    tags += [("ET", c.info.version), ("N1", _note(c))]
    if c.info.doi:
        tags.append(("DO", c.info.doi))
    if c.info.repository_code:
        tags.append(("UR", c.info.repository_code))
    return citation.ris_record(tags)


def csl_json(c: RowCitation) -> str:
    item = citation.csl_item(c.info)
    item.update({"id": f"{item['id']}:{c.row_id}", "title": c.title, "container-title": c.info.title, "note": _note(c)})
    item.pop("abstract", None)
    item.pop("keyword", None)
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": lambda c: text(c) + "\n", "bibtex": bibtex, "ris": ris, "csl-json": csl_json}
