"""The one documented normalisation between a source file and the text in the tables.

A table's text value equals ``normalise(span_1) + normalise(span_2) + ...`` over its recorded spans.
Normalisation removes only conversion artefacts of the received files, never words:

=====================  =================================  ===============================
artefact               example in the source               becomes
=====================  =================================  ===============================
Markdown emphasis      ``**Jerald Joseph**``               ``Jerald Joseph``
Markdown escape        ``报告\\*``                          ``报告*``
HTML link tags         ``<a href="#">CMW/C/AZE/CO/3</a>``  ``CMW/C/AZE/CO/3``
HTML superscript       ``<sup>1</sup>``                    ``¹`` (the printed footnote marker)
Markdown autolink      ``<https://www.ohchr.org/...>``     ``https://www.ohchr.org/...``
page-break line break  ``她强调，\\n\\n边境技术``           ``她强调，边境技术``
line break in Latin    ``the State\\n\\nparty``            ``the State party``
=====================  =================================  ===============================

A line break (with the spaces and blank lines around it) disappears where a Chinese, Japanese or Korean character
or full-width punctuation stands on either side, and becomes one space between two characters of other scripts
(a paragraph of English text wrapped or split by a page break keeps its word boundary).

Markdown heading markers (``#``) and list bullets (``- ``) at the start of a line are artefacts too; spans
simply start after them. ``ARTEFACT_PATTERNS`` lists every artefact for the coverage rule.
"""

from __future__ import annotations

import re

SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_SUP = re.compile(r"<sup>([0-9]+)</sup>")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_A_TAG = re.compile(r"</?a(?:\s[^<>]*)?>")
_LINE_BREAK = re.compile(r"[ \t\r]*\n[\s]*")
#: characters beside which a line break is removed rather than read as a space: CJK ideographs, kana, hangul,
#: CJK and full-width punctuation
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def joins_with_space(before: str, after: str) -> bool:
    """Whether a line break between the characters ``before`` and ``after`` reads as one space."""
    return bool(before) and bool(after) and not _CJK.match(before) and not _CJK.match(after)


def _line_break(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return " " if joins_with_space(before, after) else ""


#: Conversion artefacts in a source file. Each match's characters are artefacts, except those of a group
#: named ``keep`` (the text inside the markup). The coverage rule does not ask for artefacts to be covered.
ARTEFACT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\*\*"),
    re.compile(r"\\(?=\*)"),
    _A_TAG,
    re.compile(r"<sup>(?P<keep>[0-9]+)</sup>"),
    re.compile(r"<(?P<keep>https?://[^<>\s]+)>"),
    # a Markdown heading marker or list bullet at the start of a line; written as the literal first and a look
    # back for the line start (same matches as (?m)^#{1,6}[ \t]+), so that the search skips to each '#' or '-'
    re.compile(r"#(?<![^\n]#)#{0,5}[ \t]+"),
    re.compile(r"-(?<![^\n]-)[ \t]+"),
)


def _literal_first(pattern: re.Pattern[str]) -> str:
    """The character every match of ``pattern`` starts with (each artefact pattern begins with a literal)."""
    first = pattern.pattern[0]
    if first == "\\":
        return pattern.pattern[1]
    if first in ".^$*+?{}[]|()":
        raise ValueError(f"artefact pattern {pattern.pattern!r} must start with a literal character")
    return first


#: the first character of each artefact pattern, where its matches can start
_FIRST_CHARACTERS = tuple(_literal_first(p) for p in ARTEFACT_PATTERNS)


def artefact_mask(source: str) -> bytearray:
    """Return one byte per character of ``source``: 1 where the character is a conversion artefact.

    The same matches as each pattern's ``finditer`` (leftmost, non-overlapping), found faster: every match
    starts with its pattern's literal first character, so the pattern is tried only where ``str.find`` finds
    that character, and never inside its own previous match."""
    mask = bytearray(len(source))
    for pattern, first in zip(ARTEFACT_PATTERNS, _FIRST_CHARACTERS, strict=True):
        keeps = "keep" in pattern.groupindex
        match = pattern.match
        find = source.find
        at = find(first)
        while at >= 0:
            m = match(source, at)
            if m is None:
                at = find(first, at + 1)
                continue
            keep_start, keep_end = m.span("keep") if keeps else (m.end(), m.end())
            mask[m.start() : keep_start] = b"\x01" * (keep_start - m.start())
            mask[keep_end : m.end()] = b"\x01" * (m.end() - keep_end)
            at = find(first, m.end())
    return mask


def normalise(raw: str) -> str:
    """Return the table text for one span of raw source text."""
    if not any(c in raw for c in "*<\\\n"):
        return raw
    text = raw
    if "*" in text:
        text = text.replace("**", "").replace("\\*", "*")
    if "<" in text:  # each of the three tag patterns starts with '<'
        text = _SUP.sub(lambda m: m.group(1).translate(SUPERSCRIPT_DIGITS), text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _A_TAG.sub("", text)
    return _LINE_BREAK.sub(_line_break, text) if "\n" in text else text
