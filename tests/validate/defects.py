"""The defect catalogue: each entry is the valid fixture package with exactly one defect, the rule hrdocs must
report for it and where (table, row, column), and the exit code.

Rows are frictionless row numbers (header = 1). Fixture rows: documents CO=2, FU=3; paragraphs title=2,
summary=3, h16=4, p1=5, li-a=6, li-b=7, h-c=8, t-c=9, h-b=10, t-b=11, fn1=12; recommendations r16=2, r16-a=3,
r16-b=4; grades g16-a=2, g16-b=3; participants 2; grade_paragraphs 2, 3; participant_paragraphs 2; citations 2
(h16 citing CO, pinpoint 第16段); relations 2 (title: FU evaluates CO); sdg_targets 5=2, 5.2=3.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from validate_fixture import CO, FU, SOURCE_FILE, FixturePackage

Edit = Callable[[FixturePackage], None]
After = Callable[[Path], None]


@dataclass(frozen=True)
class Defect:
    id: str
    rule: str
    table: str | None
    row: int | None = None
    column: str | None = None
    line: int | None = None
    edit: Edit | None = None
    after: After | None = None
    exit_code: int = 1
    #: other rules the same single defect legitimately sets off (a cascade), beside ``rule``
    also: frozenset[str] = frozenset()
    #: the frictionless error type(s) for the same defect, when frictionless checks this kind of defect
    frictionless: tuple[str, ...] = ()


#: a .json source that is not a paragraphs-JSON array
_BAD_JSON = b'{"Text": "not a list"}'
_BAD_JSON_SHA256 = hashlib.sha256(_BAD_JSON).hexdigest()


def setf(table: str, index: int, **values: str) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        pkg.rows[table][index].update(values)

    return edit


def _fixture_spans(pkg: FixturePackage, text: str) -> str:
    start = pkg.source.index(text)
    return f"{start}-{start + len(text)}"


def add_row(table: str, **values: str) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        pkg.rows[table].append(dict(values))

    return edit


def duplicate(table: str, index: int) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        pkg.rows[table].append(dict(pkg.rows[table][index]))

    return edit


def rewrite(relative: str, fn: Callable[[bytes], bytes]) -> After:
    def after(root: Path) -> None:
        path = root / relative
        path.write_bytes(fn(path.read_bytes()))

    return after


def replace_line(number: int, fn: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        lines = data.split(b"\n")
        lines[number - 1] = fn(lines[number - 1])
        return b"\n".join(lines)

    return change


def descriptor_edit(fn: Callable[[dict], None]) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        fn(pkg.descriptor)

    return edit


def resource_edit(name: str, **values: object) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        pkg.resource(name).update(values)

    return edit


def remove(relative: str) -> After:
    def after(root: Path) -> None:
        (root / relative).unlink()

    return after


def own_rules(name: str, text: str) -> After:
    """The package gets its own validation/ rules (a copy of the toolkit's), with ``name`` written as ``text``."""

    def after(root: Path) -> None:
        from hrdocs.validate.rules import TOOLKIT_RULES_DIR

        for rule in TOOLKIT_RULES_DIR.glob("*.sql"):
            shutil.copyfile(rule, root / "validation" / rule.name)
        (root / "validation" / name).write_text(text, encoding="utf-8")

    return after


def schema_edit(table: str, fn: Callable[[dict], None]) -> After:
    def after(root: Path) -> None:
        path = root / "schemas" / f"{table}.schema.json"
        schema = json.loads(path.read_text(encoding="utf-8"))
        fn(schema)
        path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")

    return after


def source_edit(old: str, new: str) -> Edit:
    """Change the source text and the paragraph printing it, keeping every other rule satisfied."""

    def edit(pkg: FixturePackage) -> None:
        assert len(old) == len(new)
        pkg.source = pkg.source.replace(old, new)
        for row in pkg.rows["paragraphs"]:
            row["text"] = row["text"].replace(old, new)
            row["section"] = row.get("section", "").replace(old, new)

    return edit


def append_source(text: str) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        pkg.source += text

    return edit


def exclude(spans_text: str) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        start = pkg.source.index(spans_text)
        pkg.exclusions.append((FU, f"{start}-{start + len(spans_text)}", "page furniture"))

    return edit


def both(*edits: Edit) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        for e in edits:
            e(pkg)

    return edit


def append_row(table: str, **values: str) -> Edit:
    def edit(pkg: FixturePackage) -> None:
        pkg.rows[table].append(values)

    return edit


def participant_named(name: str, paragraph: str, **values: str) -> Edit:
    """Make the fixture's participant the one named ``name`` in ``paragraph`` (the spans found in the source)."""

    def edit(pkg: FixturePackage) -> None:
        row = pkg.rows["paragraphs"][[r["paragraph_id"] for r in pkg.rows["paragraphs"]].index(f"{FU}.{paragraph}")]
        start = int(row["spans"].split("-")[0])
        at = pkg.source.index(name, start)
        participant = pkg.rows["participants"][0]
        participant.update(name=name, name_spans=f"{at}-{at + len(name)}", **values)
        pkg.rows["participant_paragraphs"] = [
            {"participant_id": participant["participant_id"], "seq": "1", "paragraph_id": f"{FU}.{paragraph}"}
        ]

    return edit


def another_participant(pkg: FixturePackage, **values: str) -> None:
    """A second participant like the fixture's, named in t-b too (its participant_paragraphs row seq 1)."""
    pkg.rows["participants"].append({**pkg.rows["participants"][0], **values})
    pkg.rows["participant_paragraphs"].append(
        {"participant_id": values["participant_id"], "seq": "1", "paragraph_id": f"{FU}.t-b"}
    )


def second_footnote(pkg: FixturePackage) -> None:
    """A footnote 2 printed after footnote 1 (its marker on t-c), counted in the expected rows."""
    text = "2 见另一网站。"
    pkg.source += f"\n{text}\n"
    start = pkg.source.rindex(text)
    pkg.rows["paragraphs"].append(
        {
            "paragraph_id": f"{FU}.fn2",
            "document_id": FU,
            "seq": "12",
            "kind": "footnote",
            "number": "2",
            "footnote_of": f"{FU}.t-c",
            "text": text,
            "spans": f"{start}-{start + len(text)}",
        }
    )
    pkg.resource("paragraphs")["hrdocs:expectedRows"] = {"total": 12, "byDocument": {FU: 12}}


def _bad_type(schema: dict) -> None:
    schema["fields"][2]["type"] = "intger"


def _add_column(data: bytes) -> bytes:
    lines = data.rstrip(b"\n").split(b"\n")
    return b"\n".join([lines[0] + b",extra"] + [line + b",x" for line in lines[1:]]) + b"\n"


def _drop_column(name: str) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        import csv
        import io

        rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        index = rows[0].index(name)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in rows:
            writer.writerow(row[:index] + row[index + 1 :])
        return out.getvalue().encode("utf-8")

    return change


DEFECTS: list[Defect] = [
    # stage 1: descriptor and files
    Defect("invalid-json-descriptor", "", None, after=rewrite("datapackage.json", lambda b: b[:-5]), exit_code=2),
    Defect("descriptor-not-utf8", "", None, after=rewrite("datapackage.json", lambda b: b"\xff" + b), exit_code=2),
    Defect("missing-datapackage", "", None, after=remove("datapackage.json"), exit_code=2),
    Defect(
        "descriptor-invalid",
        "descriptor-invalid",
        None,
        edit=descriptor_edit(lambda d: d.__setitem__("licenses", "CC-BY-4.0")),
        frictionless=("package-error",),
    ),
    Defect(
        "schema-missing",
        "schema-missing",
        "participants",
        after=remove("schemas/participants.schema.json"),
        frictionless=("schema-error", "package-error", "resource-error"),
    ),
    Defect(
        "schema-invalid-type",
        "schema-invalid",
        "paragraphs",
        after=schema_edit("paragraphs", _bad_type),
        frictionless=("field-error", "schema-error", "package-error"),
    ),
    Defect(
        "schema-unknown-key",
        "schema-invalid",
        "grades",
        after=schema_edit("grades", lambda s: s.__setitem__("primaryKey", ["nope"])),
    ),
    Defect(
        "missing-file",
        "file-missing",
        "grades",
        after=remove("data/grades.csv"),
        frictionless=("scheme-error", "resource-error"),
    ),
    Defect(
        "bytes-mismatch",
        "file-bytes",
        "participants",
        edit=resource_edit("participants", bytes=1),
        frictionless=("byte-count",),
    ),
    Defect(
        "hash-mismatch",
        "file-hash",
        "participants",
        edit=resource_edit("participants", hash="sha256:" + "0" * 64),
        frictionless=("hash-count",),
    ),
    Defect(
        "tampered-source",
        "source-sha256",
        "documents",
        row=3,
        column="source_sha256",
        after=rewrite(SOURCE_FILE, lambda b: b + b"\n"),
    ),
    Defect(
        "source-missing",
        "source-missing",
        "documents",
        row=3,
        column="source_file",
        edit=setf("documents", 1, source_file="data/sources/gone.txt"),
        also=frozenset({"spans-no-source"}),
    ),
    Defect(
        "source-not-utf8",
        "source-encoding",
        "documents",
        row=3,
        column="source_file",
        after=rewrite(SOURCE_FILE, lambda b: b.replace("评价报告".encode(), b"\xff\xfe\xfd\xfc", 1)),
        also=frozenset({"source-sha256", "spans-no-source"}),
    ),
    Defect(
        # an emptied source fails its hash, and every span lies beyond it
        "source-empty",
        "source-sha256",
        "documents",
        row=3,
        column="source_sha256",
        after=rewrite(SOURCE_FILE, lambda b: b""),
        also=frozenset({"spans-out-of-range"}),
    ),
    Defect(
        "source-bom",
        "source-encoding",
        "documents",
        row=3,
        column="source_file",
        after=rewrite(SOURCE_FILE, lambda b: b"\xef\xbb\xbf" + b),
        also=frozenset({"source-sha256", "spans-text-mismatch", "coverage"}),
    ),
    Defect("bom", "csv-bom", "documents", line=1, after=rewrite("data/documents.csv", lambda b: b"\xef\xbb\xbf" + b)),
    Defect(
        "crlf",
        "csv-crlf",
        "documents",
        line=1,
        after=rewrite("data/documents.csv", lambda b: b.replace(b"\n", b"\r\n")),
    ),
    Defect(
        "non-utf8-cell",
        "csv-encoding",
        "participants",
        line=2,
        after=rewrite("data/participants.csv", lambda b: b.replace("马特基金会".encode(), b"\xff\xfe", 1)),
        frictionless=("encoding-error", "source-error"),
        also=frozenset({"foreign-key"}),
    ),
    Defect(
        "ragged-row-long",
        "csv-ragged",
        "participants",
        line=2,
        after=rewrite("data/participants.csv", replace_line(2, lambda b: b + b",extra")),
        frictionless=("extra-cell",),
        also=frozenset({"foreign-key"}),
    ),
    Defect(
        "ragged-row-short",
        "csv-ragged",
        "participants",
        line=2,
        after=rewrite("data/participants.csv", replace_line(2, lambda b: b.rsplit(b",", 1)[0])),
        frictionless=("missing-cell",),
        also=frozenset({"foreign-key"}),
    ),
    Defect(
        "unbalanced-quote",
        "csv-quote",
        "participants",
        line=2,
        after=rewrite("data/participants.csv", replace_line(2, lambda b: b.replace(b",", b',"', 1))),
        also=frozenset({"foreign-key"}),
    ),
    Defect(
        "extra-column",
        "csv-header",
        "participants",
        line=1,
        column="extra",
        after=rewrite("data/participants.csv", _add_column),
        frictionless=("extra-label",),
    ),
    Defect(
        "missing-column",
        "csv-header",
        "grades",
        line=1,
        column="notes",
        after=rewrite("data/grades.csv", _drop_column("notes")),
        frictionless=("missing-label",),
    ),
    Defect(
        "renamed-column",
        "csv-header",
        "grades",
        line=1,
        column="notes",
        after=rewrite("data/grades.csv", lambda b: b.replace(b",notes\n", b",note\n", 1)),
        frictionless=("incorrect-label",),
    ),
    # stage 2: columns
    Defect(
        "bad-category", "field-enum", "participants", row=2, column="kind", edit=setf("participants", 0, kind="robot")
    ),
    Defect(
        "bad-enum-grade",
        "field-enum",
        "grades",
        row=2,
        column="grade",
        edit=setf("grades", 0, grade="Z"),
        also=frozenset({"grade-heading", "grade-summary-line"}),
    ),
    Defect(
        "null-required",
        "field-required",
        "recommendations",
        row=2,
        column="verb",
        edit=setf("recommendations", 0, verb=""),
        frictionless=("constraint-error",),
    ),
    Defect(
        # stage 2 sends a required column with no other rule (paragraphs.document_id) as '' or null: still caught
        "null-required-placeholder",
        "field-required",
        "paragraphs",
        row=9,
        column="document_id",
        edit=setf("paragraphs", 7, document_id=""),
        # the paragraph then belongs to no document: its document's counts, seq run and coverage fail too
        also=frozenset({"expected-rows", "paragraph-seq-sequence", "coverage"}),
        frictionless=("constraint-error",),
    ),
    Defect(
        "null-required-text",
        "field-required",
        "paragraphs",
        row=9,
        column="text",
        edit=setf("paragraphs", 7, text=""),
        also=frozenset({"grade-status-in-text"}),
        frictionless=("constraint-error",),
    ),
    Defect(
        "pattern",
        "field-pattern",
        "documents",
        row=2,
        column="country_iso3",
        edit=setf("documents", 0, country_iso3="Aze"),
        frictionless=("constraint-error",),
    ),
    Defect(
        "integer-decimal",
        "field-type",
        "paragraphs",
        row=4,
        column="level",
        edit=setf("paragraphs", 2, level="1.5"),
        frictionless=("type-error",),
    ),
    Defect(
        "integer-point-zero",
        "field-type",
        "documents",
        row=2,
        column="session_number",
        edit=setf("documents", 0, session_number="33.0"),
        frictionless=("type-error",),
    ),
    Defect(
        "integer-exponent",
        "field-type",
        "documents",
        row=2,
        column="session_number",
        edit=setf("documents", 0, session_number="1e3"),
        frictionless=("type-error",),
    ),
    Defect(
        "bad-date",
        "field-type",
        "documents",
        row=2,
        column="date_published",
        edit=setf("documents", 0, date_published="2021-02-30"),
        frictionless=("type-error",),
    ),
    Defect(
        "date-format",
        "field-type",
        "participants",
        row=2,
        column="date_submitted",
        edit=setf("participants", 0, date_submitted="10/05/2024"),
        frictionless=("type-error",),
    ),
    Defect(
        "bad-boolean",
        "field-type",
        "documents",
        row=2,
        column="has_text",
        edit=setf("documents", 0, has_text="yes"),
        frictionless=("type-error",),
    ),
    Defect(
        "date-out-of-range",
        "field-minimum",
        "documents",
        row=2,
        column="date_published",
        edit=setf("documents", 0, date_published="1900-01-01"),
        frictionless=("constraint-error",),
    ),
    Defect(
        "integer-above-maximum",
        "field-maximum",
        "paragraphs",
        row=4,
        column="level",
        edit=setf("paragraphs", 2, level="7"),
        frictionless=("constraint-error",),
    ),
    Defect(
        "integer-below-minimum",
        "field-minimum",
        "documents",
        row=2,
        column="session_number",
        edit=setf("documents", 0, session_number="0"),
        frictionless=("constraint-error",),
    ),
    Defect(
        "too-long",
        "field-max-length",
        "participants",
        row=2,
        column="participant_id",
        edit=both(
            setf("participants", 0, participant_id=f"{FU}." + "x" * 120),
            setf("participant_paragraphs", 0, participant_id=f"{FU}." + "x" * 120),
        ),
        frictionless=("constraint-error",),
    ),
    # stage 3: keys
    Defect(
        "duplicate-primary-key",
        "primary-key",
        "participants",
        row=3,
        column="participant_id",
        edit=duplicate("participants", 0),
        frictionless=("primary-key",),
        # the copy lists the same entity twice, and its participant_id's paragraph rows join twice
        also=frozenset({"participant-list-order", "participant-paragraphs-exist"}),
    ),
    Defect(
        "duplicate-unique-field",
        "field-unique",
        "documents",
        row=3,
        column="symbol",
        edit=setf("documents", 1, symbol="CMW/C/AZE/CO/3"),
        frictionless=("unique-error",),
    ),
    Defect(
        "duplicate-unique-key",
        "unique-key",
        "paragraphs",
        row=12,
        column="document_id,seq",
        edit=setf("paragraphs", 10, seq="10"),
        also=frozenset({"paragraph-seq-sequence"}),
    ),
    Defect(
        "dangling-foreign-key",
        "foreign-key",
        "recommendations",
        row=2,
        column="made_by_participant_id",
        edit=setf("recommendations", 0, made_by_participant_id=f"{FU}.nobody"),
        frictionless=("foreign-key",),
    ),
    Defect(
        "dangling-self-foreign-key",
        "foreign-key",
        "paragraphs",
        row=12,
        column="footnote_of",
        edit=setf("paragraphs", 10, footnote_of=f"{FU}.nowhere"),
        frictionless=("foreign-key",),
    ),
    # stage 3: the dataset's rules (validation/*.sql)
    Defect("rule-without-header", "rule-file", None, after=own_rules("paragraph_new_rule.sql", "SELECT 1\n")),
    Defect(
        "macros-do-not-load",
        "rule-macros",
        None,
        after=own_rules(
            "macros.sql", "CREATE OR REPLACE MACRO span_start(s) AS TRY_CAST(split_part(s, '-', 1) AS BIGINT;\n"
        ),
    ),
    Defect(
        "paragraph-number-gap",
        "paragraph-number-sequence",
        "paragraphs",
        row=12,
        column="number",
        edit=setf("paragraphs", 10, number="2"),
        also=frozenset({"paragraph-marker-printed"}),  # the text still prints 1
    ),
    Defect(
        "seq-gap", "paragraph-seq-sequence", "paragraphs", row=12, column="seq", edit=setf("paragraphs", 10, seq="13")
    ),
    Defect(
        "recommendation-cycle",
        "recommendation-parent-cycle",
        "recommendations",
        row=2,
        column="parent_id",
        edit=setf("recommendations", 0, parent_id=f"{CO}.r16-a"),
        also=frozenset({"recommendation-label-parent"}),
    ),
    Defect(
        "paragraph-cycle",
        "paragraph-parent-cycle",
        "paragraphs",
        row=4,
        column="parent_id",
        edit=setf("paragraphs", 2, parent_id=f"{FU}.p1"),
        also=frozenset({"paragraph-parent-order"}),  # p1 comes after h16
    ),
    Defect(
        "label-not-under-parent",
        "recommendation-label-parent",
        "recommendations",
        row=4,
        column="label",
        edit=setf("recommendations", 2, label="16(b)(一)"),
    ),
    Defect(
        "footnote-of-missing",
        "paragraph-footnote-of",
        "paragraphs",
        row=12,
        column="footnote_of",
        edit=setf("paragraphs", 10, footnote_of=""),
    ),
    Defect(
        "has-text-without-source",
        "document-has-text",
        "documents",
        row=2,
        column="source_file",
        edit=setf("documents", 0, has_text="true"),
    ),
    Defect(
        "grade-not-follow-up",
        "grade-document-follow-up",
        "grades",
        row=2,
        column="document_id",
        edit=setf("documents", 1, document_type="report"),
    ),
    Defect(
        "grade-status-not-in-text",
        "grade-status-in-text",
        "grades",
        row=2,
        column="implementation_status",
        edit=setf("grades", 0, implementation_status="已得到全面执行"),
    ),
    Defect(
        "grade-heading-label",
        "grade-heading",
        "grades",
        row=2,
        column="assessment_label",
        edit=setf("grades", 0, assessment_label="第 17 段(a)项"),
    ),
    Defect(
        "grade-summary-mismatch",
        "grade-summary-line",
        "paragraphs",
        row=3,
        column="text",
        edit=source_edit("16 [C] [B]", "16 [C] [F]"),
    ),
    Defect(
        "grade-text-paragraph-seq",
        "grade-text-paragraphs-exist",
        "grade_paragraphs",
        row=2,
        column="seq",
        edit=setf("grade_paragraphs", 0, seq="2"),
    ),
    Defect(
        "grade-text-paragraph-order",
        "grade-text-paragraphs-exist",
        "grade_paragraphs",
        row=4,
        column="seq",
        edit=add_row("grade_paragraphs", grade_id=f"{FU}.g16-a", seq="2", paragraph_id=f"{FU}.summary"),
        also=frozenset({"grade-text-paragraphs-in-block"}),  # the summary line is not under the [C] heading
    ),
    Defect(
        "grade-text-paragraph-dangling",
        "foreign-key",
        "grade_paragraphs",
        row=2,
        column="paragraph_id",
        edit=setf("grade_paragraphs", 0, paragraph_id=f"{FU}.nope"),
        also=frozenset({"grade-status-in-text"}),
    ),
    Defect(
        "grade-without-text",
        "grade-has-text",
        "grades",
        row=2,
        column="grade_id",
        edit=lambda pkg: pkg.rows["grade_paragraphs"].pop(0),
        also=frozenset({"grade-status-in-text"}),
    ),
    Defect(
        "participant-paragraph-seq",
        "participant-paragraphs-exist",
        "participant_paragraphs",
        row=2,
        column="seq",
        edit=setf("participant_paragraphs", 0, seq="3"),
        also=frozenset({"participant-spans-in-paragraph"}),
    ),
    Defect(
        "participant-without-paragraphs",
        "participant-has-paragraphs",
        "participants",
        row=2,
        column="participant_id",
        edit=lambda pkg: pkg.rows["participant_paragraphs"].clear(),
    ),
    Defect(
        "recommendation-outside-paragraph",
        "recommendation-spans-in-paragraph",
        "recommendations",
        row=2,
        column="spans",
        edit=setf("recommendations", 0, paragraph_id=f"{FU}.li-a"),
        also=frozenset({"recommendation-made-by-printed"}),  # li-a does not print 委员会
    ),
    Defect(
        "participant-outside-paragraph",
        "participant-spans-in-paragraph",
        "participants",
        row=2,
        column="name_spans",
        edit=setf("participant_paragraphs", 0, paragraph_id=f"{FU}.t-c"),
    ),
    # links: citations, relations, the recommendations scope rule
    Defect(
        "citation-pinpoint-outside",
        "citation-pinpoint-in-spans",
        "citations",
        row=2,
        column="pinpoint_spans",
        edit=lambda pkg: pkg.rows["citations"][0].update(
            pinpoint="评价报告", pinpoint_spans=_fixture_spans(pkg, "评价报告")
        ),
    ),
    Defect(
        "citation-outside-paragraph",
        "citation-spans-in-paragraph",
        "citations",
        row=2,
        column="spans",
        edit=setf("citations", 0, paragraph_id=f"{FU}.p1"),
    ),
    Defect(
        "citation-cites-both",
        "citation-cites-one",
        "citations",
        row=2,
        column="cited_document_id",
        edit=setf("citations", 0, cited_sdg_target="5.2"),
    ),
    Defect(
        "citation-cites-nothing",
        "citation-cites-one",
        "citations",
        row=2,
        column="cited_document_id",
        edit=setf("citations", 0, cited_document_id=""),
    ),
    Defect(
        "citation-document-missing",
        "foreign-key",
        "citations",
        row=2,
        column="cited_document_id",
        edit=setf("citations", 0, cited_document_id="a-res-0-0"),
        frictionless=("foreign-key",),
    ),
    Defect(
        "citation-sdg-target-missing",
        "foreign-key",
        "citations",
        row=2,
        column="cited_sdg_target",
        edit=setf("citations", 0, cited_document_id="", cited_sdg_target="5.9"),
        frictionless=("foreign-key",),
    ),
    Defect(
        "citation-bad-how",
        "field-enum",
        "citations",
        row=2,
        column="how",
        edit=setf("citations", 0, how="quoted"),
    ),
    Defect(
        "citation-cites-itself",
        "citation-recommendation-document",
        "citations",
        row=2,
        column="cited_document_id",
        edit=setf("citations", 0, cited_document_id=FU),
    ),
    Defect(
        "citation-in-recommendation-unnamed",
        "citation-in-recommendation",
        "citations",
        row=2,
        column="recommendation_id",
        # a citation printed inside recommendation r16 (委员会建议缔约国) that does not name it
        edit=lambda pkg: pkg.rows["citations"][0].update(
            paragraph_id=f"{FU}.p1",
            text="委员会建议",
            spans=_fixture_spans(pkg, "委员会建议"),
            pinpoint="",
            pinpoint_spans="",
        ),
    ),
    Defect(
        "relation-outside-paragraph",
        "relation-spans-in-paragraph",
        "relations",
        row=2,
        column="spans",
        edit=setf("relations", 0, paragraph_id=f"{FU}.h16"),
    ),
    Defect(
        "relation-bad-kind",
        "field-enum",
        "relations",
        row=2,
        column="relation",
        edit=setf("relations", 0, relation="cites"),
    ),
    Defect(
        "recommendation-verb-not-printed",
        "recommendation-verb-printed",
        "recommendations",
        row=2,
        column="verb",
        edit=setf("recommendations", 0, verb="敦促"),
    ),
    Defect(
        "recommendation-verb-outside-vocabulary",
        "field-enum",
        "recommendations",
        row=2,
        column="verb",
        edit=setf("recommendations", 0, verb="认为"),
        also=frozenset({"recommendation-verb-printed"}),
    ),
    Defect(
        "recommendation-made-by-not-printed",
        "recommendation-made-by-printed",
        "recommendations",
        row=2,
        column="made_by",
        edit=setf("recommendations", 0, made_by="秘书长"),
    ),
    Defect(
        "recommendation-made-by-and-attributed",
        "recommendation-made-by-printed",
        "recommendations",
        row=2,
        column="made_by",
        edit=setf("recommendations", 0, made_by_attributed="与会者", notes="attributed"),
    ),
    Defect(
        "recommendation-attributed-without-note",
        "recommendation-made-by-printed",
        "recommendations",
        row=2,
        column="notes",
        edit=setf("recommendations", 0, made_by="", made_by_attributed="委员会"),
    ),
    Defect(
        "recommendation-theme-not-a-heading",
        "recommendation-theme-heading",
        "recommendations",
        row=2,
        column="theme",
        edit=both(
            setf("recommendations", 0, theme="贩运人口"),
            setf("recommendations", 1, theme="全面的政策和战略"),
            setf("recommendations", 2, theme="全面的政策和战略"),
        ),
    ),
    Defect(
        "recommendation-theme-missing",
        "recommendation-theme-heading",
        "recommendations",
        row=4,
        column="theme",
        edit=both(
            setf("recommendations", 0, theme="全面的政策和战略"), setf("recommendations", 1, theme="全面的政策和战略")
        ),
    ),
    Defect(
        "expected-rows-total",
        "expected-rows",
        "paragraphs",
        edit=resource_edit("paragraphs", **{"hrdocs:expectedRows": {"total": 12}}),
    ),
    Defect(
        "expected-rows-by-document",
        "expected-rows",
        "paragraphs",
        column="document_id",
        edit=resource_edit("paragraphs", **{"hrdocs:expectedRows": {"total": 11, "byDocument": {FU: 10}}}),
    ),
    Defect(
        "uncovered-source-text",
        "coverage",
        "documents",
        row=3,
        column="source_file",
        edit=append_source("\n未收录的文字。\n"),
    ),
    Defect(
        "bad-exclusion",
        "coverage-exclusion",
        "coverage",
        row=2,
        column="spans",
        edit=lambda pkg: pkg.exclusions.append((FU, "9-3", "reversed")),
    ),
    # stage 3: rules carried over from the retired per-document check scripts (scripts/curation/)
    Defect(
        "seq-out-of-source-order",
        "paragraph-seq-source-order",
        "paragraphs",
        row=6,
        column="seq",
        edit=both(setf("paragraphs", 4, seq="6"), setf("paragraphs", 5, seq="5")),
    ),
    Defect(
        # t-c numbered 1 after p1 numbered 2: 1, 2 has no gap, but reads 2 then 1 (neither text prints its number)
        "number-out-of-reading-order",
        "paragraph-number-order",
        "paragraphs",
        row=9,
        column="number",
        edit=both(setf("paragraphs", 3, number="2"), setf("paragraphs", 7, number="1")),
        also=frozenset({"paragraph-marker-printed"}),
    ),
    Defect(
        "label-not-printed",
        "paragraph-marker-printed",
        "paragraphs",
        row=6,
        column="label",
        edit=setf("paragraphs", 4, label="(b)"),
    ),
    Defect(
        "label-prefix-of-a-word",
        "paragraph-marker-printed",
        "paragraphs",
        row=2,
        column="label",
        edit=setf("paragraphs", 0, label="评"),
    ),
    Defect(
        "paragraph-number-not-printed",
        "paragraph-marker-printed",
        "paragraphs",
        row=9,
        column="number",
        # t-c numbered 2: p1 prints its number 1., so every numbered paragraph of the document must
        edit=setf("paragraphs", 7, number="2"),
    ),
    Defect(
        "footnote-number-not-printed",
        "paragraph-marker-printed",
        "paragraphs",
        row=12,
        column="number",
        # a second footnote prints its number 2; the first no longer prints its 1
        edit=both(source_edit("1 见网站", "1.见网站"), second_footnote),
    ),
    Defect(
        "parent-after-child",
        "paragraph-parent-order",
        "paragraphs",
        row=2,
        column="parent_id",
        edit=setf("paragraphs", 0, parent_id=f"{FU}.fn1"),
    ),
    Defect(
        "section-stale",
        "paragraph-section",
        "paragraphs",
        row=5,
        column="section",
        edit=setf("paragraphs", 3, section="第17段: 全面的政策和战略"),
    ),
    Defect(
        "section-without-heading",
        "paragraph-section",
        "paragraphs",
        row=12,
        column="section",
        edit=setf("paragraphs", 10, section="第16段: 全面的政策和战略"),
    ),
    Defect(
        "grade-heading-unlabelled",
        "grade-heading",
        "grades",
        row=2,
        column="grade",
        edit=setf("paragraphs", 6, label=""),
    ),
    Defect(
        "grade-heading-form",
        "grade-heading",
        "grades",
        row=2,
        column="assessment_label",
        edit=source_edit("[C]: 第 16", "[C]— 第 16"),
    ),
    Defect(
        # a heading turned into a table row: the paragraphs under it lose it from their section too
        "grade-heading-not-heading",
        "grade-heading",
        "grades",
        row=2,
        column="assessment_paragraph_id",
        edit=setf("paragraphs", 6, kind="table_row"),
        also=frozenset({"paragraph-section"}),
    ),
    Defect(
        # g16-a's text goes on into t-b, which sits under the [B] heading
        "grade-text-outside-block",
        "grade-text-paragraphs-in-block",
        "grade_paragraphs",
        row=4,
        column="paragraph_id",
        edit=add_row("grade_paragraphs", grade_id=f"{FU}.g16-a", seq="2", paragraph_id=f"{FU}.t-b"),
    ),
    Defect(
        # 16(a) without its chapeau: nor does its own paragraph print its verb or who made it
        "sub-paragraph-without-parent",
        "recommendation-label-parent",
        "recommendations",
        row=3,
        column="parent_id",
        edit=setf("recommendations", 1, parent_id=""),
        also=frozenset({"recommendation-verb-printed", "recommendation-made-by-printed"}),
    ),
    Defect(
        "addressee-not-printed",
        "recommendation-printed-words",
        "recommendations",
        row=2,
        column="addressed_to",
        edit=setf("recommendations", 0, addressed_to="各国"),
    ),
    Defect(
        # r16's text cut to 委员会建议: its paragraph prints 缔约国 only after it
        "made-by-printed-after",
        "recommendation-printed-words",
        "recommendations",
        row=2,
        column="made_by",
        edit=lambda pkg: pkg.rows["recommendations"][0].update(
            text="委员会建议",
            spans=_fixture_spans(pkg, "委员会建议"),
            made_by="缔约国",
            addressed_to="",
            addressed_to_kind="",
        ),
    ),
    Defect(
        "addressee-without-kind",
        "recommendation-addressee-kind",
        "recommendations",
        row=2,
        column="addressed_to_kind",
        edit=setf("recommendations", 0, addressed_to_kind=""),
    ),
    Defect(
        # only a follow-up evaluation's own request (with a note) is to the State party without a printed addressee
        "kind-without-addressee",
        "recommendation-addressee-kind",
        "recommendations",
        row=2,
        column="addressed_to_kind",
        edit=setf("recommendations", 0, addressed_to="", notes="no addressee printed"),
    ),
    Defect(
        "made-by-participant-elsewhere",
        "recommendation-made-by-participant",
        "recommendations",
        row=2,
        column="made_by_participant_id",
        edit=setf("recommendations", 0, made_by_participant_id=f"{FU}.mat-foundation"),
    ),
    Defect(
        # t-c (seq 8) listed after t-b (seq 10): participant-paragraphs-exist checks the reading order
        "participant-paragraphs-out-of-order",
        "participant-paragraphs-exist",
        "participant_paragraphs",
        row=3,
        column="seq",
        edit=add_row(
            "participant_paragraphs", participant_id=f"{FU}.mat-foundation", seq="2", paragraph_id=f"{FU}.t-c"
        ),
    ),
    Defect(
        "participant-paragraph-repeated",
        "unique-key",
        "participant_paragraphs",
        row=3,
        column="participant_id,paragraph_id",
        edit=add_row(
            "participant_paragraphs", participant_id=f"{FU}.mat-foundation", seq="2", paragraph_id=f"{FU}.t-b"
        ),
        also=frozenset({"participant-paragraphs-exist"}),
    ),
    Defect(
        "person-paragraph-not-listed",
        "participant-paragraphs-complete",
        "participants",
        row=2,
        column="participant_id",
        edit=participant_named("委员会", "t-b", kind="person", entity_id="person-committee"),
    ),
    Defect(
        "state-representative-not-listed",
        "participant-paragraphs-complete",
        "participants",
        row=2,
        column="participant_id",
        edit=both(
            source_edit("马特基金会提交了资料", "马特基金会代表提交了"),
            participant_named("马特基金会", "t-b", kind="state", entity_id="state-aze", country_iso3="AZE"),
            setf("participant_paragraphs", 0, paragraph_id=f"{FU}.t-c"),
        ),
        also=frozenset({"participant-spans-in-paragraph"}),
    ),
    Defect(
        # 委员会 is printed before 马特基金会 in t-b, but its row comes after
        "participant-list-out-of-printed-order",
        "participant-list-order",
        "participants",
        row=3,
        column="name_spans",
        edit=lambda pkg: another_participant(
            pkg,
            participant_id=f"{FU}.committee",
            entity_id="org-committee",
            name="委员会",
            name_spans=(lambda at: f"{at}-{at + 3}")(pkg.source.index("委员会认为该建议已得到部分执行")),
        ),
    ),
    Defect(
        "participant-listed-twice",
        "participant-list-order",
        "participants",
        row=3,
        column="entity_id",
        edit=lambda pkg: another_participant(pkg, participant_id=f"{FU}.mat-foundation-2"),
    ),
    Defect(
        "state-entity-of-other-kind",
        "participant-state-entity",
        "participants",
        row=2,
        column="entity_id",
        edit=setf("participants", 0, entity_id="state-aze"),
    ),
    Defect(
        "state-entity-other-country",
        "participant-state-entity",
        "participants",
        row=2,
        column="entity_id",
        edit=setf("participants", 0, kind="state", entity_id="state-arm", country_iso3="AZE"),
    ),
    Defect(
        "mode-does-not-fit-role",
        "participant-mode-role",
        "participants",
        row=2,
        column="mode",
        edit=setf("participants", 0, role="panellist"),
    ),
    Defect(
        "country-code-unassigned",
        "participant-country-code",
        "participants",
        row=2,
        column="country_iso3",
        edit=setf("participants", 0, country_iso3="XYZ"),
    ),
    Defect(
        "paragraph-id-other-document",
        "paragraph-id-document",
        "paragraphs",
        row=12,
        column="paragraph_id",
        edit=setf("paragraphs", 10, paragraph_id="cmw-aze-fu-2.fn1"),
    ),
    Defect(
        "recommendation-id-other-document",
        "recommendation-id-document",
        "recommendations",
        row=4,
        column="recommendation_id",
        edit=both(
            setf("recommendations", 2, recommendation_id="cmw-c-aze-co-4.r16-b"),
            setf("grades", 1, recommendation_id="cmw-c-aze-co-4.r16-b"),
        ),
    ),
    Defect(
        "grade-id-other-document",
        "grade-id-document",
        "grades",
        row=2,
        column="grade_id",
        edit=both(setf("grades", 0, grade_id=f"{CO}.g16-a"), setf("grade_paragraphs", 0, grade_id=f"{CO}.g16-a")),
    ),
    Defect(
        "participant-id-other-document",
        "participant-id-document",
        "participants",
        row=2,
        column="participant_id",
        edit=both(
            setf("participants", 0, participant_id=f"{CO}.mat-foundation"),
            setf("participant_paragraphs", 0, participant_id=f"{CO}.mat-foundation"),
        ),
    ),
    Defect(
        "document-cited-by-no-one",
        "document-referenced",
        "documents",
        row=4,
        column="document_id",
        edit=append_row(
            "documents",
            document_id="hrc-res-99-1",
            title="人权理事会第 99/1 号决议",
            body="HRC",
            document_type="resolution",
            has_text="false",
        ),
    ),
    # stage 4: provenance
    Defect(
        "span-out-of-range",
        "spans-out-of-range",
        "participants",
        row=2,
        column="name_spans",
        edit=setf("participants", 0, name_spans="5000-5005"),
        also=frozenset({"participant-spans-in-paragraph"}),
    ),
    Defect(
        "span-text-mismatch",
        "spans-text-mismatch",
        "participants",
        row=2,
        column="name",
        edit=setf("participants", 0, name="马特基金"),
    ),
    Defect(
        "span-reversed",
        "spans-malformed",
        "recommendations",
        row=3,
        column="spans",
        edit=setf("recommendations", 1, spans="90-80"),
        also=frozenset({"recommendation-spans-in-paragraph"}),
    ),
    Defect(
        "span-malformed-pattern",
        "field-pattern",
        "recommendations",
        row=3,
        column="spans",
        edit=setf("recommendations", 1, spans="80..90"),
    ),
    Defect(
        "paragraph-text-mismatch",
        "spans-text-mismatch",
        "paragraphs",
        row=9,
        column="text",
        edit=setf("paragraphs", 7, text="委员会认为该建议已得到执行。"),
        also=frozenset({"grade-status-in-text"}),
    ),
    Defect(
        "annotation-label-not-in-vocabulary",
        "foreign-key",
        "annotations",
        row=2,
        column="vocabulary,label",
        edit=setf("annotations", 0, label="Migrant"),
        frictionless=("foreign-key",),
    ),
    Defect(
        "annotation-unknown-annotator",
        "field-enum",
        "annotations",
        row=2,
        column="annotator",
        edit=setf("annotations", 0, annotator="UN"),
    ),
    Defect(
        "json-source-not-paragraphs",
        "source-format",
        "documents",
        row=3,
        column="source_file",
        edit=setf("documents", 1, source_file="data/sources/fu.json", source_sha256=_BAD_JSON_SHA256),
        after=lambda root: (root / "data/sources/fu.json").write_bytes(_BAD_JSON),
        also=frozenset({"spans-no-source"}),
    ),
]
