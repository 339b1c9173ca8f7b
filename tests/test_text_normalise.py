"""The documented normalisation and span handling (hrdocs.text)."""

import pytest

from hrdocs.text.normalise import artefact_mask, normalise
from hrdocs.text.spans import SpanError, format_spans, parse_spans, text_from_spans


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**Jerald Joseph**", "Jerald Joseph"),
        ("报告\\*", "报告*"),
        ('<a href="#">CMW/C/AZE/CO/3</a> , 2021年', "CMW/C/AZE/CO/3 , 2021年"),
        ("建议，<sup>1</sup> 依据", "建议，¹ 依据"),
        ("见<sup>12</sup>", "见¹²"),
        ("可查阅 <https://www.ohchr.org/x.pdf>。", "可查阅 https://www.ohchr.org/x.pdf。"),
        ("她强调，\n\n边境技术", "她强调，边境技术"),
        ("plain text, 无标记", "plain text, 无标记"),
    ],
)
def test_normalise_removes_only_artefacts(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_spans_round_trip_and_text() -> None:
    source = "ab**cd**\n\nef"
    spans = parse_spans("0-8;10-12")
    assert format_spans(spans) == "0-8;10-12"
    assert text_from_spans(source, spans) == "abcdef"


@pytest.mark.parametrize("bad", ["", "1", "a-b", "5-5", "9-3", "1-2;"])
def test_malformed_spans_are_refused(bad: str) -> None:
    with pytest.raises(SpanError):
        parse_spans(bad)


def test_span_beyond_source_is_refused() -> None:
    with pytest.raises(SpanError, match="ends beyond"):
        text_from_spans("abc", [(0, 4)])


def test_artefact_mask_marks_markup_not_text() -> None:
    source = "## **[B]:** <sup>1</sup>"
    mask = artefact_mask(source)
    kept = "".join(c for c, m in zip(source, mask, strict=True) if not m)
    assert kept == "[B]: 1"


def test_locate_finds_text_across_artefacts_and_page_breaks() -> None:
    from hrdocs.text.locate import locate

    source = "# 标题\n\n13. 她强调，\n\n边境技术 **LeVoy** 女士<sup>1</sup>。"
    for text in ["标题", "她强调，边境技术 LeVoy 女士¹。", "LeVoy"]:
        spans = locate(source, text)
        assert spans is not None
        assert text_from_spans(source, spans) == text
    assert locate(source, "不存在") is None


@pytest.mark.parametrize(
    ("source", "marked"),
    [
        ("## 标题\n正文", "^^^"),  # a heading marker at the start of the file
        ("正文\n### 标题", "   ^^^^"),  # and at the start of a line
        ("正文 ## 不是标题", ""),  # not at the start of a line: text
        ("#######七个\n", ""),  # seven '#' are no heading marker
        ("- 项目\n-- 不是\n", "^^"),  # a list bullet, and a double dash that is text
        ("a<sup>12</sup>b", " ^^^^^  ^^^^^^"),  # the superscript's digits are kept
    ],
)
def test_artefact_mask_line_start_markers(source: str, marked: str) -> None:
    mask = artefact_mask(source)
    assert "".join("^" if m else " " for m in mask).rstrip() == marked


def _finditer_mask(source: str) -> bytearray:
    """The artefact mask by the definition: every match of each pattern's finditer."""
    from hrdocs.text.normalise import ARTEFACT_PATTERNS

    mask = bytearray(len(source))
    for pattern in ARTEFACT_PATTERNS:
        for m in pattern.finditer(source):
            keep_start, keep_end = m.span("keep") if "keep" in pattern.groupindex else (m.end(), m.end())
            mask[m.start() : keep_start] = b"\x01" * (keep_start - m.start())
            mask[keep_end : m.end()] = b"\x01" * (m.end() - keep_end)
    return mask


@pytest.mark.parametrize(
    "source",
    [
        "***a*****b**",  # runs of asterisks: non-overlapping pairs, left to right
        "\\*\\\\*x",
        "<a<a href='x'><sup>1</sup><sup></sup><https://x.org/a<b>",
        "#\n##\n###### x\n####### y\n# #\n-\n- -\n--- z\n -",
        "<sup>1<sup>2</sup></sup><<https://a.b>>",
        "",
    ],
)
def test_artefact_mask_equals_each_patterns_finditer(source: str) -> None:
    assert artefact_mask(source) == _finditer_mask(source)


def test_artefact_mask_equals_finditer_on_random_markup() -> None:
    import random

    pieces = ["*", "**", "\\", "<", ">", "<sup>", "</sup>", "1", "<a ", "</a>", "<https://", "#", "-", " ", "\n", "文"]
    rng = random.Random(7)
    for _ in range(300):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert artefact_mask(source) == _finditer_mask(source), source
