"""Read and write a package's CSV tables and datapackage.json the way they are stored (the one CSV dialect:
UTF-8, no byte-order mark, LF line ends, a header row, fields quoted only where needed), all files of one
change written to temporary paths first and renamed into place together."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hrdocs.errors import HrdocsError
from hrdocs.metadata import load_package
from hrdocs.metadata.model import MetadataError, Package

Row = dict[str, str]


def open_package(root: Path) -> Package:
    try:
        return load_package(root)
    except MetadataError as exc:
        raise HrdocsError(str(exc)) from exc


def read_rows(package: Package, table: str) -> list[Row]:
    path = package.path(package.table(table).path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except FileNotFoundError as exc:
        raise HrdocsError(f"{path}: file not found") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise HrdocsError(f"{path}: cannot be read as CSV ({exc}); run hrdocs validate") from exc


def csv_text(package: Package, table: str, rows: list[Row]) -> str:
    names = package.table(table).field_names
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([row.get(name, "") for name in names] for row in rows)
    return out.getvalue()


def descriptor_text(descriptor: dict[str, Any]) -> str:
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


class Change:
    """Files to write (or copy, or delete) as one change: nothing lands until every temporary file is written."""

    def __init__(self) -> None:
        self.writes: dict[Path, bytes] = {}
        self.deletes: list[Path] = []

    def write(self, path: Path, data: str | bytes) -> None:
        self.writes[path] = data.encode("utf-8") if isinstance(data, str) else data

    def delete(self, path: Path) -> None:
        self.deletes.append(path)

    def commit(self) -> None:
        staged: list[tuple[str, Path]] = []
        try:
            for path, data in self.writes.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.chmod(tmp, 0o644)
                staged.append((tmp, path))
        except BaseException:
            for tmp, _ in staged:
                Path(tmp).unlink(missing_ok=True)
            raise
        for tmp, path in staged:
            os.replace(tmp, path)
        for path in self.deletes:
            if path not in self.writes:
                path.unlink(missing_ok=True)
