"""DuckDB's error messages cut down to one line that names the file, line and column where DuckDB says them."""

from __future__ import annotations

import re

_CSV_LINE = re.compile(r"CSV Error on Line: (\d+)")
_CONVERT = re.compile(r'Error when converting column "([^"]+)"\. (Could not convert string .*? to \'?[A-Z0-9_]+\'?)')


def first_line(message: str) -> str:
    """The first non-empty line of a (multi-line) DuckDB message."""
    for line in message.splitlines():
        if line.strip():
            return line.strip()
    return message.strip()


def load_error(message: str, csv_path: str, table: str) -> str:
    """A failed CSV load as '<file>: line N: column C: what DuckDB said'."""
    line = _CSV_LINE.search(message)
    convert = _CONVERT.search(message)
    if line and convert:
        return f"{csv_path}: line {line.group(1)}: column {convert.group(1)}: {convert.group(2).replace(chr(39), '')}"
    if line:
        detail = [s for s in message.splitlines()[1:] if s.strip() and not s.startswith("Original Line")]
        text = detail[0].strip() if detail else first_line(message)
        return f"{csv_path}: line {line.group(1)}: {text}"
    return f"{csv_path} ({table}): {first_line(message)}"
