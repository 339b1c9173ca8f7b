"""The dataset's own cross-table rules, one SQL file per rule in validation/, run by DuckDB.

Each file starts with a header of ``-- key: value`` comment lines:

    -- rule: paragraph-number-sequence          (the rule id reported)
    -- table: paragraphs                        (the table the reported rows belong to)
    -- reads: paragraphs, documents             (every table the query reads; skipped if one is unreadable)
    -- checks: Printed numbers run 1..n ...     (what it checks, one sentence, listed in validation/README.md)

and is one SELECT over the typed views (one per table, columns typed by the schema with TRY_CAST, plus
``__row``, the frictionless row number) returning one row per problem with the columns
``row`` (row number in ``table``, may be null), ``field``, ``value`` and ``message``. With --document, only
problems on the document's rows (and those with no row) are reported.

``validation/macros.sql`` (MACROS_FILE) is not a rule: it holds the ``CREATE MACRO`` statements (scalar and table
macros) that several rules share, such as ``spans_outside_paragraph``, and is run on the connection before the rules.
A macros file that fails to load is one ``rule-macros`` problem, and no rule runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hrdocs.validate.context import Context
from hrdocs.validate.report import Rule

STAGE = "tables"
RULE_FILE = Rule(
    "rule-file",
    STAGE,
    "every validation/*.sql file but macros.sql has the rule header (rule, table, reads, checks)",
    "cannot read a validation rule: {error}",
)
RULE_MACROS = Rule(
    "rule-macros",
    STAGE,
    "validation/macros.sql, the macros the rules share, loads into DuckDB",
    "cannot load the rules' macros: {error}",
)
RULES = (RULE_FILE, RULE_MACROS)
#: the file of validation/ holding the macros the rules share, run before them; it is not a rule
MACROS_FILE = "macros.sql"
#: the repository's validation/ folder, used when a package directory has none (an unpacked release)
TOOLKIT_RULES_DIR = Path(__file__).resolve().parents[3] / "validation"


@dataclass(frozen=True)
class SqlRule:
    rule: str
    table: str
    reads: tuple[str, ...]
    checks: str
    sql: str
    path: Path


def parse_rule(path: Path) -> SqlRule:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("--"):
            if line.strip():
                break
            continue
        key, sep, value = line[2:].strip().partition(":")
        if sep and key.strip() in ("rule", "table", "reads", "checks"):
            header[key.strip()] = value.strip()
        elif header.get("checks") and line[2:].startswith("  "):
            header["checks"] += " " + line[2:].strip()
    missing = {"rule", "table", "reads", "checks"} - set(header)
    if missing:
        raise ValueError(f"{path.name}: header lacks {', '.join(sorted(missing))}")
    reads = tuple(r.strip() for r in header["reads"].split(",") if r.strip())
    return SqlRule(header["rule"], header["table"], reads, header["checks"], text, path)


def rules_dir(root: Path) -> Path:
    own = root / "validation"
    return own if any(p.name != MACROS_FILE for p in own.glob("*.sql")) else TOOLKIT_RULES_DIR


def load_rules(root: Path) -> list[SqlRule]:
    return [parse_rule(p) for p in sorted(rules_dir(root).glob("*.sql")) if p.name != MACROS_FILE]


def load_macros(ctx: Context) -> bool:
    """Run validation/macros.sql (when the rules' folder has one) on the connection; False, with the problem
    reported, when it cannot be read or does not load."""
    import duckdb

    path = rules_dir(ctx.root) / MACROS_FILE
    if not path.is_file():
        return True
    try:
        ctx.cursor().execute(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, duckdb.Error) as exc:
        error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        ctx.problem(RULE_MACROS, RULE_MACROS.message(error=f"{MACROS_FILE}: {error}"), file=f"validation/{MACROS_FILE}")
        return False
    return True


def check_rules(ctx: Context) -> None:
    import duckdb

    assert ctx.package is not None
    try:
        rules = load_rules(ctx.root)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        ctx.problem(RULE_FILE, RULE_FILE.message(error=exc), file="validation")
        return
    if not load_macros(ctx):
        return
    if not rules:
        ctx.report.skipped.append(f"no validation rules found (looked in {rules_dir(ctx.root)})")
    names = {t.name for t in ctx.package.tables}
    for rule in rules:
        if not ctx.usable(*rule.reads):
            ctx.report.skipped.append(f"rule {rule.rule} not run: needs {', '.join(rule.reads)}")
            continue
        table = ctx.package.table(rule.table) if rule.table in names else None
        reported = Rule(rule.rule, STAGE, rule.checks)
        try:
            rows = ctx.sql(f"SELECT row, field, value, message FROM ({rule.sql.rstrip().rstrip(';')}) ORDER BY row")
        except duckdb.Error as exc:
            ctx.problem(
                reported,
                f"rule {rule.path.name} failed to run: {str(exc).splitlines()[0]}",
                table,
                file=f"validation/{rule.path.name}",
            )
            continue
        for row, field, value, message in rows:
            ctx.problem(reported, str(message), table, table_name=rule.table, row=row, column=field, value=value)
