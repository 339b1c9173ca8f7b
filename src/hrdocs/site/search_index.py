"""The site's search index, `search-index.js`: the postings of `hrdocs search`'s own index, for the browser.

The terms are not cut again here: the index is read from the tables `hrdocs build` made with
hrdocs.search (``search_docs``, ``search_postings``, ``search_words``), so the browser looks up exactly the
terms `hrdocs search` does, and a change to how hrdocs.search cuts text (English lemmas, say) reaches the site
with the next build. The browser cuts the query as hrdocs.search.terms does (assets/search.js): Chinese
bigrams as integers, ``first * BIGRAM_BASE + second``, a single character as every term starting with it, and
words lower-cased; the Chinese ranges and the base are written into the index from hrdocs.search.terms.
``forms`` maps each word as the texts print it to its term when they differ (detained: detain), from the
index's ``search_forms`` table (filled with hrdocs.search.terms.lemma): the browser looks a query's word up
there, so an English query finds its lemma's texts when the texts print that form somewhere; a form they never
print is looked up as typed.

The file is one JavaScript statement assigning a JSON object (a `<script src>` loads it from file://, where
Chromium refuses fetch). Postings are gaps between doc numbers, as LEB128 varints in base64: per table of terms
(Chinese, words), the sorted terms (Chinese: gaps, varints; words: a JSON list), each term's number of bytes
of postings, and the postings. A text is shown by its id, document, kind and its first SNIPPET characters.
"""

from __future__ import annotations

import base64
import json
import re
from typing import TYPE_CHECKING, Any

from hrdocs.search.terms import BIGRAM_BASE, HAN_RANGES

if TYPE_CHECKING:
    import duckdb
    import numpy as np

    from hrdocs.site.data import SiteData

SNIPPET = 60
GLOBAL_NAME = "HRDOCS_SEARCH_INDEX"


def varints(values: np.ndarray) -> bytes:
    """Non-negative integers as LEB128 varints (7 bits a byte, low bits first, high bit = more)."""
    import numpy as np

    v = values.astype(np.uint64)
    if not len(v):
        return b""
    nbytes = np.ones(len(v), dtype=np.int64)
    rest = v >> np.uint64(7)
    while rest.any():
        nbytes += rest > 0
        rest = rest >> np.uint64(7)
    out = np.empty(int(nbytes.sum()), dtype=np.uint8)
    starts = np.cumsum(nbytes) - nbytes
    rem = v.copy()
    for k in range(int(nbytes.max())):
        mask = nbytes > k
        byte = (rem[mask] & np.uint64(0x7F)).astype(np.uint8)
        more = (nbytes[mask] > k + 1).astype(np.uint8) << 7
        out[starts[mask] + k] = byte | more
        rem[mask] = rem[mask] >> np.uint64(7)
    return out.tobytes()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _postings(terms: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, bytes, bytes]:
    """From postings sorted by (term, doc): the distinct terms, varint bytes per term, and the postings as doc
    gaps (the first doc of each term from 0)."""
    import numpy as np

    if not len(terms):
        return terms, b"", b""
    starts = np.flatnonzero(np.r_[True, terms[1:] != terms[:-1]])
    gaps = np.diff(docs, prepend=0)
    gaps[starts] = docs[starts]
    encoded = np.frombuffer(varints(gaps), dtype=np.uint8)
    # bytes per posting, to sum per term
    ends = np.flatnonzero(encoded < 0x80)  # the last byte of each varint
    lengths = np.diff(ends, prepend=-1)
    per_term = np.add.reduceat(lengths, starts)
    return terms[starts], varints(per_term), encoded.tobytes()


def _forms(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Each word as the texts print it, with its term when that differs (detained: detain): the index's own
    ``search_forms`` table, which hrdocs.search fills with hrdocs.search.terms.lemma."""
    present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "search_forms" not in present:
        return {}
    rows = con.execute("SELECT form, term FROM search_forms WHERE form <> term ORDER BY form, term").fetchall()
    out: dict[str, list[str]] = {}
    for form, term in rows:
        out.setdefault(form, []).append(term)
    return out


def index_object(con: duckdb.DuckDBPyConnection, data: SiteData) -> dict[str, Any]:
    import numpy as np

    docs = con.execute(
        """SELECT s."table", s.id, s.document_id, s.kind, left(coalesce(p.text, r.text), ?) AS snippet,
                  coalesce(p.document_id, rp.document_id) AS page
           FROM search_docs AS s
           LEFT JOIN paragraphs AS p ON s."table" = 'paragraphs' AND p.paragraph_id = s.id
           LEFT JOIN recommendations AS r ON s."table" = 'recommendations' AND r.recommendation_id = s.id
           LEFT JOIN paragraphs AS rp ON rp.paragraph_id = r.paragraph_id
           ORDER BY s.doc_key""",
        [SNIPPET],
    ).fetchall()
    first_key = con.execute("SELECT coalesce(min(doc_key), 1) FROM search_docs").fetchone()[0]  # type: ignore[index]
    pages = sorted({d[5] for d in docs if d[5]})
    page_no = {p: i for i, p in enumerate(pages)}
    kinds = sorted({d[3] for d in docs})
    kind_no = {k: i for i, k in enumerate(kinds)}
    han = con.execute("SELECT term, doc_key FROM search_postings ORDER BY term, doc_key").fetchnumpy()
    han_terms, han_sizes, han_postings = _postings(
        han["term"].astype(np.int64), han["doc_key"].astype(np.int64) - first_key
    )
    words = con.execute("SELECT term, doc_key FROM search_words ORDER BY term, doc_key").fetchall()
    word_terms = np.array([w for w, _ in words], dtype=object)
    word_docs = np.array([d for _, d in words], dtype=np.int64) - first_key
    wt, word_sizes, word_postings = _postings(word_terms, word_docs) if words else (word_terms, b"", b"")
    return {
        "version": data.version,
        "bigram_base": BIGRAM_BASE,
        "han_ranges": [list(r) for r in HAN_RANGES],
        "pages": pages,
        "titles": [_title(data, p) for p in pages],
        "langs": [(data.document_by_id.get(p) or {}).get("language") or "zh" for p in pages],
        "kinds": kinds,
        "docs": {
            "table": "".join("p" if d[0] == "paragraphs" else "r" for d in docs),
            "id": [d[1] for d in docs],
            "page": [page_no.get(d[5], -1) for d in docs],
            "kind": [kind_no[d[3]] for d in docs],
            "snippet": [d[4] or "" for d in docs],
        },
        "han": {
            "terms": _b64(varints(np.diff(han_terms, prepend=0))),
            "sizes": _b64(han_sizes),
            "postings": _b64(han_postings),
        },
        "words": {"terms": [str(t) for t in wt], "sizes": _b64(word_sizes), "postings": _b64(word_postings)},
        "forms": _forms(con),
    }


def _title(data: SiteData, document_id: str) -> str:
    doc = data.document_by_id.get(document_id) or {}
    return " ".join(x for x in (doc.get("symbol"), doc.get("title")) if x) or document_id


_SAFE = re.compile(r"[\u2028\u2029<]")


def index_script(obj: dict[str, Any]) -> bytes:
    """The index as a script: ``window.HRDOCS_SEARCH_INDEX = {...};``."""
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    body = _SAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", body)
    return f"window.{GLOBAL_NAME}={body};\n".encode()
