"""hrdocs.db.links.document_links: what a document cites and what cites it, on the fixture package (one citation
of the concluding observations, one relation) and on a citation of an SDG target."""

from __future__ import annotations

from pathlib import Path

import pytest
from validate_fixture import CO, FU

from hrdocs.db.connect import open_locked
from hrdocs.db.links import document_links


@pytest.fixture()
def con(built_package: Path):
    """A locked connection to the session's built fixture package (tests/conftest.py): these tests only read."""
    connection = open_locked(built_package / "build" / "hrdocs.duckdb")
    yield connection
    connection.close()


def test_cites_and_cited_by(con) -> None:
    links = document_links(con, FU)
    assert [c["cited_document_id"] for c in links.cites] == [CO]
    assert links.cites[0]["pinpoint"] == "第16段"
    assert links.cited_by == []
    assert [(r["relation"], r["direction"]) for r in links.relations] == [("evaluates", "from")]
    cited = document_links(con, CO)
    assert [c["citing_document_id"] for c in cited.cited_by] == [FU]
    assert cited.cites == []
    assert [(r["relation"], r["direction"], r["related_document_id"]) for r in cited.relations] == [
        ("evaluates", "to", CO)
    ]
    assert set(cited.as_dict()) == {"cites", "cited by", "relations"}


def test_unknown_document_has_no_links(con) -> None:
    links = document_links(con, "no-such-document")
    assert (links.cites, links.cited_by, links.relations) == ([], [], [])
