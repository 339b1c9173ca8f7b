/* hrdocs site search: looks a query up in search-index.js (window.HRDOCS_SEARCH_INDEX), written at build time
   from the index of `hrdocs search`. The query is cut as hrdocs.search.terms cuts text: every Chinese character
   with the next one is a bigram (first * BIGRAM_BASE + second); a query of one Chinese character looks for every
   term starting with it; runs of other letters and digits are words, lower-cased (then mapped through `forms`,
   the index's own terms for a word, when they differ). Texts holding every term come first, then those holding
   at least half of them; each group by the sum of its terms' idf, ties by table and id. No libraries. */
(function () {
  "use strict";
  var IX = window.HRDOCS_SEARCH_INDEX;
  var LIMIT = 50;

  function bytesOf(b64) {
    var bin = atob(b64), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function varints(bytes, start, end) {
    var out = [], v = 0, mul = 1;
    for (var i = start; i < end; i++) {
      var b = bytes[i];
      v += (b & 0x7f) * mul;
      if (b & 0x80) { mul *= 128; } else { out.push(v); v = 0; mul = 1; }
    }
    return out;
  }
  function cumulative(gaps) {
    var s = 0;
    for (var i = 0; i < gaps.length; i++) { s += gaps[i]; gaps[i] = s; }
    return gaps;
  }
  function table(terms, t) {
    var sb = bytesOf(t.sizes), sizes = varints(sb, 0, sb.length), offsets = [0];
    for (var i = 0; i < sizes.length; i++) offsets.push(offsets[i] + sizes[i]);
    var at = new Map();
    terms.forEach(function (term, i) { at.set(term, i); });
    return { terms: terms, at: at, offsets: offsets, postings: bytesOf(t.postings) };
  }
  var han = null, words = null;
  function load() {
    if (han) return;
    var hb = bytesOf(IX.han.terms);
    han = table(cumulative(varints(hb, 0, hb.length)), IX.han);
    words = table(IX.words.terms, IX.words);
  }
  function docsOf(tab, i) {
    return cumulative(varints(tab.postings, tab.offsets[i], tab.offsets[i + 1]));
  }
  function lowerBound(arr, x) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  }

  var hanClass = IX.han_ranges.map(function (r) {
    return "\\u{" + r[0].toString(16) + "}-\\u{" + r[1].toString(16) + "}";
  }).join("");
  var HAN_RUN = new RegExp("[" + hanClass + "]+", "gu");
  var WORD = new RegExp("(?:(?![" + hanClass + "])\\p{N}|(?![" + hanClass + "])(?!\\p{sc=Han})\\p{L})+", "gu");

  /* The query's terms: [{label, docs: Set of doc numbers}] */
  function queryTerms(q) {
    load();
    var text = q.split(/\s+/).filter(Boolean).join(" "), B = IX.bigram_base, seen = new Map();
    (text.match(HAN_RUN) || []).forEach(function (run) {
      var chars = Array.from(run);
      if (chars.length === 1) {
        var c = chars[0].codePointAt(0), docs = new Set(), i = lowerBound(han.terms, c * B);
        for (; i < han.terms.length && han.terms[i] <= c * B + B - 1; i++) docsOf(han, i).forEach(function (d) { docs.add(d); });
        if (han.at.has(c)) docsOf(han, han.at.get(c)).forEach(function (d) { docs.add(d); });
        seen.set(chars[0], docs);
        return;
      }
      for (var k = 0; k + 1 < chars.length; k++) {
        var label = chars[k] + chars[k + 1];
        if (seen.has(label)) continue;
        var term = chars[k].codePointAt(0) * B + chars[k + 1].codePointAt(0);
        seen.set(label, new Set(han.at.has(term) ? docsOf(han, han.at.get(term)) : []));
      }
    });
    (text.toLowerCase().match(WORD) || []).forEach(function (word) {
      (IX.forms[word] || [word]).forEach(function (term) {
        if (!seen.has(term)) seen.set(term, new Set(words.at.has(term) ? docsOf(words, words.at.get(term)) : []));
      });
    });
    return Array.from(seen, function (e) { return { label: e[0], docs: e[1] }; });
  }

  function search(q) {
    var terms = queryTerms(q), n = IX.docs.id.length, hits = new Map();
    terms.forEach(function (t) {
      var idf = Math.log(1 + (n - t.docs.size + 0.5) / (t.docs.size + 0.5));
      t.docs.forEach(function (d) {
        var h = hits.get(d) || { doc: d, count: 0, score: 0 };
        h.count += 1; h.score += idf; hits.set(d, h);
      });
    });
    var need = terms.length, out = [];
    hits.forEach(function (h) {
      if (h.count === need) { h.tier = 0; out.push(h); }
      else if (h.count * 2 >= need) { h.tier = 1; out.push(h); }
    });
    out.sort(function (a, b) {
      return a.tier - b.tier || b.score - a.score ||
        (IX.docs.table[a.doc] < IX.docs.table[b.doc] ? -1 : IX.docs.table[a.doc] > IX.docs.table[b.doc] ? 1 : 0) ||
        (IX.docs.id[a.doc] < IX.docs.id[b.doc] ? -1 : 1);
    });
    return { terms: terms, hits: out };
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function show(q) {
    var list = document.getElementById("results"), status = document.getElementById("search-status");
    list.textContent = "";
    if (!q.trim()) { status.textContent = "Type some Chinese characters or words to look for."; return; }
    var r = search(q);
    if (!r.terms.length) { status.textContent = "“" + q + "” has no Chinese characters, letters or digits to look for."; return; }
    var all = r.hits.filter(function (h) { return h.tier === 0; }).length;
    status.textContent = r.hits.length + " texts found for “" + q + "” (" + all + " holding every term)" +
      (r.hits.length > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
    r.hits.slice(0, LIMIT).forEach(function (h) {
      var d = h.doc, id = IX.docs.id[d], page = IX.docs.page[d], li = el("li", { "class": "hit" });
      var isRec = IX.docs.table[d] === "r";
      var a = el("a", { href: page >= 0 ? "documents/" + IX.pages[page] + ".html#" + id : "#" }, id);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" · " + (isRec ? "recommendation" : IX.kinds[IX.docs.kind[d]]) +
        (h.tier ? " · some terms" : "") + (page >= 0 ? " · " : "")));
      var lang = page >= 0 ? IX.langs[page] : "zh";
      if (page >= 0) li.appendChild(el("span", { lang: lang }, IX.titles[page]));
      li.appendChild(el("p", { "class": "snippet", lang: lang }, IX.docs.snippet[d] + (IX.docs.snippet[d].length >= 60 ? "…" : "")));
      list.appendChild(li);
    });
  }

  /* every hit's id, in order: for tests and for the console */
  window.hrdocsSearch = function (q) {
    return search(q).hits.map(function (h) { return IX.docs.id[h.doc]; });
  };
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("search-form"), input = document.getElementById("q");
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    show(q);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      try { window.history.replaceState(null, "", url); } catch (e) { /* file:// in some browsers */ }
      show(input.value);
    });
  });
})();
