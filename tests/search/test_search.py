"""hrdocs.search: the index and the ranked query, on hand-written texts and on the shipped CSVs.

Expected hits are computed from the texts with Python (`in`), never hard-coded from the shipped data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import duckdb
import pytest
from search_fixture import RECOMMENDATIONS, fixture_db, shipped_db, shipped_rows, texts

from hrdocs.errors import HrdocsError
from hrdocs.search.index import INDEX_TABLES, create_search_index
from hrdocs.search.query import MAX_QUERY_CHARS, search
from hrdocs.search.terms import han_runs

CHINESE = ["拘留儿童", "正规化", "防火墙", "无国籍"]
LATIN = ["CMW/C/AZE/CO/3", "LeVoy", "levoy", "COVID-19", "47/12"]


@pytest.fixture(scope="session")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    c = fixture_db()
    yield c
    c.close()


@pytest.fixture(scope="session")
def fixture_texts() -> dict[tuple[str, str], str]:
    from search_fixture import PARAGRAPHS

    return texts({"paragraphs": PARAGRAPHS, "recommendations": RECOMMENDATIONS})


@pytest.fixture(scope="session")
def shipped() -> Iterator[tuple[duckdb.DuckDBPyConnection, dict[tuple[str, str], str]]]:
    rows = shipped_rows()
    c = shipped_db(rows)
    yield c, texts(rows)
    c.close()


def _word_char(ch: str) -> bool:
    return ch.isalnum() and not han_runs(ch)


def contains_symbol(text: str, symbol: str) -> bool:
    """`symbol` occurs in `text` (case-insensitively) not glued to other letters or digits."""
    for m in re.finditer(re.escape(symbol), text, re.IGNORECASE):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not (before and _word_char(before)) and not (after and _word_char(after)):
            return True
    return False


def phrase_ids(con: duckdb.DuckDBPyConnection, query: str) -> set[tuple[str, str]]:
    return {(h.table, h.id) for h in search(con, query, limit=10_000, exact=True)}


@pytest.mark.parametrize("query", CHINESE)
def test_chinese_phrase_hits_are_the_fixture_texts_containing_it(con, fixture_texts, query: str) -> None:
    expected = {key for key, text in fixture_texts.items() if query in text}
    assert expected, "the fixture holds every query"
    assert phrase_ids(con, query) == expected


@pytest.mark.parametrize("query", CHINESE)
def test_chinese_phrase_hits_are_the_shipped_texts_containing_it(shipped, query: str) -> None:
    c, all_texts = shipped
    assert phrase_ids(c, query) == {key for key, text in all_texts.items() if query in text}


@pytest.mark.parametrize("query", LATIN)
def test_latin_symbols_and_names_are_found(con, fixture_texts, shipped, query: str) -> None:
    for c, all_texts in ((con, fixture_texts), shipped):
        assert phrase_ids(c, query) == {key for key, text in all_texts.items() if contains_symbol(text, query)}
    assert phrase_ids(con, query), "the fixture holds every query"


def test_one_character_finds_every_text_containing_it(con, fixture_texts) -> None:
    assert phrase_ids(con, "童") == {key for key, text in fixture_texts.items() if "童" in text}


def test_phrase_hits_come_first_then_all_terms_then_some(con) -> None:
    hits = search(con, "拘留儿童")
    assert [h.match for h in hits] == ["phrase"] * 4 + ["all terms", "some terms"]
    assert {h.id for h in hits[:4]} == {"doc-a.title", "doc-a.p1", "doc-a.r2", "doc-b.p3"}
    assert [h.id for h in hits[4:]] == ["doc-a.p3", "doc-a.p2"]
    assert [h.score for h in hits[:4]] == sorted((h.score for h in hits[:4]), reverse=True)


def test_a_symbol_ranks_the_exact_one_before_its_neighbours(con) -> None:
    hits = search(con, "CMW/C/AZE/CO/3")
    assert [(h.id, h.match) for h in hits] == [("doc-a.p7", "phrase"), ("doc-a.p8", "some terms")]


def test_snippet_highlights_the_query(con) -> None:
    for query, marked in [("拘留儿童", "«拘留儿童»"), ("cmw/c/aze/co/3", "«CMW/C/AZE/CO/3»"), ("levoy", "«LeVoy»")]:
        for hit in search(con, query, exact=True):
            assert marked in hit.snippet, (query, hit.snippet)


def test_partial_hits_highlight_the_terms_they_have(con) -> None:
    (hit,) = [h for h in search(con, "拘留儿童") if h.id == "doc-a.p2"]
    assert hit.snippet == "2. «儿童拘留»中心不符合标准。"
    (hit,) = [h for h in search(con, "CMW/C/AZE/CO/3") if h.id == "doc-a.p8"]
    assert hit.snippet == "¹ «CMW»/«C»/«AZE»/«CO»/2, 第 45 段。"


def test_hits_carry_ids_for_show_and_sql(con) -> None:
    hits = {h.id: h for h in search(con, "LeVoy")}
    assert hits["doc-b.r1"].as_dict() | {"score": 0, "snippet": ""} == {
        "table": "recommendations",
        "id": "doc-b.r1",
        "document_id": "doc-b",
        "paragraph_id": "doc-b.p1",
        "kind": "recommendation",
        "match": "phrase",
        "score": 0,
        "snippet": "",
    }
    assert hits["doc-b.p1"].paragraph_id == "doc-b.p1" and hits["doc-b.p1"].kind == "paragraph"


def test_filters(con) -> None:
    assert {h.document_id for h in search(con, "拘留儿童", document="doc-b")} == {"doc-b"}
    assert [h.id for h in search(con, "拘留儿童", kind="heading")] == ["doc-b.p3"]
    assert {h.id for h in search(con, "拘留儿童", kind="recommendation")} == {"doc-a.r2"}
    assert {h.table for h in search(con, "正规化", table="recommendations")} == {"recommendations"}
    assert {h.table for h in search(con, "正规化", table="paragraphs")} == {"paragraphs"}
    assert {h.match for h in search(con, "拘留儿童", exact=True)} == {"phrase"}
    assert len(search(con, "拘留儿童", limit=2)) == 2
    assert search(con, "拘留儿童", document="doc-c") == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "search text is empty: give some Chinese characters, letters or digits to look for"),
        ("  \t ", "search text is empty: give some Chinese characters, letters or digits to look for"),
        ("，。！？ ... --", "search text '，。！？ ... --' has no Chinese characters, letters or digits to look for"),
        ("移" * (MAX_QUERY_CHARS + 1), f"search text is {MAX_QUERY_CHARS + 1} characters long; the limit is 200"),
    ],
)
def test_bad_queries_are_one_line_errors(con, query: str, message: str) -> None:
    with pytest.raises(HrdocsError) as exc:
        search(con, query)
    assert exc.value.message == message


def test_bad_options_are_one_line_errors(con) -> None:
    with pytest.raises(HrdocsError, match=r"^unknown document 'nope': see `hrdocs query "):
        search(con, "移民", document="nope")
    with pytest.raises(HrdocsError, match=r"^unknown table 'grades': search covers paragraphs and recommendations$"):
        search(con, "移民", table="grades")
    with pytest.raises(HrdocsError, match=r"^--limit must be between 1 and 10000, not 0$"):
        search(con, "移民", limit=0)


def test_hostile_text_is_just_text(con) -> None:
    before = con.execute("SELECT count(*) FROM paragraphs").fetchall()
    hits = search(con, "'; DROP TABLE paragraphs; --")
    assert [(h.id, h.match) for h in hits][:1] == [("doc-b.p4", "phrase")]
    assert [(h.id, h.match) for h in search(con, "'quoted' 和 \"double\"")] == [("doc-b.p4", "phrase")]
    # words of a phrase are adjacent: a Chinese character between them breaks it
    assert [(h.id, h.match) for h in search(con, "'quoted' \"double\"")] == [("doc-b.p4", "all terms")]
    assert search(con, "拘留儿童' OR '1'='1") != []
    assert con.execute("SELECT count(*) FROM paragraphs").fetchall() == before


def test_index_is_deterministic(con) -> None:
    def digest(c: duckdb.DuckDBPyConnection) -> list[tuple]:
        return [
            c.execute(f"SELECT count(*), sum(hash(t)) FROM (SELECT * FROM {t}) AS t").fetchall()[0]
            for t in INDEX_TABLES
        ]

    first = digest(con)
    other = fixture_db()
    create_search_index(other)  # and rebuilding replaces the tables
    assert digest(other) == first
    ordered = other.execute("SELECT term, doc_key FROM search_postings").fetchall()
    assert ordered == sorted(ordered)
    other.close()


def test_white_space_does_not_break_a_phrase(con) -> None:
    (hit,) = search(con, "COVID-19疫情")
    assert (hit.id, hit.match) == ("doc-b.p1", "phrase")
    assert "«COVID-19 疫情»" in hit.snippet


@pytest.mark.parametrize("query", ["拘留儿童", "COVID-19疫情", "正规化", "童"])
def test_the_one_pass_phrase_check_agrees_with_the_windowed_one(con, monkeypatch, query: str) -> None:
    import hrdocs.search.query as search_query

    windowed = [(h.id, h.match) for h in search(con, query)]
    monkeypatch.setattr(search_query, "MAX_WINDOW", 0)  # every phrase check in one SQL pass
    assert [(h.id, h.match) for h in search(con, query)] == windowed
