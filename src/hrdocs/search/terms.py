"""How text is cut into search terms: one definition, used by the index (as SQL) and by queries (in Python).

Chinese has no spaces, so words cannot be found by splitting on them. Instead every Chinese character starts
one term: the character together with the next one when that is also Chinese (a bigram: 拘留儿童 gives 拘留, 留儿,
儿童), or the character alone when it ends a run of Chinese characters (儿童 then also gives 童). A term is an
integer, so the index sorts and looks terms up fast:

- bigram ``a b``: ``codepoint(a) * 2**18 + codepoint(b)`` (Chinese code points are below 2**18);
- single character ``a``: ``codepoint(a)`` (always below 2**18, so it cannot clash with a bigram).

A query of two or more Chinese characters looks for its bigrams; a query of one character looks for every
term starting with it (bigrams from ``a * 2**18`` to ``a * 2**18 + 2**18 - 1``, and ``a`` itself), which together
cover each of its occurrences.

Runs of other letters and digits (Latin script, digits) are words, lower-cased, kept as text:
CMW/C/AZE/CO/3 gives cmw, c, aze, co, 3; COVID-19 gives covid, 19; LeVoy gives levoy.
"""

from __future__ import annotations

import itertools
import re

#: Chinese characters: 々, 〇, CJK Extension A, CJK Unified Ideographs, Compatibility Ideographs, planes 2-3
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3005, 0x3005),
    (0x3007, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)
#: bigram = first * BIGRAM_BASE + second
BIGRAM_BASE = 1 << 18

#: a word: letters and digits that are not Chinese characters (RE2 and Python agree on this class)
_HAN_CLASS = "".join(f"\\x{{{lo:X}}}-\\x{{{hi:X}}}" for lo, hi in HAN_RANGES)
#: RE2 (DuckDB) pattern for a word, applied to lower-cased text
WORD_PATTERN_RE2 = rf"(?:[^\P{{N}}{_HAN_CLASS}]|[^\P{{L}}\p{{Han}}{_HAN_CLASS}])+"
_PY_HAN_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)
_PY_HAN = re.compile(f"[{_PY_HAN_CLASS}]+")


def han_sql(x: str) -> str:
    """SQL predicate: the integer code point ``x`` is a Chinese character."""
    return "(" + " OR ".join(f"{x} BETWEEN {lo} AND {hi}" for lo, hi in HAN_RANGES) + ")"


def han_codes_sql(text_sql: str) -> str:
    """SQL expression: the code points of ``text_sql`` as a list of INTEGER, 0 for anything not Chinese."""
    return (
        f"list_transform(string_split({text_sql}, ''), "
        f"lambda ch: CASE WHEN {han_sql('unicode(ch)')} THEN unicode(ch) ELSE 0 END)"
    )


def han_terms_sql(codes_sql: str) -> str:
    """SQL expression: the Chinese terms (BIGINT, with repeats) of a list made by :func:`han_codes_sql`."""
    return (
        f"list_filter(list_transform(range(1, len({codes_sql}) + 1), lambda i: "
        f"CASE WHEN {codes_sql}[i] = 0 THEN NULL "
        f"WHEN coalesce({codes_sql}[i + 1], 0) > 0 THEN {codes_sql}[i]::BIGINT * {BIGRAM_BASE} + {codes_sql}[i + 1] "
        f"ELSE {codes_sql}[i]::BIGINT END), lambda x: x IS NOT NULL)"
    )


def word_terms_sql(text_sql: str) -> str:
    """SQL expression: the list of words (lower-cased VARCHAR, with repeats) of ``text_sql``."""
    return f"regexp_extract_all(lower({text_sql}), '{WORD_PATTERN_RE2}')"


def han_runs(text: str) -> list[str]:
    """The runs of Chinese characters in ``text``."""
    return _PY_HAN.findall(text)


def han_query_terms(run: str) -> list[int]:
    """The bigram terms of a run of two or more Chinese characters, in order."""
    return [ord(a) * BIGRAM_BASE + ord(b) for a, b in itertools.pairwise(run)]


def single_character_range(char: str) -> tuple[int, int]:
    """The inclusive range of bigram terms starting with ``char``."""
    return ord(char) * BIGRAM_BASE, ord(char) * BIGRAM_BASE + BIGRAM_BASE - 1
