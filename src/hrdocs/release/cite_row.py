"""Citing one row: a paragraph, a recommendation or a grade, as "source document, paragraph N, in hrdocs
version X"; or a document, by its id or its UN symbol (A/HRC/50/52).

Rows are looked up in the package's CSVs through DuckDB's read_csv (all text), by the tables' primary keys,
and documents also by symbol (any case, spaces ignored).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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


def document_label(doc: dict[str, str] | None, document_id: str) -> str:
    if doc is None:
        return document_id
    symbol, title = (doc.get("symbol") or "").strip(), (doc.get("title") or "").strip()
    if symbol and title and title != symbol:
        return f"{symbol} ({title})"
    return symbol or title or document_id


def paragraph_locator(p: dict[str, str]) -> str:
    kind = (p.get("kind") or "paragraph").replace("_", " ")
    if p.get("number"):
        return f"{'footnote' if p.get('kind') == 'footnote' else 'paragraph'} {p['number']}"
    if p.get("label"):
        return f"{kind} {p['label']}"
    return f"{kind} at reading position {p.get('seq')}"


def paragraph_citation(p: dict[str, str], document: Callable[[str], str], info: DatasetInfo) -> RowCitation:
    """The citation of a paragraphs row (values as text); ``document`` gives a document id's label."""
    return RowCitation("paragraphs", p["paragraph_id"], document(p["document_id"]), paragraph_locator(p), None, info)


def recommendation_citation(
    r: dict[str, str],
    document: Callable[[str], str],
    paragraph: Callable[[str], dict[str, str] | None],
    info: DatasetInfo,
) -> RowCitation:
    """The citation of a recommendations row (values as text): by its label, and "as reproduced in" its paragraph
    where that paragraph is another document's. ``document`` gives a document id's label, ``paragraph`` a
    paragraph id's row (None when there is none)."""
    rid = r["recommendation_id"]
    locator = f"paragraph {r['label']}" if r.get("label") else f"recommendation {rid}"
    reproduced = None
    para = paragraph(r["paragraph_id"]) if r.get("paragraph_id") else None
    if para is not None and para.get("document_id") != r.get("document_id"):
        reproduced = f"{document(para['document_id'])}, {paragraph_locator(para)}"
    return RowCitation("recommendations", rid, document(r["document_id"]), locator, reproduced, info)


class Citer:
    """Cites the rows of one package: the package's model, its dataset information and one DuckDB connection are
    opened once. ``hrdocs cite`` cites one row (each lookup reads the CSV with a filter); a caller citing many rows
    passes ``index=True``, and each table is then read once into a dictionary by key. Use it as a context manager."""

    def __init__(self, root: Path, index: bool = False) -> None:
        import duckdb

        from hrdocs.package import load

        self.root = root
        self.index = index
        self.tables = {t.name: t for t in load(root).tables}
        self.info = citation.dataset_info(root)
        self.con = duckdb.connect()
        self._indexes: dict[tuple[str, bool], dict[str, dict[str, str]]] = {}

    def __enter__(self) -> Citer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.con.close()

    def _lookup(self, name: str, value: str, by_symbol: bool = False) -> dict[str, str] | None:
        table = self.tables.get(name)
        if table is None or not table.primary_key:
            return None
        path = self.root / table.path
        if not path.is_file():
            return None
        key = table.primary_key[0]
        if by_symbol:
            value = "".join(value.split()).upper()
        if self.index:
            rows = self._indexes.get((name, by_symbol))
            if rows is None:
                names, fetched = self._read(f"SELECT * FROM {READ_CSV} ORDER BY 1", path)
                rows = {}
                for values in fetched:
                    row = dict(zip(names, values, strict=True))
                    found = "".join((row.get("symbol") or "").split()).upper() if by_symbol else row[key]
                    if found is not None:
                        rows.setdefault(found, row)  # the first, as ORDER BY 1 LIMIT 1 below
                self._indexes[(name, by_symbol)] = rows
            return rows.get(value)
        where = f'"{key}" = ?' if not by_symbol else "upper(replace(symbol, ' ', '')) = ?"
        names, fetched = self._read(f"SELECT * FROM {READ_CSV} WHERE {where} ORDER BY 1 LIMIT 1", path, value)
        return dict(zip(names, fetched[0], strict=True)) if fetched else None

    def _read(self, query: str, path: Path, *params: str) -> tuple[list[str], list[tuple[str, ...]]]:
        """Column names and rows of ``query`` over the CSV at ``path``; a CSV DuckDB cannot read is one line."""
        import duckdb

        try:
            cur = self.con.execute(query, [str(path), *params])
            return [d[0] for d in cur.description], cur.fetchall()
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise HrdocsError(f"{path}: cannot read: {first} (`hrdocs validate` says where)", EXIT_UNUSABLE) from exc

    def _document(self, document_id: str) -> str:
        return document_label(self._lookup("documents", document_id), document_id)

    def cite(self, row_id: str) -> RowCitation:
        """The citation of the paragraph, recommendation, grade or document ``row_id`` (or a document's UN
        symbol); a one-line error when there is none."""
        info = self.info
        lookups = [(name, False) for name in CITABLE] + [("documents", True)]
        for name, by_symbol in lookups:
            row = self._lookup(name, row_id, by_symbol)
            if row is None:
                continue
            if name == "documents":
                document_id = row["document_id"]
                return RowCitation(name, document_id, document_label(row, document_id), "", None, info)
            if name == "grades":
                rec = self._lookup("recommendations", row["recommendation_id"])
                graded = f"recommendation {row['recommendation_id']}"
                if rec is not None and rec.get("label"):
                    graded = f"{self._document(rec['document_id'])}, paragraph {rec['label']}"
                where = f"assessment of {row['assessment_label']}" if row.get("assessment_label") else "assessment"
                locator = f"{where}: grade {row['grade']} for {graded}"
                return RowCitation(name, row_id, self._document(row["document_id"]), locator, None, info)
            if name == "paragraphs":
                return paragraph_citation(row, self._document, info)
            return recommendation_citation(row, self._document, lambda pid: self._lookup("paragraphs", pid), info)
        raise HrdocsError(
            f"unknown id {row_id!r}: no paragraph, recommendation, grade or document (by id or UN symbol) in "
            f"{self.root} has it",
            EXIT_UNUSABLE,
        )


def cite_row(root: Path, row_id: str) -> RowCitation:
    """The citation of the paragraph, recommendation, grade or document ``row_id`` (or a document's UN symbol);
    a one-line error when there is none."""
    with Citer(root) as citer:
        return citer.cite(row_id)


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
