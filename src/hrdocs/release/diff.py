"""`hrdocs diff OLD NEW`: per table, rows added, removed and changed (by primary key), with each changed field's
old and new value.

Both sides are read by DuckDB's read_csv (all columns as text, so that a value is compared as written) and
joined with a FULL OUTER JOIN on the new schema's primary key; only the differing rows reach Python. OLD and
NEW are package directories or release archives (unpacked safely into a temporary directory).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from hrdocs.errors import EXIT_UNUSABLE, HrdocsError
from hrdocs.metadata import Table
from hrdocs.package import load
from hrdocs.release.files import READ_CSV


@dataclass
class TableDiff:
    table: str
    rows_old: int | None
    rows_new: int | None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)  # (key, changed fields)
    #: (key, field, old value, new value) of every changed field, in the order of ``changed``
    values: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)
    note: str = ""  # table added or removed, or why rows were not compared

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed or self.fields_added or self.fields_removed or self.note)


@contextmanager
def opened(path: Path) -> Iterator[Path]:
    """The package directory of ``path``: itself, or a release archive unpacked into a temporary directory."""
    from hrdocs.release.archive import package_dir, safe_extract

    if path.is_dir():
        yield path.parent if path.name == "datapackage.json" else path
        return
    if path.is_file() and path.name == "datapackage.json":
        yield path.parent
        return
    if not path.is_file():
        raise HrdocsError(f"{path}: no such package directory or release archive", EXIT_UNUSABLE)
    with tempfile.TemporaryDirectory(prefix="hrdocs-diff-") as tmp:
        target = Path(tmp) / "package"
        safe_extract(path, target)
        yield package_dir(target)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(con: object, path: Path) -> list[str]:
    cur = con.execute(
        f"SELECT * FROM {READ_CSV} LIMIT 0",
        [str(path)],
    )  # type: ignore[attr-defined]
    return [d[0] for d in cur.description]


def diff_table(
    con: object, name: str, old: Table | None, new: Table | None, old_root: Path, new_root: Path
) -> TableDiff:
    import duckdb

    old_path = old_root / old.path if old else None
    new_path = new_root / new.path if new else None
    old_ok = old_path is not None and old_path.is_file()
    new_ok = new_path is not None and new_path.is_file()
    count = f"SELECT count(*) FROM {READ_CSV}"
    rows_old = con.execute(count, [str(old_path)]).fetchone()[0] if old_ok else None  # type: ignore[attr-defined]
    rows_new = con.execute(count, [str(new_path)]).fetchone()[0] if new_ok else None  # type: ignore[attr-defined]
    result = TableDiff(name, rows_old, rows_new)
    if not old_ok or not new_ok:
        result.note = "table added" if not old_ok and new_ok else "table removed" if old_ok else "no data file"
        return result
    assert old_path is not None and new_path is not None and new is not None
    old_cols, new_cols = _columns(con, old_path), _columns(con, new_path)
    result.fields_added = [c for c in new_cols if c not in old_cols]
    result.fields_removed = [c for c in old_cols if c not in new_cols]
    key = list(new.primary_key)
    if not key or any(k not in old_cols or k not in new_cols for k in key):
        result.note = "rows not compared: no primary key common to both versions"
        return result
    common = [c for c in new_cols if c in old_cols and c not in key]
    key_expr = (
        " || '|' || ".join(f"coalesce(o.{_q(k)}, n.{_q(k)})" for k in key)
        if len(key) > 1
        else (f"coalesce(o.{_q(key[0])}, n.{_q(key[0])})")
    )
    join = " AND ".join(f"o.{_q(k)} = n.{_q(k)}" for k in key)
    differs = [f"o.{_q(c)} IS DISTINCT FROM n.{_q(c)}" for c in common]
    changed_list = (
        "list_filter(["
        + ", ".join(
            f"CASE WHEN {d} THEN struct_pack(field := '{c}', old := o.{_q(c)}, new := n.{_q(c)}) END"
            for d, c in zip(differs, common, strict=True)
        )
        + "], lambda x: x IS NOT NULL)"
        if common
        else "[]::STRUCT(field VARCHAR, old VARCHAR, new VARCHAR)[]"
    )
    sql = f"""
        WITH o AS (SELECT * FROM {READ_CSV}),
             n AS (SELECT * FROM {READ_CSV})
        SELECT {key_expr} AS key,
               CASE WHEN o.{_q(key[0])} IS NULL THEN 'added' WHEN n.{_q(key[0])} IS NULL THEN 'removed'
                    ELSE 'changed' END AS change,
               {changed_list} AS fields
        FROM o FULL OUTER JOIN n ON {join}
        WHERE o.{_q(key[0])} IS NULL OR n.{_q(key[0])} IS NULL {("OR " + " OR ".join(differs)) if differs else ""}
        ORDER BY key
    """
    try:
        rows = con.execute(sql, [str(old_path), str(new_path)]).fetchall()  # type: ignore[attr-defined]
    except duckdb.Error as exc:
        raise HrdocsError(f"{name}: cannot compare: {exc}".splitlines()[0], EXIT_UNUSABLE) from exc
    for k, change, fields in rows:
        if change == "added":
            result.added.append(k)
        elif change == "removed":
            result.removed.append(k)
        else:
            result.changed.append((k, [f["field"] for f in fields]))
            result.values += [(k, f["field"], f["old"], f["new"]) for f in fields]
    return result


def diff_packages(old_root: Path, new_root: Path) -> list[TableDiff]:
    """Every table of either package, in the new package's order then the removed ones."""
    import duckdb

    old, new = load(old_root), load(new_root)
    old_tables = {t.name: t for t in old.tables}
    new_tables = {t.name: t for t in new.tables}
    names = list(new_tables) + [n for n in old_tables if n not in new_tables]
    con = duckdb.connect()
    try:
        return [diff_table(con, n, old_tables.get(n), new_tables.get(n), old_root, new_root) for n in names]
    finally:
        con.close()


def diff_paths(old: Path, new: Path) -> list[TableDiff]:
    with opened(old) as old_root, opened(new) as new_root:
        return diff_packages(old_root, new_root)


COLUMNS = ["table", "change", "key", "field", "old", "new"]

Row = tuple[str, str, str, str, str | None, str | None]


def rows(diffs: list[TableDiff]) -> list[Row]:
    """One row per difference, (table, change, key, field, old, new), for the shared output switch: a changed
    row gives one row per changed field with its old and new value; added and removed rows give their key."""
    out: list[Row] = []
    for d in diffs:
        if d.note:
            out.append((d.table, d.note, "", "", None, None))
        if d.fields_added:
            out.append((d.table, "fields added", "", ", ".join(d.fields_added), None, None))
        if d.fields_removed:
            out.append((d.table, "fields removed", "", ", ".join(d.fields_removed), None, None))
        out += [(d.table, "added", k, "", None, None) for k in d.added]
        out += [(d.table, "removed", k, "", None, None) for k in d.removed]
        out += [(d.table, "changed", k, f, old, new) for k, f, old, new in d.values]
    return out


def summary(diffs: list[TableDiff]) -> str:
    """One line per table: rows before and after, added, removed, changed."""
    lines = []
    for d in diffs:
        before = "-" if d.rows_old is None else d.rows_old
        after = "-" if d.rows_new is None else d.rows_new
        counts = f"{len(d.added)} added, {len(d.removed)} removed, {len(d.changed)} changed"
        line = f"{d.table}: {before} -> {after} rows; {counts}"
        if d.note:
            line += f" ({d.note})"
        lines.append(line)
    return "\n".join(lines)
