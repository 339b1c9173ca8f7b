"""`hrdocs curate gaps`: every source range no row covers, with its line number and the characters around it."""

from __future__ import annotations

from pathlib import Path

from curate_helpers import REPO, copy_package, hrdocs, rows, write_rows

from hrdocs.text.spans import parse_spans


def test_the_shipped_package_has_no_gap() -> None:
    code, out, err = hrdocs("curate", "gaps", "--package", str(REPO))
    assert code == 0, err
    assert out == ""
    assert "0 uncovered ranges" in err


def test_a_deleted_paragraphs_row_is_listed_with_its_line_and_context(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "package")
    table = rows(root, "paragraphs")
    gone = next(r for r in table if r["paragraph_id"] == "a-hrc-50-52.p2")
    write_rows(root, "paragraphs", [r for r in table if r is not gone])
    source_file = next(r["source_file"] for r in rows(root, "documents") if r["document_id"] == "a-hrc-50-52")
    source = (root / source_file).read_text(encoding="utf-8")
    start = parse_spans(gone["spans"])[0][0]
    code, out, err = hrdocs("curate", "gaps", "--package", str(root))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 1, out
    where, document_id, span, context = lines[0].split("\t")
    assert where == f"{source_file}:{source.count(chr(10), 0, start) + 1}"
    assert document_id == "a-hrc-50-52"
    assert span.startswith(f"{start}-")
    before, rest = context.split("[", 1)
    assert before == source[start - 20 : start].replace("\n", "⏎")
    assert rest.startswith("2. 在《安全、有序和正常移民全球契约》")
    assert "1 uncovered ranges" in err
    # only the document asked for
    code, out, _ = hrdocs("curate", "gaps", "--package", str(root), "--document", "cmw-aze-follow-up-co3")
    assert (code, out) == (0, "")


def test_an_exclusion_covers_a_range(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "package")
    table = rows(root, "paragraphs")
    gone = next(r for r in table if r["paragraph_id"] == "a-hrc-50-52.p2")
    write_rows(root, "paragraphs", [r for r in table if r is not gone])
    with (root / "validation" / "coverage_exclusions.csv").open("a", encoding="utf-8") as fh:
        fh.write(f'a-hrc-50-52,{gone["spans"]},"test: reviewed, no row needed"\n')
    code, out, err = hrdocs("curate", "gaps", "--package", str(root))
    assert (code, out) == (0, ""), err
