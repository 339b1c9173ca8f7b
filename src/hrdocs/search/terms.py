"""How text is cut into search terms: one definition, used by the index, by queries and by any exporter.

:func:`terms` gives the terms of a text in order, as strings; the index and the query both use the functions
below (the index cuts Chinese with numpy, vectorised, exactly as :func:`han_terms` does; a test checks that
the index holds the terms :func:`terms` gives for every text).

**Chinese** has no spaces, so words cannot be found by splitting on them. Instead every Chinese character starts
one term: the character together with the next one when that is also Chinese (a bigram: 拘留儿童 gives 拘留, 留儿,
儿童), or the character alone when it ends a run of Chinese characters (儿童 then also gives 童). In the index a
Chinese term is an integer (:func:`han_code`), so it sorts and is looked up fast:

- bigram ``a b``: ``codepoint(a) * 2**18 + codepoint(b)`` (Chinese code points are below 2**18);
- single character ``a``: ``codepoint(a)`` (always below 2**18, so it cannot clash with a bigram).

A query of two or more Chinese characters looks for its bigrams; a query of one character looks for every
term starting with it (bigrams from ``a * 2**18`` to ``a * 2**18 + 2**18 - 1``, and ``a`` itself), which together
cover each of its occurrences.

**Words**: runs of other letters and digits (Latin script, digits), lower-cased (:func:`words`), each replaced
by its English lemma (:func:`lemma`, from simplemma's English dictionary, shipped inside the package: no
download, no network): detained, detains and detaining give detain; women gives woman; children gives child.
A word the dictionary does not hold is its own term: CMW/C/GC/5 gives cmw, c, gc, 5; COVID-19 gives covid, 19;
LeVoy gives levoy.

**Pairs**: :func:`word_pairs` gives the lemmas of every two adjacent words (no Chinese character between them):
the index keeps them so that a phrase is looked for only in the texts holding each pair of its words.
:func:`phrase_pattern` gives the regular expression a phrase hit matches, for Python and for DuckDB (RE2).
"""

from __future__ import annotations

import functools
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
#: the language of the lemma dictionary
LEMMA_LANGUAGE = "en"

_PY_HAN_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)
_PY_HAN = re.compile(f"[{_PY_HAN_CLASS}]+")
#: a word: letters and digits (Python's \w without _) that are not Chinese characters
_PY_WORD = re.compile(f"[^\\W_{_PY_HAN_CLASS}]+")
#: a run of Chinese characters or a word, in text order
_PY_TOKEN = re.compile(f"[{_PY_HAN_CLASS}]+|[^\\W_{_PY_HAN_CLASS}]+")

#: the same classes for RE2 (DuckDB), for the one-pass phrase check in SQL
_RE2_HAN_CLASS = "".join(f"\\x{{{lo:X}}}-\\x{{{hi:X}}}" for lo, hi in HAN_RANGES)
RE2_WORD_CHAR = rf"(?:[^\P{{N}}{_RE2_HAN_CLASS}]|[^\P{{L}}\p{{Han}}{_RE2_HAN_CLASS}])"
RE2_NOT_WORD_CHAR = rf"(?:[^\p{{L}}\p{{N}}]|[\p{{Han}}{_RE2_HAN_CLASS}])"
#: between two words of a phrase: anything but letters and digits (white space, punctuation; no Chinese)
RE2_SEPARATOR = r"[^\p{L}\p{N}]+"
_PY_WORD_CHAR = f"[^\\W_{_PY_HAN_CLASS}]"
_PY_SEPARATOR = r"[\W_]+"


def han_runs(text: str) -> list[str]:
    """The runs of Chinese characters in ``text``."""
    return _PY_HAN.findall(text)


def han_terms(run: str) -> list[str]:
    """The terms of one run of Chinese characters: its bigrams, then its last character alone."""
    return [a + b for a, b in itertools.pairwise(run)] + [run[-1]] if run else []


def han_code(term: str) -> int:
    """The integer the index stores for a Chinese term (a bigram or one character)."""
    return ord(term[0]) * BIGRAM_BASE + ord(term[1]) if len(term) == 2 else ord(term)


def han_query_terms(run: str) -> list[int]:
    """The bigram terms of a run of two or more Chinese characters, in order."""
    return [ord(a) * BIGRAM_BASE + ord(b) for a, b in itertools.pairwise(run)]


def single_character_range(char: str) -> tuple[int, int]:
    """The inclusive range of bigram terms starting with ``char``."""
    return ord(char) * BIGRAM_BASE, ord(char) * BIGRAM_BASE + BIGRAM_BASE - 1


def words(text: str) -> list[str]:
    """The words of ``text`` (runs of letters and digits that are not Chinese), lower-cased, in order."""
    return _PY_WORD.findall(text.lower())


def word_runs(text: str) -> list[list[str]]:
    """The :func:`words` of ``text`` in runs that no Chinese character breaks: the words that can form a phrase."""
    runs: list[list[str]] = [[]]
    for token in _PY_TOKEN.findall(text.lower()):
        if _PY_HAN.fullmatch(token):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(token)
    return [r for r in runs if r]


def pair_term(first: str, second: str) -> str:
    """The term of two adjacent words' lemmas in the pair index (``search_pairs``): both, with a space."""
    return f"{first} {second}"


def word_pairs(text: str) -> list[str]:
    """The :func:`pair_term` of every two adjacent words of a run of :func:`word_runs`, in order: a text holding
    a phrase holds each pair of its adjacent words (alternatives to detention: alternative to, to detention)."""
    out: list[str] = []
    for run in word_runs(text):
        lemmas = [lemma(w) for w in run]
        out += [pair_term(a, b) for a, b in itertools.pairwise(lemmas)]
    return out


@functools.cache
def lemma(word: str) -> str:
    """The search term of one lower-cased word: its English lemma (simplemma), lower-cased; a word holding a
    digit, or one the dictionary does not hold, is itself."""
    if not word.isalpha():
        return word
    import simplemma

    return simplemma.lemmatize(word, lang=LEMMA_LANGUAGE).lower()


def word_terms(text: str) -> list[str]:
    """The word terms of ``text``, in order: :func:`lemma` of each of its :func:`words`."""
    return [lemma(w) for w in words(text)]


def terms(text: str) -> list[str]:
    """Every search term of ``text`` in text order, as strings: Chinese bigrams and single characters
    (:func:`han_terms`) and word lemmas (:func:`word_terms`). This is what the index holds for the text."""
    out: list[str] = []
    for token in _PY_TOKEN.findall(text.lower()):
        if _PY_HAN.fullmatch(token):
            out += han_terms(token)
        else:
            out.append(lemma(token))
    return out


def phrase_pattern(forms: list[list[str]], engine: str = "python") -> str:
    """A regular expression finding, in lower-cased text, a phrase of words: one of the ``forms`` of each word
    in turn, the words separated only by white space or punctuation (no letter, digit or Chinese character), and
    not glued to other words. ``engine`` is ``python`` or ``re2`` (DuckDB); group 1 is the phrase.
    Forms are words (:func:`words`): letters and digits only, nothing to escape."""
    separator = _PY_SEPARATOR if engine == "python" else RE2_SEPARATOR
    body = separator.join("(?:" + "|".join(sorted(set(f), key=lambda s: (-len(s), s))) + ")" for f in forms)
    if engine == "python":
        return f"(?<!{_PY_WORD_CHAR})({body})(?!{_PY_WORD_CHAR})"
    return f"(?:^|{RE2_NOT_WORD_CHAR})({body})(?:{RE2_NOT_WORD_CHAR}|$)"
