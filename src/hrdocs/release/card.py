"""Generated texts of a release: the dataset card (README.md) and LICENSE-data.md."""

from __future__ import annotations

from typing import Any

from hrdocs.metadata import Package
from hrdocs.release import citation
from hrdocs.release.citation import DatasetInfo
from hrdocs.release.files import READ_CSV


def _documents_with_text(package: Package) -> list[dict[str, str]]:
    import csv

    try:
        table = package.table("documents")
    except KeyError:
        return []
    with package.path(table.path).open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row.get("has_text") == "true"]


def _paragraph_counts(package: Package) -> dict[str, int]:
    import duckdb

    try:
        table = package.table("paragraphs")
    except KeyError:
        return {}
    con = duckdb.connect()
    try:
        rows = con.execute(
            f"SELECT document_id, count(*) FROM {READ_CSV} GROUP BY ALL",
            [str(package.path(table.path))],
        ).fetchall()
    finally:
        con.close()
    return {str(d): int(n) for d, n in rows}


def dataset_card(package: Package, info: DatasetInfo, counts: dict[str, int | None], files: list[str]) -> str:
    """README.md of a release: what, how made, coverage, row counts, files, licence, citation, limitations."""
    docs = _documents_with_text(package)
    per_doc = _paragraph_counts(package)
    d: Any = package.descriptor
    lines = [
        f"# {info.title}",
        "",
        f"Version {info.version}, released {info.date_released or '(unreleased)'}.",
        "",
        "## What",
        "",
        info.abstract,
        "",
        "## How it was made",
        "",
        "Every row was curated by hand from the source texts in `data/sources/` (kept unaltered). Every text value",
        "taken from a source records where it comes from as character spans (0-based, end-exclusive code-point",
        "offsets into the source file) and equals those slices after one documented normalisation that removes",
        "only conversion artefacts. The package passed `hrdocs validate` (descriptor and files, columns, tables",
        "together, provenance) before this release was built; `datapackage.json` lists the size and SHA-256 of",
        "every table.",
        "",
        "## Coverage",
        "",
        f"{len(docs)} document(s) with text:",
        "",
        "| document | symbol | title | date | paragraphs |",
        "|---|---|---|---|---|",
    ]
    for doc in docs:
        lines.append(
            f"| {doc['document_id']} | {doc.get('symbol') or '(not printed)'} | {doc.get('title', '')} | "
            f"{doc.get('date_published', '')} | {per_doc.get(doc['document_id'], 0)} |"
        )
    lines += ["", "## Tables", "", "| table | rows | description |", "|---|---|---|"]
    for t in package.tables:
        n = counts.get(t.name)
        lines.append(f"| {t.name} | {'?' if n is None else n} | {t.description} |")
    lines += [
        "",
        "Fields, types, constraints and controlled values: `data-dictionary.md`.",
        "",
        "## Files",
        "",
        *[f"- `{f}`" for f in files],
        "",
        "## Use",
        "",
        "```sh",
        "hrdocs validate .                        # every check: files, columns, keys, rules, coverage, provenance",
        "frictionless validate datapackage.json",
        "hrdocs tables --package .                # the toolkit's commands take --package",
        "hrdocs cite --package . --format bibtex  # how to cite this version",
        "```",
        "",
        "`build/parquet/` holds one Parquet file per table with the data version in the key-value metadata",
        "(`hrdocs:version`); `build/manifest.json` says what they were built from. The DuckDB database (typed",
        "tables with their keys, and the search index) is not shipped: the toolkit's commands build",
        "`build/hrdocs.duckdb` from the CSVs on first use.",
        "",
        "## Licence",
        "",
    ]
    for lic in d.get("licenses", []):
        lines.append(f"- {lic.get('title', lic.get('name'))}: {lic.get('path', '')}")
    lines += [
        "",
        "See `LICENSE-data.md`.",
        "",
        "## How to cite",
        "",
        citation.text(info),
        "",
        "```bibtex",
        citation.bibtex(info).rstrip(),
        "```",
        "",
        "`CITATION.cff` holds the same in Citation File Format.",
        "",
        "## Known limitations",
        "",
        f"- Only {len(docs)} document(s) have their text here; the other rows of `documents` are documents the",
        "  tables point at, without text.",
        "- The texts are the versions received (Chinese); facts not printed in a text are left empty or, where",
        "  taken from elsewhere, say so in `notes`.",
        "",
    ]
    return "\n".join(lines)


def license_text(package: Package) -> str:
    """LICENSE-data.md: the licences of datapackage.json, by name and link (their texts are not copied)."""
    lines = ["# Licences", ""]
    for lic in package.descriptor.get("licenses", []):
        name, path, title = lic.get("name", ""), lic.get("path", ""), lic.get("title", "")
        lines.append(f"## {name}")
        lines.append("")
        if title:
            lines.append(f"{title}.")
            lines.append("")
        if name == "CC-BY-4.0":
            lines += [
                "You may share and adapt the curated tables for any purpose, provided you give appropriate credit",
                "(cite the dataset: see README.md), provide a link to the licence, and indicate if changes were made.",
                "This is a summary, not the licence: the legal code is at",
                "https://creativecommons.org/licenses/by/4.0/legalcode.",
                "",
            ]
        if path:
            lines.append(f"Licence: {path}")
            lines.append("")
    return "\n".join(lines)
