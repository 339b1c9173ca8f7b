"""A small VALID package for the validator's tests, built from the repository's real schemas/.

One follow-up evaluation with a short Chinese source text (with conversion artefacts: a Markdown heading,
emphasis, a page break and a <sup> footnote marker), the concluding observations it assesses, and a few rows
per table satisfying every rule. Spans are computed with hrdocs.text.locate, so the fixture follows the
normalisation; columns come from the schemas, so it follows schema changes (fields it does not set are empty).

Tests build it in a temporary directory, change exactly one thing, and validate.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hrdocs.metadata import load_package
from hrdocs.text.locate import locate
from hrdocs.text.spans import format_spans

REPO = Path(__file__).resolve().parents[2]

FU = "cmw-aze-fu"
CO = "cmw-c-aze-co-3"
SOURCE_FILE = "data/sources/fu.txt"

SOURCE = (
    "# 评价报告\n"
    "\n"
    "委员会的评价:\t16 [C] [B]\n"
    "\n"
    "## 第16段: 全面的政策和战略\n"
    "\n"
    "1. 委员会建议缔约国:\n"
    "\n"
    "(a) 通过国家移民战略;\n"
    "\n"
    "(b) 保障**移民**权利。\n"
    "\n"
    "### [C]: 第 16 段(a)项\n"
    "\n"
    "委员会认为该建议尚未得到执行。\n"
    "\n"
    "### [B]: 第 16 段(b)项\n"
    "\n"
    "委员会认为该建议已得到部分执行。\n"
    "\n"
    "马特基金会提交了资料。<sup>1</sup>\n"
    "\n"
    "1 见网站。\n"
)


def _spans(text: str, after: int = 0) -> str:
    found = locate(SOURCE, text, after)
    assert found is not None, f"fixture text not in source: {text!r}"
    return format_spans(found)


def _paragraphs() -> list[dict[str, str]]:
    def p(local: str, seq: int, kind: str, text: str, **extra: str) -> dict[str, str]:
        return {
            "paragraph_id": f"{FU}.{local}",
            "document_id": FU,
            "seq": str(seq),
            "kind": kind,
            "text": text,
            "spans": _spans(text),
            **extra,
        }

    return [
        p("title", 1, "title", "评价报告"),
        p("summary", 2, "table_row", "委员会的评价:\t16 [C] [B]"),
        p("h16", 3, "heading", "第16段: 全面的政策和战略", level="1"),
        p("p1", 4, "paragraph", "1. 委员会建议缔约国:", number="1", parent_id=f"{FU}.h16"),
        p("li-a", 5, "list_item", "(a) 通过国家移民战略;", label="(a)", level="1", parent_id=f"{FU}.p1"),
        p("li-b", 6, "list_item", "(b) 保障移民权利。", label="(b)", level="1", parent_id=f"{FU}.p1"),
        p("h-c", 7, "heading", "[C]: 第 16 段(a)项", label="[C]", level="2", parent_id=f"{FU}.h16"),
        p("t-c", 8, "paragraph", "委员会认为该建议尚未得到执行。", parent_id=f"{FU}.h-c"),
        p("h-b", 9, "heading", "[B]: 第 16 段(b)项", label="[B]", level="2", parent_id=f"{FU}.h16"),
        p("t-b", 10, "paragraph", "委员会认为该建议已得到部分执行。马特基金会提交了资料。¹", parent_id=f"{FU}.h-b"),
        p("fn1", 11, "footnote", "1 见网站。", number="1", footnote_of=f"{FU}.t-b"),
    ]


SOURCE_SHA256 = hashlib.sha256(SOURCE.encode("utf-8")).hexdigest()


def _rows() -> dict[str, list[dict[str, str]]]:
    sha = SOURCE_SHA256
    documents = [
        {
            "document_id": CO,
            "symbol": "CMW/C/AZE/CO/3",
            "title": "关于阿塞拜疆第三次定期报告的结论性意见",
            "body": "CMW",
            "document_type": "concluding_observations",
            "date_published": "2021-10-08",
            "session_number": "33",
            "country_iso3": "AZE",
            "has_text": "false",
        },
        {
            "document_id": FU,
            "title": "对阿塞拜疆结论性意见后续行动资料的评价",
            "body": "CMW",
            "document_type": "follow_up_evaluation",
            "language": "zh",
            "original_language": "en",
            "date_published": "2026-03-02",
            "session": "第三十九届会议",
            "session_number": "39",
            "country_iso3": "AZE",
            "has_text": "true",
            "source_file": SOURCE_FILE,
            "source_sha256": sha,
        },
    ]
    recommendations = [
        {
            "recommendation_id": f"{CO}.r16",
            "document_id": CO,
            "paragraph_id": f"{FU}.p1",
            "label": "16",
            "made_by": "委员会",
            "addressed_to": "缔约国",
            "addressed_to_kind": "state_party",
            "country_iso3": "AZE",
            "verb": "建议",
            "text": "委员会建议缔约国",
            "spans": _spans("委员会建议缔约国"),
        },
        {
            "recommendation_id": f"{CO}.r16-a",
            "document_id": CO,
            "paragraph_id": f"{FU}.li-a",
            "label": "16(a)",
            "parent_id": f"{CO}.r16",
            "made_by": "委员会",
            "verb": "建议",
            "text": "通过国家移民战略",
            "spans": _spans("通过国家移民战略"),
        },
        {
            "recommendation_id": f"{CO}.r16-b",
            "document_id": CO,
            "paragraph_id": f"{FU}.li-b",
            "label": "16(b)",
            "parent_id": f"{CO}.r16",
            "made_by": "委员会",
            "verb": "建议",
            "text": "保障移民权利",
            "spans": _spans("保障移民权利"),
        },
    ]
    grades = [
        {
            "grade_id": f"{FU}.g16-a",
            "recommendation_id": f"{CO}.r16-a",
            "document_id": FU,
            "grade": "C",
            "implementation_status": "尚未得到执行",
            "assessment_label": "第 16 段(a)项",
            "assessment_paragraph_id": f"{FU}.h-c",
        },
        {
            "grade_id": f"{FU}.g16-b",
            "recommendation_id": f"{CO}.r16-b",
            "document_id": FU,
            "grade": "B",
            "implementation_status": "已得到部分执行",
            "assessment_label": "第 16 段(b)项",
            "assessment_paragraph_id": f"{FU}.h-b",
        },
    ]
    participants = [
        {
            "participant_id": f"{FU}.mat-foundation",
            "entity_id": "org-mat-foundation",
            "document_id": FU,
            "name": "马特基金会",
            "name_spans": _spans("马特基金会"),
            "kind": "ngo",
            "role": "stakeholder",
            "mode": "written",
            "date_submitted": "2024-05-10",
        },
    ]
    grade_paragraphs = [
        {"grade_id": f"{FU}.g16-a", "seq": "1", "paragraph_id": f"{FU}.t-c"},
        {"grade_id": f"{FU}.g16-b", "seq": "1", "paragraph_id": f"{FU}.t-b"},
    ]
    participant_paragraphs = [{"participant_id": f"{FU}.mat-foundation", "seq": "1", "paragraph_id": f"{FU}.t-b"}]
    h16 = _spans("第16段: 全面的政策和战略")
    citations = [
        {
            "citation_id": f"{FU}.h16.c1",
            "paragraph_id": f"{FU}.h16",
            "cited_document_id": CO,
            "pinpoint": "第16段",
            "pinpoint_spans": _spans("第16段"),
            "how": "inline",
            "text": "第16段: 全面的政策和战略",
            "spans": h16,
        },
    ]
    relations = [
        {
            "relation_id": f"{FU}.title.evaluates",
            "document_id": FU,
            "relation": "evaluates",
            "related_document_id": CO,
            "paragraph_id": f"{FU}.title",
            "text": "评价报告",
            "spans": _spans("评价报告"),
        },
    ]
    sdg_targets = [
        {"code": "5", "kind": "goal", "goal": "5", "title_en": "Gender equality", "title_zh": "性别平等"},
        {"code": "5.2", "kind": "target", "goal": "5", "title_en": "Eliminate violence", "title_zh": "消除暴力"},
    ]
    return {
        "documents": documents,
        "paragraphs": _paragraphs(),
        "recommendations": recommendations,
        "grades": grades,
        "participants": participants,
        "grade_paragraphs": grade_paragraphs,
        "participant_paragraphs": participant_paragraphs,
        "citations": citations,
        "relations": relations,
        "sdg_targets": sdg_targets,
        "annotation_vocabulary": [
            {
                "vocabulary": "affected_persons",
                "value": "Migrants",
                "meaning": "Persons who move away from their place of usual residence.",
                "meaning_source": "hrdocs curators' gloss",
            }
        ],
        "annotations": [
            {
                "paragraph_id": f"{FU}.p1",
                "vocabulary": "affected_persons",
                "label": "Migrants",
                "annotator": "hrdocs_curators",
                "notes": "From the paragraph's words: 国家移民战略",
            }
        ],
    }


@dataclass
class FixturePackage:
    root: Path
    rows: dict[str, list[dict[str, str]]] = field(default_factory=_rows)
    descriptor: dict[str, Any] = field(default_factory=dict)
    source: str = SOURCE
    #: rows of validation/coverage_exclusions.csv: (document_id, spans, reason)
    exclusions: list[tuple[str, str, str]] = field(default_factory=list)

    def path(self, relative: str) -> Path:
        return self.root / relative

    def csv_path(self, table: str) -> Path:
        return self.root / "data" / f"{table}.csv"

    def write(self) -> FixturePackage:
        (self.root / "data" / "sources").mkdir(parents=True, exist_ok=True)
        if not (self.root / "schemas").exists():
            shutil.copytree(REPO / "schemas", self.root / "schemas")
        self.path("datapackage.json").write_text(
            json.dumps(self.descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        self.path(SOURCE_FILE).write_text(self.source, encoding="utf-8")
        sha = hashlib.sha256(self.source.encode("utf-8")).hexdigest()
        for doc in self.rows["documents"]:
            if doc.get("source_file") == SOURCE_FILE and doc.get("source_sha256") == SOURCE_SHA256:
                doc["source_sha256"] = sha
        (self.root / "validation").mkdir(exist_ok=True)
        with (self.root / "validation" / "coverage_exclusions.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["document_id", "spans", "reason"])
            writer.writerows(self.exclusions)
        schemas = load_package(REPO)
        for table in schemas.tables:
            names = table.field_names
            with self.csv_path(table.name).open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=names, lineterminator="\n")
                writer.writeheader()
                for row in self.rows.get(table.name, []):
                    writer.writerow({n: row.get(n, "") for n in names})
        return self

    def resource(self, name: str) -> dict[str, Any]:
        return next(r for r in self.descriptor["resources"] if r["name"] == name)


def _descriptor() -> dict[str, Any]:
    descriptor = copy.deepcopy(json.loads((REPO / "datapackage.json").read_text(encoding="utf-8")))
    for resource in descriptor["resources"]:
        for key in ("bytes", "hash", "hrdocs:expectedRows"):
            resource.pop(key, None)
    return descriptor


def build_package(root: Path, edit: Callable[[FixturePackage], None] | None = None) -> FixturePackage:
    """Write the valid fixture package at ``root`` after ``edit`` changed its rows or descriptor."""
    pkg = FixturePackage(root=root, descriptor=_descriptor())
    pkg.resource("paragraphs")["hrdocs:expectedRows"] = {"total": 11, "byDocument": {FU: 11}}
    if edit is not None:
        edit(pkg)
    return pkg.write()


def row_of(pkg: FixturePackage, table: str, key: str, value: str) -> tuple[int, dict[str, str]]:
    """(frictionless row number, row) of the row whose ``key`` equals ``value``."""
    for i, row in enumerate(pkg.rows[table]):
        if row.get(key) == value:
            return i + 2, row
    raise KeyError(value)
