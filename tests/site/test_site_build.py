"""The site as files: what the pages hold, reproducibility, atomic replacement, citations equal to `hrdocs cite`."""

from __future__ import annotations

import base64
import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from site_fixture import REPO, copy_shipped, site_package
from site_links import broken_links, pages

from hrdocs.site import build_site

# the built sites (session fixtures) are made once, in the worker that runs every site test
pytestmark = pytest.mark.xdist_group("site")


def test_every_internal_link_and_anchor_resolves(shipped_site: Path, test_site: Path) -> None:
    assert broken_links(shipped_site) == []
    assert broken_links(test_site) == []


def test_broken_link_is_caught(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<a href="b.html#x">b</a><a href="#here">h</a><p id="here"></p>')
    (tmp_path / "b.html").write_text('<p id="y"></p>')
    assert broken_links(tmp_path) == ["a.html: b.html#x (no such anchor)"]


def test_pages_of_every_kind(shipped_site: Path) -> None:
    names = {p.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("*") if p.is_file()}
    for expected in ("index.html", "scoreboard.html", "search.html", "search-index.js", "data-dictionary.html",
                     "queries.html", "documents/a-hrc-50-52.html", "documents/cmw-c-aze-co-3.html",
                     "entities/org-maat-for-peace.html", "entities/index.html", "assets/style.css"):  # fmt: skip
        assert expected in names
    # every page carries the data version
    version = (REPO / "VERSION").read_text().strip()
    for path in pages(shipped_site):
        assert f"Data version {version}" in path.read_text(encoding="utf-8"), path


def test_document_page_anchors_footnotes_recommendations_grades(shipped_site: Path) -> None:
    html = (shipped_site / "documents" / "cmw-aze-follow-up-co3.html").read_text(encoding="utf-8")
    ids = pages(shipped_site)[shipped_site / "documents" / "cmw-aze-follow-up-co3.html"].ids
    # a permanent anchor per paragraph id
    import duckdb

    con = duckdb.connect()
    expected = {r[0] for r in con.sql(
        f"SELECT paragraph_id FROM read_csv('{REPO}/data/paragraphs.csv') WHERE document_id = 'cmw-aze-follow-up-co3'"
    ).fetchall()}  # fmt: skip
    assert expected <= ids
    # footnote 1 is marked in paragraph 60's chapeau and links back
    assert 'id="ref-cmw-aze-follow-up-co3.fn1" href="#cmw-aze-follow-up-co3.fn1"' in html
    assert 'href="#ref-cmw-aze-follow-up-co3.fn1">back to the text' in html
    # a recommendation printed here, with who made it and to whom, and its grade linked to the assessment
    assert 'id="cmw-c-aze-co-3.r16a"' in html
    assert re.search(r"made by <span[^>]*>委员会</span> · addressed to <span[^>]*>缔约国</span>", html)
    assert 'href="#cmw-aze-follow-up-co3.g16a"><span class="grade-letter">C</span>' in html
    assert 'id="cmw-aze-follow-up-co3.g16a"' in html


def test_participants_by_session_and_role(shipped_site: Path) -> None:
    html = (shipped_site / "documents" / "a-hrc-50-52.html").read_text(encoding="utf-8")
    assert "Participants, by session and role" in html
    assert "(session_1)" in html and "(panellist)" in html


def test_entity_page_lists_every_name(shipped_site: Path) -> None:
    html = (shipped_site / "entities" / "org-maat-for-peace.html").read_text(encoding="utf-8")
    for name in ("马特和平、发展和人权基金会", "玛特促进和平、发展和人权组织", "玛特和平、发展与人权"):
        assert name in html


def test_scoreboard_svg_and_disagreement(shipped_site: Path) -> None:
    html = (shipped_site / "scoreboard.html").read_text(encoding="utf-8")
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"' in html
    assert "C ×5" in html  # paragraph 36: five sub-paragraphs graded C
    # the grades whose curators' notes say letter and words disagree, and only those
    import duckdb

    said = (
        duckdb.connect()
        .sql(f"SELECT count(*) FROM read_csv('{REPO}/data/grades.csv') WHERE lower(notes) LIKE '%disagree%'")
        .fetchall()[0][0]
    )
    marker = "letter and words disagree (curator's judgement, quoted)"
    listed = html.split(marker)[1].split("</ul>")[0].count("<li>") if marker in html else 0
    assert listed == said


def test_cites_section_only_with_a_citations_table(tmp_path: Path, test_site: Path) -> None:
    from site_fixture import without_citations

    bare = build_site(without_citations(tmp_path / "pkg"), tmp_path / "site").out
    assert 'id="cites-h"' not in (bare / "documents" / "a-hrc-50-52.html").read_text(encoding="utf-8")
    cited = (test_site / "documents" / "cmw-c-aze-co-2.html").read_text(encoding="utf-8")
    assert 'id="cited-by-h"' in cited
    assert 'href="cmw-aze-follow-up-co3.html#cmw-aze-follow-up-co3.fn1"' in cited
    citing = (test_site / "documents" / "cmw-aze-follow-up-co3.html").read_text(encoding="utf-8")
    assert "第 45 段" in citing.split('id="cites-h"')[1]


def test_cite_this_is_hrdocs_cite(shipped_site: Path) -> None:
    """Every paragraph's and recommendation's "Cite this" is what `hrdocs cite ID` prints (text and BibTeX)."""
    from html import unescape

    from hrdocs.release import cite_row

    root = shipped_site.parents[1]
    shown: dict[str, str] = {}
    for path in (shipped_site / "documents").glob("*.html"):
        html = path.read_text(encoding="utf-8")
        for key, body in re.findall(r'<pre id="cite-([^"]+)">(.*?)</pre>', html, flags=re.S):
            shown[key] = unescape(body)
        for key, body in re.findall(r'<pre id="bib-([^"]+)">(.*?)</pre>', html, flags=re.S):
            shown["bib:" + key] = unescape(body)
    import duckdb

    con = duckdb.connect()
    ids = [r[0] for r in con.sql(
        f"SELECT paragraph_id FROM read_csv('{root}/data/paragraphs.csv') UNION ALL "
        f"SELECT recommendation_id FROM read_csv('{root}/data/recommendations.csv')"
    ).fetchall()]  # fmt: skip
    assert len(ids) > 200
    with cite_row.Citer(root, index=True) as citer:
        for row_id in ids:
            c = citer.cite(row_id)
            assert shown[row_id] == cite_row.text(c), row_id
            assert shown["bib:" + row_id] == cite_row.bibtex(c), row_id


def test_search_index_holds_hrdocs_search_postings(shipped_site: Path) -> None:
    import json

    from hrdocs.db.connect import connect

    text = (shipped_site / "search-index.js").read_text(encoding="utf-8")
    ix = json.loads(text[text.index("=") + 1 : text.rstrip().rindex(";")])
    raw = base64.b64decode(ix["han"]["postings"])
    values, v, mul = [], 0, 1
    for b in raw:
        v += (b & 0x7F) * mul
        if b & 0x80:
            mul *= 128
        else:
            values.append(v)
            v, mul = 0, 1
    con = connect(shipped_site.parents[1])
    n = con.execute("SELECT count(*) FROM search_postings").fetchone()[0]  # type: ignore[index]
    ids = [r[0] for r in con.execute("SELECT id FROM search_docs ORDER BY doc_key").fetchall()]
    con.close()
    assert len(values) == n
    assert ix["bigram_base"] == 1 << 18 and ix["docs"]["id"] == ids


def test_same_package_same_bytes(tmp_path: Path, shipped_site: Path) -> None:
    root = shipped_site.parents[1]
    again = build_site(root, tmp_path / "again").out
    files = sorted(p.relative_to(shipped_site) for p in shipped_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (shipped_site / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_failed_build_keeps_the_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hrdocs.site import pages

    root = copy_shipped(tmp_path / "pkg")
    out = build_site(root, tmp_path / "site").out
    before = (out / "index.html").read_bytes()

    def boom(self: object) -> object:
        raise RuntimeError("disk full")

    monkeypatch.setattr(pages.Pages, "scoreboard", boom)
    with pytest.raises(RuntimeError):
        build_site(root, out)
    assert (out / "index.html").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_cli_writes_the_site(tmp_path: Path) -> None:
    root = site_package(tmp_path / "pkg")
    proc = subprocess.run(
        [sys.executable, "-m", "hrdocs.cli.main", "site", "--package", str(root), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(tmp_path / "out" / "index.html")
    assert "hrdocs: site:" in proc.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "hrdocs.cli.main", "site", "--package", str(tmp_path / "nowhere")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert missing.returncode != 0 and missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_browser_tests_fail_instead_of_skipping_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import _unavailable

    monkeypatch.setenv("HRDOCS_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="HRDOCS_REQUIRE_BROWSER=1 but /nowhere is missing"):
        _unavailable("/nowhere is missing")
    monkeypatch.delenv("HRDOCS_REQUIRE_BROWSER")
    with pytest.raises(pytest.skip.Exception, match="browser tests skipped: /nowhere is missing"):
        _unavailable("/nowhere is missing")


def test_link_tables_reach_the_pages(shipped_site: Path) -> None:
    """The paragraphs naming a participant, a document's mandate and what a recommendation recalls come from
    participant_paragraphs, relations and citations (the columns that held them are gone)."""
    listed = [r for r in csv.DictReader((REPO / "data" / "participant_paragraphs.csv").open(encoding="utf-8"))
              if r["participant_id"] == "a-hrc-50-52.person-michelle-bachelet"]  # fmt: skip
    entity = (shipped_site / "entities" / "person-michelle-bachelet.html").read_text(encoding="utf-8")
    assert listed and all(r["paragraph_id"] in entity for r in listed)
    report = (shipped_site / "documents" / "a-hrc-50-52.html").read_text(encoding="utf-8")
    assert 'Mandated by</dt><dd><a href="hrc-res-47-12.html">' in report
    evaluation = (shipped_site / "documents" / "cmw-aze-follow-up-co3.html").read_text(encoding="utf-8")
    assert 'recalls <a href="cmw-c-aze-co-2.html">CMW/C/AZE/CO/2</a>' in evaluation
