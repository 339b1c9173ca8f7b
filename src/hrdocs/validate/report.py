"""What validation found: one Problem per defect, gathered in a Report, rendered as text or JSON; and Rule, the
id, stage and meaning of a rule, declared as a constant by the module that checks it.

A problem names its stage, table, rule, file, row, column and value in one line. Rows are numbered as
frictionless numbers them: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

#: the stage a problem is reported under: what it is about (files, single columns, tables together, provenance),
#: in the order the report lists them
STAGES: tuple[str, ...] = ("files", "columns", "tables", "provenance")
#: the longest value echoed in a message
MAX_VALUE_CHARS = 60


def excerpt(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """A value shortened for a one-line message, with line breaks and tabs shown as escapes."""
    text = str(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Rule:
    """One rule checked in Python, as frictionless declares an error class: its id (reported with each problem),
    the stage it is reported under, what it checks (listed in validation/README.md) and its message template."""

    id: str
    stage: str
    checks: str
    template: str = "{message}"

    def message(self, **values: object) -> str:
        return self.template.format(**values)


@dataclass(frozen=True)
class Problem:
    stage: str
    rule: str
    message: str
    table: str | None = None  # resource name, or None for the package as a whole
    file: str | None = None  # path relative to the package root
    row: int | None = None  # frictionless row number (header = 1)
    line: int | None = None  # physical line in the file, for CSV-level problems
    column: str | None = None
    value: str | None = None

    def location(self) -> str:
        where = self.file or "datapackage.json"
        if self.row is not None:
            where += f" row {self.row}"
        elif self.line is not None:
            where += f" line {self.line}"
        if self.column:
            where += f" column {self.column}"
        return where

    def one_line(self) -> str:
        value = f" value {excerpt(self.value)!r}" if self.value is not None else ""
        return f"{self.location()}:{value} {self.message} [{self.rule}]"


@dataclass
class Report:
    package: str
    problems: list[Problem] = field(default_factory=list)
    #: stage -> seconds
    timings: dict[str, float] = field(default_factory=dict)
    #: stage -> peak resident memory of the process (MB) when the stage ended
    peak_mb: dict[str, int] = field(default_factory=dict)
    #: document_id -> {"covered": n, "total": n, "percent": p}
    coverage: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: table -> rows read
    rows: dict[str, int] = field(default_factory=dict)
    #: notes about checks that could not run (a table unreadable, a rule skipped)
    skipped: list[str] = field(default_factory=list)
    #: problems found but not listed (beyond the per-rule cap)
    omitted: int = 0

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    @property
    def valid(self) -> bool:
        return not self.problems

    def grouped(self) -> dict[str, dict[str, list[Problem]]]:
        """table (or 'package') -> rule -> problems, tables in first-seen order."""
        groups: dict[str, dict[str, list[Problem]]] = defaultdict(lambda: defaultdict(list))
        for p in self.problems:
            groups[p.table or "package"][p.rule].append(p)
        return groups

    def summary(self) -> str:
        if self.valid:
            total = sum(self.rows.values())
            return f"valid: {self.package} ({total} rows in {len(self.rows)} tables)"
        rules = {p.rule for p in self.problems}
        tables = {p.table or "package" for p in self.problems}
        return (
            f"invalid: {self.package}: {len(self.problems) + self.omitted} problem(s), "
            f"{len(rules)} rule(s), {len(tables)} table(s)"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "package": self.package,
            "valid": self.valid,
            "summary": self.summary(),
            "problem_count": len(self.problems) + self.omitted,
            "omitted": self.omitted,
            "problems": [asdict(p) for p in self.problems],
            "groups": {table: {rule: len(ps) for rule, ps in rules.items()} for table, rules in self.grouped().items()},
            "rows": self.rows,
            "coverage": self.coverage,
            "skipped": self.skipped,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)
