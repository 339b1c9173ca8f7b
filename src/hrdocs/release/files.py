"""Small file helpers: atomic writes, and how every release module reads a package CSV."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: a package CSV as DuckDB reads it here: every column as text, the package's CSV dialect, one parameter (path)
READ_CSV = "read_csv(?, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
