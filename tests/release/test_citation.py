"""CITATION.cff against the CFF 1.2.0 schema; every `hrdocs cite` format parses; rows cite their source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import yaml
from release_fixture import CHANGELOG, hrdocs, releasable

from hrdocs.errors import HrdocsError
from hrdocs.release import citation, cite_row

REPO = Path(__file__).resolve().parents[2]
CFF_SCHEMA = json.loads((REPO / "schemas-external" / "citation-file-format-1.2.0.schema.json").read_text())
RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def parse_ris(text: str) -> list[dict[str, list[str]]]:
    """A strict RIS reader: every line `XX  - value`, records from TY to ER."""
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for line in text.splitlines():
        if not line.strip():
            continue
        m = RIS_LINE.match(line)
        assert m, f"not a RIS line: {line!r}"
        tag, value = m.groups()
        if tag == "TY":
            assert current is None, "TY inside a record"
            current = {"TY": [value]}
        elif tag == "ER":
            assert current is not None and value == "", "ER without a record"
            records.append(current)
            current = None
        else:
            assert current is not None, f"{tag} outside a record"
            current.setdefault(tag, []).append(value)
    assert current is None, "record without ER"
    return records


def _validate_cff(text: str) -> dict:
    data = yaml.safe_load(text)
    data = json.loads(json.dumps(data, default=str))  # YAML dates as strings, as the schema asks
    jsonschema.validate(data, CFF_SCHEMA)
    return data


def test_repository_citation_cff_is_valid() -> None:
    data = _validate_cff((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert data["type"] == "dataset"
    assert data["version"] == (REPO / "VERSION").read_text().strip()
    for key in ("authors", "license", "abstract", "keywords", "repository-code"):
        assert data[key]
    assert "doi" not in data


@pytest.fixture(scope="session")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return releasable(tmp_path_factory.mktemp("cite"), git=False)


def test_released_citation_cff_has_date_and_is_valid(package: Path) -> None:
    data = _validate_cff(citation.cff(citation.dataset_info(package)))
    assert data["date-released"] == "2026-11-24" and data["version"] == "0.1.0"


def test_bibtex_parses(package: Path) -> None:
    out = hrdocs("cite", "--format", "bibtex", "--package", str(package))
    assert out.returncode == 0, out.stderr
    library = bibtexparser.parse_string(out.stdout)
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.key == "hrdocs_0_1_0" and entry["year"] == "2026" and entry["version"] == "0.1.0"
    assert entry["author"] == "{hrdocs curators}"


def test_ris_parses(package: Path) -> None:
    out = hrdocs("cite", "--format", "ris", "--package", str(package))
    (record,) = parse_ris(out.stdout)
    assert record["TY"] == ["DATA"] and record["ET"] == ["0.1.0"] and record["PY"] == ["2026"]
    assert record["DA"] == ["2026/11/24"]


def test_csl_json_and_datacite_have_required_keys(package: Path) -> None:
    (item,) = json.loads(hrdocs("cite", "--format", "csl-json", "--package", str(package)).stdout)
    assert {"id", "type", "title", "author", "issued", "version"} <= set(item) and item["type"] == "dataset"
    assert item["issued"] == {"date-parts": [[2026, 11, 24]]}
    data = json.loads(hrdocs("cite", "--format", "datacite-json", "--package", str(package)).stdout)
    assert {"creators", "titles", "publisher", "publicationYear", "types"} <= set(data)
    assert data["types"]["resourceTypeGeneral"] == "Dataset" and "doi" not in data
    assert data["relatedIdentifiers"] == [
        {
            "relatedIdentifier": "https://undocs.org/CMW/C/AZE/CO/3",
            "relatedIdentifierType": "URL",
            "relationType": "References",
        }
    ]


def test_text_citation(package: Path) -> None:
    out = hrdocs("cite", "--package", str(package))
    assert out.stdout == (
        "hrdocs curators (2026). hrdocs: UN human-rights documents about migrants, as data (Version 0.1.0) "
        "[Data set]. https://github.com/hrdocs/hrdocs\n"
    )


def test_zenodo_metadata(package: Path) -> None:
    data = citation.zenodo(citation.dataset_info(package))
    assert data["upload_type"] == "dataset" and data["publication_date"] == "2026-11-24"
    assert "doi" not in data
    assert {"identifier": "https://undocs.org/CMW/C/AZE/CO/3", "relation": "references"}.items() <= data[
        "related_identifiers"
    ][0].items()


def test_doi_used_only_when_known(package: Path, tmp_path: Path) -> None:
    assert citation.dataset_info(package).doi is None
    descriptor = json.loads((package / "datapackage.json").read_text())
    (tmp_path / "datapackage.json").write_text(json.dumps({**descriptor, "id": "https://doi.org/10.5281/zenodo.1"}))
    info = citation.dataset_info(tmp_path)
    assert info.doi == "10.5281/zenodo.1"
    assert citation.cff_data(info)["doi"] == "10.5281/zenodo.1"


def test_cite_a_recommendation(package: Path) -> None:
    c = cite_row.cite_row(package, "cmw-c-aze-co-3.r16-a")
    assert cite_row.text(c).startswith(
        "CMW/C/AZE/CO/3 (关于阿塞拜疆第三次定期报告的结论性意见), paragraph 16(a), as reproduced in "
        "对阿塞拜疆结论性意见后续行动资料的评价, list item (a), in hrdocs version 0.1.0 "
        "(recommendations row cmw-c-aze-co-3.r16-a). hrdocs curators (2026)."
    )


def test_cite_a_paragraph_in_every_row_format(package: Path) -> None:
    out = hrdocs("cite", "cmw-aze-fu.p1", "--package", str(package))
    assert out.stdout.startswith("对阿塞拜疆结论性意见后续行动资料的评价, paragraph 1, in hrdocs version 0.1.0")
    library = bibtexparser.parse_string(
        hrdocs("cite", "cmw-aze-fu.p1", "--format", "bibtex", "--package", str(package)).stdout
    )
    assert (
        not library.failed_blocks
        and library.entries[0]["title"] == "对阿塞拜疆结论性意见后续行动资料的评价, paragraph 1"
    )
    (record,) = parse_ris(hrdocs("cite", "cmw-aze-fu.p1", "--format", "ris", "--package", str(package)).stdout)
    assert record["TI"] == ["对阿塞拜疆结论性意见后续行动资料的评价, paragraph 1"]
    (item,) = json.loads(hrdocs("cite", "cmw-aze-fu.p1", "--format", "csl-json", "--package", str(package)).stdout)
    assert item["id"] == "hrdocs_0_1_0:cmw-aze-fu.p1" and item["container-title"].startswith("hrdocs")


def test_unknown_id_is_one_line_error(package: Path) -> None:
    out = hrdocs("cite", "no-such.row", "--package", str(package))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == (
        f"hrdocs: error: unknown id 'no-such.row': no paragraph, recommendation, grade or document (by id or UN "
        f"symbol) in {package} has it\n"
    )


@pytest.mark.parametrize("symbol", ["CMW/C/AZE/CO/3", "cmw/c/aze/co/3", "cmw-c-aze-co-3"])
def test_cite_a_document_by_symbol_or_id(package: Path, symbol: str) -> None:
    out = hrdocs("cite", symbol, "--package", str(package))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(
        "CMW/C/AZE/CO/3 (关于阿塞拜疆第三次定期报告的结论性意见), in hrdocs version 0.1.0 "
        "(documents row cmw-c-aze-co-3)."
    )


def test_cite_a_grade(package: Path) -> None:
    out = hrdocs("cite", "cmw-aze-fu.g16-a", "--package", str(package))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(
        "对阿塞拜疆结论性意见后续行动资料的评价, assessment of 第 16 段(a)项: grade C for CMW/C/AZE/CO/3 "
        "(关于阿塞拜疆第三次定期报告的结论性意见), paragraph 16(a), in hrdocs version 0.1.0 "
        "(grades row cmw-aze-fu.g16-a)."
    )


def test_row_in_dataset_only_format_refused(package: Path) -> None:
    out = hrdocs("cite", "cmw-aze-fu.p1", "--format", "cff", "--package", str(package))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "hrdocs: error: --format cff describes the whole dataset; cite a row with text, bibtex, ris or csl-json"
    ]


def test_bibtex_escapes_latex_specials() -> None:
    assert citation.bibtex_escape("A & B_1 {x} 50%") == r"A \& B\_1 \{x\} 50\%"


def test_changelog_fixture_is_dated() -> None:
    assert "## [0.1.0] - 2026-11-24" in CHANGELOG


def test_an_indexed_citer_cites_as_the_one_row_lookup(package: Path) -> None:
    """Citer(index=True), which reads each table once (the site's test cites every row with it), gives the same
    citation as `hrdocs cite`'s filtered lookup, for every kind of row and a document's symbol in any spelling."""
    import duckdb

    ids = [r[0] for r in duckdb.sql(
        f"SELECT paragraph_id FROM read_csv('{package}/data/paragraphs.csv') UNION ALL "
        f"SELECT recommendation_id FROM read_csv('{package}/data/recommendations.csv') UNION ALL "
        f"SELECT grade_id FROM read_csv('{package}/data/grades.csv') UNION ALL "
        f"SELECT document_id FROM read_csv('{package}/data/documents.csv')"
    ).fetchall()]  # fmt: skip
    ids += ["cmw/c/aze/co/3", "CMW/C/AZE/CO/ 3"]
    with cite_row.Citer(package, index=True) as citer:
        for row_id in ids:
            assert citer.cite(row_id) == cite_row.cite_row(package, row_id), row_id
        with pytest.raises(HrdocsError, match="unknown id 'nope'"):
            citer.cite("nope")


def test_a_csv_duckdb_cannot_read_is_one_line_error(package: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "pkg"
    shutil.copytree(package, broken)
    with (broken / "data" / "paragraphs.csv").open("a", encoding="utf-8") as fh:
        fh.write('x,"unclosed\n')
    out = hrdocs("cite", "cmw-aze-fu.p1", "--package", str(broken))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith(f"hrdocs: error: {broken / 'data' / 'paragraphs.csv'}: cannot read: ")
    assert out.stderr.rstrip().endswith("(`hrdocs validate` says where)")
    assert len(out.stderr.strip().splitlines()) == 1
