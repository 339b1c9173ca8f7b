"""English search: words matched by their lemma (women finds woman), word phrases, one index with Chinese, and
one term-cutting function for the index, the query and any exporter (hrdocs.search.terms.terms)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from search_fixture import ENGLISH_PARAGRAPHS, ENGLISH_RECOMMENDATIONS, english_db, texts

from hrdocs.search.query import parse_query, search
from hrdocs.search.terms import BIGRAM_BASE, han_code, han_runs, lemma, terms, word_pairs, words

REPO = Path(__file__).resolve().parents[2]
HRDOCS = Path(sys.executable).with_name("hrdocs")


@pytest.fixture(scope="session")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    c = english_db()
    yield c
    c.close()


@pytest.fixture(scope="session")
def english_texts() -> dict[tuple[str, str], str]:
    return texts({"paragraphs": ENGLISH_PARAGRAPHS, "recommendations": ENGLISH_RECOMMENDATIONS})


def ids(hits: list) -> dict[str, str]:
    return {h.id: h.match for h in hits}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("detained", "detain"),
        ("detains", "detain"),
        ("detaining", "detain"),
        ("women", "woman"),
        ("children", "child"),
        ("alternatives", "alternative"),
        ("levoy", "levoy"),
        ("covid", "covid"),  # the dictionary's COVID, lower-cased
        ("19", "19"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_woman_finds_texts_that_say_only_women(con, english_texts) -> None:
    found = ids(search(con, "woman"))
    assert "doc-e.p1" in found and not re.search(r"\bwoman\b", english_texts[("paragraphs", "doc-e.p1")], re.I)
    assert set(found) == {"doc-e.p1", "doc-e.p2", "doc-e.r1"}
    assert set(found.values()) == {"phrase"}  # one word: any of its forms is the phrase
    assert ids(search(con, "Women")) == found


def test_detained_finds_texts_that_say_only_detain_or_detains(con) -> None:
    found = ids(search(con, "detained"))
    assert {"doc-e.p3", "doc-e.p4"} <= set(found)  # 'detain', 'detains'
    assert set(found) == {"doc-e.p2", "doc-e.p3", "doc-e.p4", "doc-e.r1"}
    assert "doc-e.p5" not in found  # detention is another word


def test_children_and_child(con) -> None:
    assert (
        set(ids(search(con, "child")))
        == set(ids(search(con, "children")))
        == {
            "doc-e.p3",
            "doc-e.p5",
            "doc-e.p9",
            "doc-e.r1",
        }
    )


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ("alternatives to detention", {"doc-e.p5"}),
        ("alternative to detention", {"doc-e.p5"}),  # inflected: still the phrase
        ("ALTERNATIVES TO DETENTION", {"doc-e.p5"}),
        ("non-refoulement", {"doc-e.p7"}),
        ("non refoulement", {"doc-e.p7"}),
        ("habeas corpus", {"doc-e.p8"}),
        ("CMW/C/GC/5", {"doc-e.p7"}),
        ("COVID-19", {"doc-e.p8"}),
        ("LeVoy", {"doc-e.p8"}),
        ("Michele LeVoy", {"doc-e.p8"}),
        ("detention of children", {"doc-e.p9"}),
    ],
)
def test_phrases_rank_in_the_phrase_tier(con, query: str, phrase: set[str]) -> None:
    hits = search(con, query)
    assert {h.id for h in hits if h.match == "phrase"} == phrase
    assert [h.match for h in hits] == sorted((h.match for h in hits), key=["phrase", "all terms", "some terms"].index)


def test_words_apart_are_all_terms_not_the_phrase(con) -> None:
    found = ids(search(con, "alternatives to detention"))
    assert found["doc-e.p5"] == "phrase" and found["doc-e.p6"] == "all terms"
    assert ids(search(con, "detention alternatives")).get("doc-e.p5") == "all terms"  # order matters
    assert ids(search(con, "CMW/C/GC/5")).get("doc-e.p11") == "some terms"  # CMW/C/GC/4
    assert "doc-e.p11" not in ids(search(con, "non-refoulement", exact=True))  # refoulement alone


def test_one_index_for_both_languages(con, english_texts) -> None:
    chinese = ids(search(con, "拘留儿童"))
    assert {k for k, v in chinese.items() if v == "phrase"} == {
        key[1] for key, text in english_texts.items() if "拘留儿童" in text
    }
    # four terms (拘留, 留儿, 儿童, detention): some terms is at least two of them
    assert ids(search(con, "拘留儿童 detention")) == {"doc-e.p9": "phrase", "doc-e.p10": "some terms"}
    assert con.execute("SELECT count(*) FROM search_docs").fetchall() == [(len(english_texts),)]


def test_snippets_highlight_every_form(con) -> None:
    (hit,) = [h for h in search(con, "woman") if h.id == "doc-e.p1"]
    assert hit.snippet.startswith("1. «Women» migrant")
    (hit,) = [h for h in search(con, "alternative to detention") if h.id == "doc-e.p5"]
    assert "«Alternatives to Detention»" in hit.snippet
    (hit,) = [h for h in search(con, "detained") if h.id == "doc-e.p4"]
    assert "«detains»" in hit.snippet


@pytest.mark.parametrize(
    "query", ["alternatives to detention", "woman", "detained", "non-refoulement", "拘留儿童 detention", "CMW/C/GC/5"]
)
def test_the_one_pass_phrase_check_agrees_with_the_windowed_one(con, monkeypatch, query: str) -> None:
    import hrdocs.search.query as search_query

    windowed = [(h.id, h.match) for h in search(con, query)]
    monkeypatch.setattr(search_query, "MAX_WINDOW", 0)  # every phrase check in one SQL pass
    assert [(h.id, h.match) for h in search(con, query)] == windowed


def _indexed_terms(con: duckdb.DuckDBPyConnection) -> dict[str, Counter[str]]:
    """Each text's terms as the index holds them (tf recovered from the BM25 weight is not needed: the
    postings give presence, search_docs the length), as strings."""
    out: dict[str, Counter[str]] = {}
    rows = con.execute(
        """SELECT d.id, p.term::VARCHAR, 'han' FROM search_postings p JOIN search_docs d USING (doc_key)
           UNION ALL SELECT d.id, w.term, 'word' FROM search_words w JOIN search_docs d USING (doc_key)"""
    ).fetchall()
    for doc, term, kind in rows:
        if kind == "han":
            code = int(term)
            term = chr(code // BIGRAM_BASE) + chr(code % BIGRAM_BASE) if code >= BIGRAM_BASE else chr(code)
        out.setdefault(doc, Counter())[term] += 1
    return out


def test_the_index_holds_what_terms_gives(con, english_texts) -> None:
    indexed = _indexed_terms(con)
    lengths = dict(con.execute("SELECT id, length FROM search_docs").fetchall())
    for (_table, key), text in english_texts.items():
        expected = Counter(terms(text))
        assert set(indexed[key]) == set(expected), key
        assert lengths[key] == sum(expected.values()), key
    pairs: dict[str, set[str]] = {}
    for doc, term in con.execute(
        "SELECT d.id, p.term FROM search_pairs p JOIN search_docs d USING (doc_key)"
    ).fetchall():
        pairs.setdefault(doc, set()).add(term)
    for (_table, key), text in english_texts.items():
        assert pairs.get(key, set()) == set(word_pairs(text)), key
    assert "alternative to" in pairs["doc-e.p5"] and "of child" in pairs["doc-e.p9"]
    assert "9 and" not in pairs["doc-e.p9"]  # 9. 委员会……做法 and: Chinese characters break a pair
    forms = dict(con.execute("SELECT form, term FROM search_forms").fetchall())
    assert forms["women"] == "woman" and forms["detains"] == "detain" and forms["children"] == "child"
    assert set(forms) == {w for text in english_texts.values() for w in words(text)}


def test_the_query_is_cut_by_the_same_function(con) -> None:
    """A query looks up the terms `terms` gives for it: its words' lemmas and its Chinese bigrams (the last
    character of a run of two or more is covered by the bigram before it)."""
    for query in ("Women detained", "拘留儿童 alternatives to detention", "CMW/C/GC/5", "COVID-19疫情"):
        looked_up = {
            values[0] if kind == "bigram" else label for label, kind, values, _ in parse_query(con, query).terms
        }
        cut = terms(query)
        expected = {han_code(t) for t in cut if han_runs(t) == [t] and len(t) == 2}
        expected |= {t for t in cut if not han_runs(t)}
        assert looked_up == expected, query


@pytest.mark.parametrize(
    ("query", "forms", "itself"),
    [
        ("woman", r"\b(?:woman|women)\b", r"\bwoman\b"),  # texts saying only women
        ("detains", r"\bdetain(?:s|ed|ing)?\b", r"\bdetains\b"),  # the synthetic texts say only detained
    ],
)
def test_hrdocs_search_on_a_mixed_synthetic_package(mixed_package: Path, query: str, forms: str, itself: str) -> None:
    """The CLI on a built synthetic package with Chinese and English documents finds every form of the word."""
    result = subprocess.run(
        [str(HRDOCS), "search", query, "--limit", "10000", "--format", "json", "--package", str(mixed_package)],
        capture_output=True,
        text=True,
        check=True,
    )
    hits = json.loads(result.stdout)
    con = duckdb.connect(str(mixed_package / "build" / "hrdocs.duckdb"), read_only=True)
    rows = con.execute("SELECT paragraph_id, text FROM paragraphs").fetchall()
    rows += con.execute("SELECT recommendation_id, text FROM recommendations").fetchall()
    con.close()
    expected = {key for key, text in rows if re.search(forms, text, re.IGNORECASE)}
    other_forms_only = {k for k, text in rows if k in expected and not re.search(itself, text, re.IGNORECASE)}
    assert other_forms_only, f"the synthetic package has texts with only other forms of {query}"
    assert {h["id"] for h in hits} == expected
    assert {h["match"] for h in hits} == {"phrase"}


@pytest.fixture(scope="session")
def mixed_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pkg = tmp_path_factory.mktemp("mixed") / "pkg"
    generator = [sys.executable, str(REPO / "scripts" / "synthetic_package.py")]
    subprocess.run([*generator, "--paragraphs", "3000", "--out", str(pkg), "--seed", "3"], check=True)
    subprocess.run([str(HRDOCS), "build", "--package", str(pkg)], check=True, capture_output=True)
    assert {"zh", "en"} <= set(_languages(pkg))
    return pkg


def _languages(pkg: Path) -> list[str]:
    con = duckdb.connect(str(pkg / "build" / "hrdocs.duckdb"), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT language FROM documents WHERE has_text").fetchall()]
    finally:
        con.close()


def test_the_judged_english_queries_are_well_formed() -> None:
    """scripts/eval_search_en_judgements.json: at least 30 queries of every kind, each with a rule and relevant
    paragraphs named by file and number."""
    queries = json.loads((REPO / "scripts" / "eval_search_en_judgements.json").read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 30
    assert {q["kind"] for q in queries} == {"inflection", "phrase", "name", "symbol"}
    assert len({q["query"] for q in queries}) == len(queries)
    for q in queries:
        assert q["relevant_if"] and q["relevant"], q["query"]
        for file, numbers in q["relevant"].items():
            assert re.fullmatch(r"Annotated_[\w.-]+\.json", file) and numbers, q["query"]
            assert all(re.fullmatch(r"[0-9]+", str(n)) for n in numbers), q["query"]
