"""The catalogue of rules checked in Python, gathered from the modules that declare and check them.

The dataset's own cross-table rules live in validation/*.sql, one file per rule, each naming its id in its
header; validation/README.md lists both kinds. A problem's ``rule`` is always one of these ids or a SQL rule id.
"""

from __future__ import annotations

from hrdocs.validate import columns, coverage, csv_files, descriptor, expected_rows, keys, provenance, rules, sources
from hrdocs.validate.report import Rule

#: every rule checked in Python, in the order the report lists the stages
RULES: tuple[Rule, ...] = (
    *descriptor.RULES,
    *csv_files.RULES,
    *sources.RULES,
    *columns.RULES,
    *keys.RULES,
    *expected_rows.RULES,
    *coverage.RULES,
    *rules.RULES,
    *provenance.RULES,
)
#: rule id -> (stage, what it checks)
BUILTIN_RULES: dict[str, tuple[str, str]] = {r.id: (r.stage, r.checks) for r in RULES}
