"""CONTRIBUTING.md: its rules table is the code's (every rule id of hrdocs.validate.catalogue and validation/*.sql,
with advice for each), and its "Add a document" section works, step by step, on a copy of the package."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import contributing_rules
import pytest
from curate_helpers import REPO, TEXTS, copy_package, hrdocs, rows, write_rows

from hrdocs.text.spans import parse_spans, text_from_spans

CONTRIBUTING = REPO / "CONTRIBUTING.md"


def _section(title: str) -> str:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def _commands(section: str) -> list[str]:
    """The commands of the section's ```sh blocks, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    return [
        ln.strip() for block in blocks for ln in block.splitlines() if ln.strip() and not ln.strip().startswith("#")
    ]


def test_the_rules_table_is_the_codes() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    assert contributing_rules.render(text) == text, "run: .venv/bin/python tests/curate/contributing_rules.py"
    listed = contributing_rules.table_rows(text)
    assert [cells[0] for cells in listed] == [rule for rule, _, _ in contributing_rules.code_rules()]
    unwritten = [cells[0] for cells in listed if cells[-1] in ("", contributing_rules.TO_WRITE)]
    assert not unwritten, f"write the advice in CONTRIBUTING.md for: {', '.join(unwritten)}"


def test_a_new_rule_is_added_to_the_table_without_advice(tmp_path: Path) -> None:
    shutil.copytree(REPO / "validation", tmp_path / "validation")
    (tmp_path / "validation" / "paragraph_new_rule.sql").write_text(
        "-- rule: paragraph-new-rule\n-- table: paragraphs\n-- reads: paragraphs\n-- checks: Something new.\n"
        "SELECT 1 AS row, 'x' AS field, 'x' AS value, 'x' AS message WHERE false\n",
        encoding="utf-8",
    )
    rendered = contributing_rules.render(CONTRIBUTING.read_text(encoding="utf-8"), tmp_path)
    new = [cells for cells in contributing_rules.table_rows(rendered) if cells[0] == "paragraph-new-rule"]
    assert new == [["paragraph-new-rule", "tables", "Something new. (`validation/paragraph_new_rule.sql`)",
                    contributing_rules.TO_WRITE]]  # fmt: skip


def test_the_add_a_document_section_names_these_commands() -> None:
    assert _commands(_section("Add a document")) == [
        "hrdocs curate add ~/inbox/CCPR_C_GC_37.txt --id ccpr-c-gc-37",
        "hrdocs curate spans",
        "hrdocs curate gaps --document ccpr-c-gc-37",
        "hrdocs validate .",
        "make validate",
    ]


def _run(command: str, inbox: Path) -> tuple[int, str, str]:
    """One command of the section, run in the package copy (the current directory)."""
    if command == "make validate":  # the Makefile's validate target, in the copy
        code, out, err = hrdocs("validate", ".")
        if code:
            return code, out, err
        frictionless = subprocess.run(
            [str(Path(sys.executable).parent / "frictionless"), "validate", "datapackage.json"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        return frictionless.returncode, frictionless.stdout, frictionless.stderr
    args = command.replace("~/inbox/", f"{inbox}/").split()
    assert args[0] == "hrdocs"
    return hrdocs(*args[1:])


def test_add_a_document_step_by_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_package(tmp_path / "package")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(TEXTS / "gc37_en.txt", inbox / "CCPR_C_GC_37.txt")  # 1. the source, as received
    monkeypatch.chdir(root)
    monkeypatch.delenv("HRDOCS_PACKAGE", raising=False)
    add, spans, gaps, validate, make_validate = _commands(_section("Add a document"))

    # 2. add it
    code, _, err = _run(add, inbox)
    assert code == 0, err
    assert "documents: set document_type (drafted as 'other')" in err
    assert (root / "data/sources/ccpr-c-gc-37.txt").read_bytes() == (TEXTS / "gc37_en.txt").read_bytes()

    # 3. review and edit the CSVs: the documents row, an id renamed where rows point at it, a note checked,
    # a recommendation written with its text as printed and its spans left empty, the counts updated
    documents = rows(root, "documents")
    doc = next(r for r in documents if r["document_id"] == "ccpr-c-gc-37")
    assert (doc["body"], doc["document_type"]) == ("CCPR", "other")
    doc.update(document_type="general_comment", notes="General comment No. 37 (test text of tests/curate).")
    write_rows(root, "documents", documents)
    paragraphs = rows(root, "paragraphs")
    for row in paragraphs:
        for column in ("paragraph_id", "parent_id", "footnote_of"):
            if row[column] == "ccpr-c-gc-37.title1":
                row[column] = "ccpr-c-gc-37.title"
        if row["paragraph_id"] == "ccpr-c-gc-37.p5":
            assert row["notes"] == "Drafted, review: split by a page break"
            row["notes"] = "Split by a page break after 'or'."
    write_rows(root, "paragraphs", paragraphs)
    recommendations = rows(root, "recommendations")
    text = "States parties must publish their rules on assemblies."
    recommendations.append(
        dict.fromkeys(recommendations[0], "")
        | {"recommendation_id": "ccpr-c-gc-37.r8", "document_id": "ccpr-c-gc-37", "paragraph_id": "ccpr-c-gc-37.p8",
           "label": "8", "made_by_attributed": "Human Rights Committee", "verb": "must",
           "notes": "No subject printed in the paragraph: the Committee's own general comment (attribution).",
           "addressed_to": "States parties", "text": text}
    )  # fmt: skip
    write_rows(root, "recommendations", recommendations)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    expected = next(r for r in descriptor["resources"] if r["name"] == "recommendations")["hrdocs:expectedRows"]
    expected["total"] += 1
    expected["byDocument"]["ccpr-c-gc-37"] = 1
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", "utf-8")
    code, _, _ = hrdocs("validate", ".")
    assert code == 1  # the recommendation has no spans yet

    # 4. fill the spans
    code, _, err = _run(spans, inbox)
    assert code == 0, err
    assert "1 spans filled, 0 refused" in err
    row = next(r for r in rows(root, "recommendations") if r["recommendation_id"] == "ccpr-c-gc-37.r8")
    source = (root / "data/sources/ccpr-c-gc-37.txt").read_text(encoding="utf-8")
    assert row["text"] == text == text_from_spans(source, parse_spans(row["spans"]))

    # 5. nothing uncovered; 6. valid, also for frictionless
    code, out, err = _run(gaps, inbox)
    assert (code, out) == (0, ""), err
    code, out, err = _run(validate, inbox)
    assert code == 0, out + err
    assert "valid: ." in out
    code, out, _ = hrdocs("validate", ".", "--format", "json")
    coverage = json.loads(out)["coverage"]["ccpr-c-gc-37"]
    assert coverage["covered"] == coverage["total"] > 0
    code, out, err = _run(make_validate, inbox)
    assert code == 0, out + err
