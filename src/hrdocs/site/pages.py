"""The site's pages, one function per kind: home, document, entity (and their index), scoreboard, search, the
data dictionary and the example queries. Each returns (path in the site, HTML)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from hrdocs.release import citation
from hrdocs.release.citation import DatasetInfo
from hrdocs.site import chart
from hrdocs.site.cite import Citer
from hrdocs.site.data import Row, SiteData
from hrdocs.site.units import UnitRenderer

Page = tuple[str, str]


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("hrdocs.site", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    return env


class Pages:
    def __init__(self, data: SiteData, info: DatasetInfo, root: Path) -> None:
        self.data = data
        self.info = info
        self.root = root
        self.env = environment()
        self.citer = Citer(data, info)

    def render(self, template: str, root: str, title: str, **context: Any) -> str:
        return self.env.get_template(template).render(
            root=root, title=title, version=self.data.version, date_released=self.data.date_released, **context
        )

    def lang(self, doc: Row) -> str:
        return doc.get("language") or "zh"

    # ------------------------------------------------------------------------------------------------ home

    def home(self, has_queries: bool) -> Page:
        d = self.data
        units = Counter(p["document_id"] for units in d.paragraphs.values() for p in units)
        printed = Counter(r["printed_in"] for r in d.recommendations if r.get("printed_in"))
        with_text, cited_only = [], []
        for doc in d.documents:
            row = dict(doc, units=units.get(doc["document_id"], 0), printed=printed.get(doc["document_id"], 0),
                       type_label=d.label("documents", "document_type", doc.get("document_type")))  # fmt: skip
            (with_text if doc.get("has_text") else cited_only).append(row)
        abstract = self.info.abstract.split(" / ")[0]
        html = self.render(
            "home.html", "", "Home", info=self.info, abstract_en=abstract,
            dataset_text=citation.text(self.info), dataset_bibtex=citation.bibtex(self.info),
            with_text=with_text, cited_only=cited_only,
            row_counts=[(n, d.row_counts[n]) for n in d.table_names], has_queries=has_queries,
            entity_count=len(d.entities),
        )  # fmt: skip
        return "index.html", html

    # ------------------------------------------------------------------------------------------- documents

    def documents(self) -> Iterator[Page]:
        for doc in self.data.documents:
            yield self.document(doc)

    def _meta(self, doc: Row) -> list[tuple[str, Any]]:
        d = self.data
        pairs: list[tuple[str, Any]] = []

        def add(label: str, value: Any) -> None:
            if value not in (None, ""):
                pairs.append((label, value))

        add("Symbol", doc.get("symbol"))
        add("English title", doc.get("title_en"))
        add("Body", f"{doc.get('body')} ({d.label('documents', 'body', doc.get('body'))})" if doc.get("body") else None)
        add("Type", d.label("documents", "document_type", doc.get("document_type")) or doc.get("document_type"))
        add("Date printed", doc.get("date_published"))
        add("Session", doc.get("session"))
        add("Event date", doc.get("event_date"))
        add("State", doc.get("country_iso3"))
        add("Language of the text here", doc.get("language"))
        add("Original language", doc.get("original_language"))
        mandate = doc.get("mandate_document_id")
        if mandate:
            m = d.document_by_id.get(mandate) or {}
            add(
                "Mandated by",
                Markup(f'<a href="{escape(mandate)}.html">{escape(m.get("symbol") or m.get("title") or mandate)}</a>'),
            )
        add(
            "Text in this package",
            "yes, " + str(doc.get("source_file")) if doc.get("has_text") else "no: it is cited or assessed",
        )
        return pairs

    def document(self, doc: Row) -> Page:
        d = self.data
        doc_id = doc["document_id"]
        lang = self.lang(doc)
        units = d.paragraphs.get(doc_id, [])
        renderer = UnitRenderer(d, self.citer, lang)
        footnotes: dict[str, list[Row]] = {}
        for u in units:
            if u["kind"] == "footnote" and u.get("footnote_of"):
                footnotes.setdefault(u["footnote_of"], []).append(u)
        linked: set[str] = set()
        for carrier, fns in footnotes.items():
            c = d.paragraph_by_id.get(carrier)
            if c is not None:
                linked |= renderer.text_html(c, fns, [])[1]
        html_units = [renderer.unit(u, footnotes.get(u["paragraph_id"], []), linked) for u in units]
        outline = [u for u in units if u["kind"] in ("title", "heading")]
        made = [
            dict(r, href=renderer.href(r.get("paragraph_id"), r["recommendation_id"], doc_id),
                 short=(r.get("text") or "")[:60])
            for r in d.recommendations_by.get(doc_id, [])
            if r.get("printed_in") != doc_id
        ]  # fmt: skip
        html = self.render(
            "document.html", "../", doc.get("symbol") or doc.get("title") or doc_id, doc=doc, lang=lang,
            meta=self._meta(doc), outline=outline, units=html_units, made=made,
            participants=self._participants(doc_id), citations=self._citations(doc_id),
        )  # fmt: skip
        return f"documents/{doc_id}.html", html

    def _participants(self, doc_id: str) -> list[tuple[str, list[tuple[str, list[Row]]]]]:
        d = self.data
        sessions: dict[str, dict[str, list[Row]]] = {}
        order = {v: i for i, v in enumerate(d.labels.get(("participants", "session"), {}))}
        role_order = {v: i for i, v in enumerate(d.labels.get(("participants", "role"), {}))}
        rows = sorted(
            d.participants_in.get(doc_id, []),
            key=lambda p: (order.get(p.get("session") or "", 99), role_order.get(p.get("role") or "", 99),
                           p["participant_id"]),
        )  # fmt: skip
        for p in rows:
            session = p.get("session")
            s_label = f"{d.label('participants', 'session', session)} ({session})" if session else "Session not stated"
            role = p.get("role")
            r_label = f"{d.label('participants', 'role', role)} ({role})" if role else "Role not stated"
            about = ", ".join(x for x in (p.get("title"), p.get("affiliation")) if x)
            ids = [i for i in (p.get("paragraph_ids") or "").split(";") if i]
            row = dict(p, kind_label=d.label("participants", "kind", p.get("kind")) or p.get("kind"), about=about,
                       paragraphs=ids)  # fmt: skip
            sessions.setdefault(s_label, {}).setdefault(r_label, []).append(row)
        return [(s, list(roles.items())) for s, roles in sessions.items()]

    def _doc_link(self, document_id: str, root: str = "") -> Markup:
        doc = self.data.document_by_id.get(document_id) or {}
        label = doc.get("symbol") or doc.get("title") or document_id
        return Markup(f'<a href="{root}{escape(document_id)}.html"><span lang="zh">{escape(label)}</span></a>')

    def _citations(self, doc_id: str) -> dict[str, Any] | None:
        d = self.data
        cols = d.citation_columns
        if cols is None:
            return None
        cites = [
            {"citing": c[cols.citing_paragraph],
             "cited_link": self._doc_link(c[cols.cited_document]) if c[cols.cited_document] else "",
             "extra": [c.get(x) if c.get(x) is not None else "" for x in cols.extra]}
            for c in d.cites.get(doc_id, [])
        ]  # fmt: skip
        cited_by = []
        for c in d.cited_by.get(doc_id, []):
            pid = c[cols.citing_paragraph]
            page = d.page_of(pid)
            link = Markup(f'<a href="{escape(page)}.html#{escape(pid)}">{escape(pid)}</a>') if page else pid
            cited_by.append(
                {"citing_link": link, "extra": [c.get(x) if c.get(x) is not None else "" for x in cols.extra]}
            )
        return {"extra": list(cols.extra), "cites": cites, "cited_by": cited_by}

    # -------------------------------------------------------------------------------------------- entities

    def entities(self) -> Iterator[Page]:
        d = self.data
        listing = []
        for entity_id in sorted(d.entities):
            rows = d.entities[entity_id]
            names = list(dict.fromkeys(p["name"] for p in rows))
            docs = sorted({p["document_id"] for p in rows})
            kinds = sorted({d.label("participants", "kind", p.get("kind")) or p.get("kind") or "" for p in rows})
            listing.append({"entity_id": entity_id, "names": names, "documents": len(docs), "kind": ", ".join(kinds)})
            shown = []
            for p in rows:
                doc = d.document_by_id.get(p["document_id"]) or {}
                recs = [
                    {"label": r.get("label") or r["recommendation_id"],
                     "href": f"../documents/{r['printed_in']}.html#{r['recommendation_id']}"}
                    for r in self._made_by.get(p["participant_id"], []) if r.get("printed_in")
                ]  # fmt: skip
                shown.append(
                    dict(p, doc_label=doc.get("symbol") or doc.get("title") or p["document_id"],
                         kind_label=d.label("participants", "kind", p.get("kind")) or p.get("kind"),
                         role_label=d.label("participants", "role", p.get("role")) or (p.get("role") or ""),
                         session_label=d.label("participants", "session", p.get("session")) or "",
                         paragraphs=[i for i in (p.get("paragraph_ids") or "").split(";") if i], recs=recs)
                )  # fmt: skip
            yield (
                f"entities/{entity_id}.html",
                self.render("entity.html", "../", names[0], entity_id=entity_id, names=names, rows=shown,
                            documents=len(docs)),
            )  # fmt: skip
        yield "entities/index.html", self.render("entities.html", "../", "Entities", entities=listing)

    @property
    def _made_by(self) -> dict[str, list[Row]]:
        if not hasattr(self, "_made_by_cache"):
            self._made_by_cache: dict[str, list[Row]] = {}
            for r in self.data.recommendations:
                if r.get("made_by_participant_id"):
                    self._made_by_cache.setdefault(r["made_by_participant_id"], []).append(r)
        return self._made_by_cache

    # ------------------------------------------------------------------------------------------ scoreboard

    def scoreboard(self) -> Page:
        d = self.data
        by_doc: dict[str, list[Row]] = {}
        for g in d.grades:
            by_doc.setdefault(g["document_id"], []).append(g)
        letters_order = list(d.labels.get(("grades", "grade"), {}))
        boards = []
        for i, (doc_id, grades) in enumerate(by_doc.items(), 1):
            doc = d.document_by_id.get(doc_id) or {"document_id": doc_id}
            letters = letters_order + sorted({g["grade"] for g in grades} - set(letters_order))
            rows = chart.per_paragraph(grades, d.recommendations)
            title = f"Grades per evaluated paragraph, {doc.get('symbol') or doc.get('title') or doc_id}"
            shown = []
            for g in grades:
                rec_page = d.page_of(g.get("recommendation_paragraph_id"))
                ass_page = d.page_of(g.get("assessment_paragraph_id"))
                shown.append(
                    dict(g, meaning=d.label("grades", "grade", g["grade"]),
                         rec_href=f"documents/{rec_page}.html#{g['recommendation_id']}" if rec_page else "#",
                         assessment_href=f"documents/{ass_page}.html#{g['grade_id']}" if ass_page else "#",
                         cite=self.citer.grade(g))
                )  # fmt: skip
            pairs = Counter((g["grade"], g.get("implementation_status") or "") for g in grades)
            boards.append(
                {"doc": doc, "svg": Markup(chart.svg(rows, letters, f"chart-{i}", title)), "grades": shown,
                 "pairs": [(letter, d.label("grades", "grade", letter), status, n)
                           for (letter, status), n in sorted(pairs.items(), key=lambda kv: (
                               letters.index(kv[0][0]) if kv[0][0] in letters else 99, kv[0][1]))],
                 "disagree": [g for g in shown if "disagree" in (g.get("notes") or "").lower()]}
            )  # fmt: skip
        return "scoreboard.html", self.render("scoreboard.html", "", "Follow-up scoreboard", boards=boards)

    # ------------------------------------------------------------------------------------- search and docs

    def search(self) -> Page:
        return "search.html", self.render("search.html", "", "Search")

    def markdown_page(self, path: str, title: str, markdown: str) -> Page:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": False}).enable("table")
        tokens = md.parse(markdown)
        _drop_local_links(tokens)
        _heading_ids(tokens)
        html = md.renderer.render(tokens, md.options, {})
        body = Markup(f'<div class="table-wrap prose">{html}</div>')
        return path, self.render("page.html", "", title, body=body)

    def queries(self, files: list[Path]) -> Page:
        parts = ["<h1>Example queries</h1>",
                 "<p>Research questions as SQL, from <code>examples/queries/</code>. Run one with "
                 "<code>hrdocs query -f FILE</code>.</p>"]  # fmt: skip
        for f in files:
            sql = f.read_text(encoding="utf-8")
            comment = " ".join(line[2:].strip() for line in sql.splitlines() if line.startswith("--"))
            anchor = f.stem
            parts.append(f'<h2 id="{escape(anchor)}">{escape(f.name)}</h2>')
            if comment:
                parts.append(f"<p>{escape(comment)}</p>")
            parts.append(f'<pre class="sql"><code>{escape(sql)}</code></pre>')
        return "queries.html", self.render("page.html", "", "Example queries", body=Markup("\n".join(parts)))


def _heading_ids(tokens: list[Any]) -> None:
    """GitHub's heading anchors (lower case, spaces to '-', punctuation dropped), so `#documents` links work."""
    import re

    seen: Counter[str] = Counter()
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and i + 1 < len(tokens):
            slug = re.sub(r"[^\w\- ]", "", tokens[i + 1].content.strip().lower()).replace(" ", "-")
            n = seen[slug]
            seen[slug] += 1
            token.attrSet("id", slug if n == 0 else f"{slug}-{n}")


def _drop_local_links(tokens: list[Any]) -> None:
    """Remove the links to files of the repository (they are not pages of the site), keeping their text."""
    for token in tokens:
        if not token.children:
            continue
        kept, stack = [], []
        for child in token.children:
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                stack.append(href.startswith(("http://", "https://", "#", "mailto:")))
                if stack[-1]:
                    kept.append(child)
            elif child.type == "link_close":
                if stack.pop():
                    kept.append(child)
            else:
                kept.append(child)
        token.children = kept
