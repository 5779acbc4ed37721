(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("leninletter-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // ---- words, as the module reads them: letters and digits (and the marks
  // on them), one hyphen or apostrophe (- ' U+2010 U+2011 U+2019) between
  // two of them joining; normal forms case-folded, with U+2019 written as '.
  var WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u2010\u2011-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  function norm(w) { return w.normalize("NFC").toLowerCase().replace(/\u00df/g, "ss").replace(/\u2019/g, "'"); }
  // The search follows the module's query rules with opts.variants
  // (leninletter.query): a word also finds its possessive (tsar: tsar's);
  // a phrase or a hyphenated word of two parts or more finds the same
  // parts joined by hyphens or standing apart, its last part with or
  // without a plural s (Black Hundreds: Black-Hundred, black-hundreds);
  // * at either end of a word (revolution*, *ism, *revolution*) matches
  // the whole word, or one part of a hyphenated word (counter-revolution);
  // queries joined by & match where all stand in one sentence.
  // A word without its possessive ('s at its end).
  function unposs(n) { return n.length > 2 && n.slice(-2) === "'s" ? n.slice(0, -2) : n; }
  // A word's parts: its possessive dropped, split at its hyphens
  // (Black-Hundred is black, hundred).
  function parts(n) {
    return unposs(n).split(/[\u2010\u2011-]/).filter(function (p) { return p.length > 0; });
  }
  function tokens(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var n = norm(m[0]);
      out.push({ norm: n, parts: parts(n), start: m.index, end: m.index + m[0].length });
    }
    return out;
  }
  var toks = data.blocks.map(function (b) { return tokens(b.text); });
  // A query: its terms in order, each a word or a wildcard (`prefix`
  // revolution*, `suffix` *ism, `infix` *revolution*); and, for a phrase
  // of words only with two parts or more, its parts (hyphens and spaces
  // alike, possessives dropped).
  function parse(q) {
    var ws = [], m;
    var re = /\*?[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u2010\u2011-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\*?/gu;
    while ((m = re.exec(q)) !== null) ws.push(m[0]);
    var terms = ws.map(function (w) {
      var pre = w.charAt(0) === "*", suf = w.length > 1 && w.charAt(w.length - 1) === "*";
      return { norm: norm(w.slice(pre ? 1 : 0, suf ? w.length - 1 : w.length)),
        kind: pre && suf ? "infix" : pre ? "suffix" : suf ? "prefix" : "word" };
    });
    var ps = [], words = terms.every(function (t) { return t.kind === "word"; });
    if (words) terms.forEach(function (t) { parts(t.norm).forEach(function (p) { ps.push(p); }); });
    return { terms: terms, parts: words && ps.length >= 2 ? ps : null };
  }
  // a wildcard's text p in the word w: at its start, its end, or anywhere
  function wild(kind, w, p) {
    if (w.length < p.length) return false;
    if (kind === "prefix") return w.slice(0, p.length) === p;
    if (kind === "suffix") return w.slice(w.length - p.length) === p;
    return w.indexOf(p) >= 0;
  }
  // one token against one term: the word or its possessive; a wildcard in
  // the whole word, the word without its possessive, or one of its parts
  function termmatch(t, tok) {
    if (t.kind === "word") return unposs(tok.norm) === unposs(t.norm);
    if (wild(t.kind, tok.norm, t.norm) || wild(t.kind, unposs(tok.norm), t.norm)) return true;
    return tok.parts.length > 1 && tok.parts.some(function (p) { return wild(t.kind, p, t.norm); });
  }
  // a part of the text for part j of a phrase's parts P: the same, or for
  // the last part its plural or singular
  function fits(a, P, j) {
    var p = P[j];
    if (a === p) return true;
    if (j + 1 !== P.length) return false;
    return a === p + "s" || a + "s" === p;
  }
  // Where the query matches at token i: the index of the last token, or -1.
  // A phrase's parts are matched in order across tokens, every part of
  // each token taken (Democratic does not match inside Social-Democratic);
  // other queries match term by term, a token each.
  function matchAt(ts, i, q) {
    var k;
    if (q.parts) {
      var P = q.parts, j = 0;
      k = i;
      while (j < P.length) {
        if (k >= ts.length) return -1;
        var tp = ts[k].parts;
        for (var x = 0; x < tp.length; x++) {
          if (j >= P.length || !fits(tp[x], P, j)) return -1;
          j++;
        }
        k++;
      }
      return k - 1;
    }
    if (i + q.terms.length > ts.length) return -1;
    for (k = 0; k < q.terms.length; k++) if (!termmatch(q.terms[k], ts[i + k])) return -1;
    return i + q.terms.length - 1;
  }
  function chars(s) { return Array.from(s); }
  function flat(s) { return s.replace(/[\n\t]/g, " "); }
  // the printed page at offset `at` of a block
  function pageAt(b, at) {
    var p = b.page;
    (b.breaks || []).forEach(function (br) { if (br[0] <= at && br[1] !== null) p = br[1]; });
    return p;
  }
  function sentenceAt(b, at) {
    var s = 0;
    (b.sentences || []).forEach(function (start, i) { if (start <= at) s = i; });
    return s;
  }
  var WIDTH = 40;
  // The matches of one query in a block's tokens: [first, last] token
  // pairs, from the left, none overlapping.
  function matches(ts, query) {
    var out = [];
    for (var i = 0; i < ts.length; i++) {
      var last = matchAt(ts, i, query);
      if (last < 0) continue;
      out.push([i, last]);
      i = last;
    }
    return out;
  }
  // A co-occurrence, "soviet & party": every query in one sentence, one
  // line a sentence, from its first match to the match ending last (the
  // module's {"soviet", "party", within = "sentence"}).
  function cooccur(b, ts, queries) {
    var bysent = {}, spans = [];
    queries.forEach(function (query, k) {
      matches(ts, query).forEach(function (m) {
        var sn = sentenceAt(b, ts[m[0]].start);
        (bysent[sn] = bysent[sn] || []).push({ q: k, first: m[0], last: m[1] });
      });
    });
    Object.keys(bysent).forEach(function (sn) {
      var ms = bysent[sn], seen = {}, n = 0, first = ms[0].first, last = ms[0].last;
      ms.forEach(function (m) {
        if (!seen[m.q]) { seen[m.q] = true; n++; }
        if (m.first < first) first = m.first;
        if (m.last > last) last = m.last;
      });
      if (n === queries.length) spans.push([first, last]);
    });
    return spans.sort(function (a, b) { return a[0] - b[0]; });
  }
  function concordance(q, notes) {
    var parts = q.split("&").filter(function (x) { return x.trim() !== ""; });
    var queries = parts.map(parse), lines = [];
    if (queries.length === 0 || queries.some(function (x) { return x.terms.length === 0; })) return lines;
    data.blocks.forEach(function (b, bi) {
      if (b.part !== "body" && !(notes && b.part === "note")) return;
      var ts = toks[bi];
      var spans = queries.length > 1 ? cooccur(b, ts, queries) : matches(ts, queries[0]);
      spans.forEach(function (m) {
        var s = ts[m[0]].start, e = ts[m[1]].end;
        var left = chars(b.text.slice(0, s)), right = chars(b.text.slice(e));
        lines.push({ block: b, order: lines.length, page: pageAt(b, s),
          left: flat(left.slice(Math.max(0, left.length - WIDTH)).join("")),
          match: flat(b.text.slice(s, e)), right: flat(right.slice(0, WIDTH).join("")) });
      });
    });
    return lines;
  }
  var sortBy = "place";
  function key(l) {
    if (sortBy === "left") return chars(norm(l.left)).reverse().join("");
    if (sortBy === "right") return norm(l.right).replace(/^[^\p{L}\p{N}]+/u, "");
    if (sortBy === "match") return norm(l.match);
    return null;
  }
  function sorted(lines) {
    if (sortBy === "place") return lines;
    var ks = lines.map(function (l) { return [key(l), l]; });
    ks.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1].order - b[1].order; });
    return ks.map(function (x) { return x[1]; });
  }
  function where(b, page) {
    return b.label + (page !== null && page !== undefined ? " p." + page : "");
  }
  function showConcordance() {
    var q = $("search").value, box = $("concordance"), table = $("conc-lines");
    table.textContent = "";
    if (q.trim() === "") { box.hidden = true; return; }
    var lines = concordance(q, $("search-notes").checked);
    box.hidden = false;
    $("conc-count").textContent = lines.length + (lines.length === 1 ? " line" : " lines") +
      " for \u201c" + q.trim() + "\u201d";
    sorted(lines).forEach(function (l) {
      var tr = el("tr", "line");
      var w = el("td", "where"), a = el("a", null, where(l.block, l.page));
      a.href = "#" + l.block.id;
      w.appendChild(a);
      tr.appendChild(w);
      tr.appendChild(el("td", "left", l.left));
      tr.appendChild(el("td", "match", l.match));
      tr.appendChild(el("td", "right", l.right));
      table.appendChild(tr);
    });
  }
  $("search").addEventListener("input", showConcordance);
  $("search-notes").addEventListener("change", showConcordance);
  Array.prototype.forEach.call(document.querySelectorAll("#concordance button[data-sort]"), function (b) {
    b.addEventListener("click", function () {
      sortBy = b.getAttribute("data-sort");
      Array.prototype.forEach.call(document.querySelectorAll("#concordance button[data-sort]"), function (o) {
        o.setAttribute("aria-pressed", o === b ? "true" : "false");
      });
      showConcordance();
    });
  });

  // ---- explanations: an entity, a date, a misprint or a note marker opens
  // a box beside it on a click, a tap, Enter or Space; Escape or the close
  // button shuts it and gives the focus back.
  var pop = $("pop"), popBody = pop.querySelector(".body"), opener = null;
  function closePop() {
    if (pop.hidden) return;
    pop.hidden = true;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    }
    opener = null;
  }
  function place(target) {
    var r = target.getBoundingClientRect();
    var width = Math.min(420, document.documentElement.clientWidth - 16);
    pop.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    pop.style.left = left + "px";
    pop.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  function link(href, text) {
    var a = el("a", null, text);
    a.href = href;
    return a;
  }
  function noteContent(n) {
    var box = document.createDocumentFragment();
    var li = $("note-" + n);
    box.appendChild(el("p", "pop-title", "Note " + n));
    if (li) {
      Array.prototype.forEach.call(li.querySelectorAll("p.blk, li.blk, blockquote, table, div.blk"), function (p) {
        if (p.closest(".back")) return;
        var c = p.cloneNode(true);
        Array.prototype.forEach.call(c.querySelectorAll("[id]"), function (x) { x.removeAttribute("id"); });
        c.removeAttribute("id");
        Array.prototype.forEach.call(c.querySelectorAll("a.pn"), function (x) { x.remove(); });
        box.appendChild(c);
      });
    }
    var go = el("p", "pop-links");
    go.appendChild(link("#note-" + n, "Go to note " + n));
    box.appendChild(go);
    return box;
  }
  function entityContent(id) {
    var e = (data.entities || {})[id], box = document.createDocumentFragment();
    if (!e) return box;
    var t = el("p", "pop-title", e.name + " ");
    t.appendChild(el("span", "pop-type", "(" + e.type + ")"));
    box.appendChild(t);
    if (e.description) box.appendChild(el("p", "pop-desc", e.description));
    if (e.note) {
      var li = $("note-" + e.note);
      var first = li && li.querySelector("p.blk");
      if (first) {
        var c = first.cloneNode(true);
        c.removeAttribute("id");
        Array.prototype.forEach.call(c.querySelectorAll("[id]"), function (x) { x.removeAttribute("id"); });
        Array.prototype.forEach.call(c.querySelectorAll("a.pn"), function (x) { x.remove(); });
        var p = el("p", "pop-note");
        p.appendChild(el("strong", null, "Note " + e.note + ": "));
        while (c.firstChild) p.appendChild(c.firstChild);
        box.appendChild(p);
      }
    }
    var links = el("p", "pop-links");
    links.appendChild(link("#g-" + id, "Glossary entry"));
    if (e.note) { links.appendChild(document.createTextNode(" \u00b7 ")); links.appendChild(link("#note-" + e.note, "Note " + e.note)); }
    links.appendChild(document.createTextNode(" \u00b7 " + e.mentions + (e.mentions === 1 ? " mention" : " mentions")));
    box.appendChild(links);
    return box;
  }
  function openPop(target) {
    var content;
    if (target.hasAttribute("data-entity")) content = entityContent(target.getAttribute("data-entity"));
    else if (target.hasAttribute("data-note")) content = noteContent(target.getAttribute("data-note"));
    else if (target.hasAttribute("data-corr")) {
      content = document.createDocumentFragment();
      content.appendChild(el("p", "pop-title", "A misprint"));
      content.appendChild(el("p", null, "Printed \u201c" + target.querySelector(".sic").textContent +
        "\u201d; meant \u201c" + target.getAttribute("data-corr") + "\u201d."));
      if (target.getAttribute("data-why")) content.appendChild(el("p", "pop-desc", target.getAttribute("data-why")));
    } else if (target.hasAttribute("data-date")) {
      content = document.createDocumentFragment();
      content.appendChild(el("p", "pop-title", target.textContent));
      content.appendChild(el("p", null, target.getAttribute("data-date")));
    }
    if (!content) return;
    if (opener && opener !== target) opener.setAttribute("aria-expanded", "false");
    popBody.textContent = "";
    popBody.appendChild(content);
    opener = target;
    target.setAttribute("aria-expanded", "true");
    pop.hidden = false;
    place(target);
  }
  var OPENERS = ".ent[data-entity], sup.ref a[data-note], .erratum[data-corr], .date[data-date]";
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest && ev.target.closest(OPENERS);
    if (t && !t.closest("#pop") && !t.closest("#glossary")) {
      ev.preventDefault();
      if (opener === t && !pop.hidden) closePop(); else openPop(t);
      return;
    }
    if (!pop.hidden && !pop.contains(ev.target)) closePop();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { closePop(); return; }
    if (ev.key !== "Enter" && ev.key !== " ") return;
    var t = ev.target.closest && ev.target.closest(OPENERS);
    if (t && !t.closest("#pop") && !t.closest("#glossary")) { ev.preventDefault(); openPop(t); }
  });
  pop.querySelector(".close").addEventListener("click", closePop);
  pop.addEventListener("click", function (ev) {
    var a = ev.target.closest("a[href^='#']");
    if (a) { pop.hidden = true; if (opener) opener.setAttribute("aria-expanded", "false"); opener = null; }
  });
  Array.prototype.forEach.call(document.querySelectorAll(OPENERS), function (t) {
    t.setAttribute("aria-expanded", "false");
    t.setAttribute("aria-controls", "pop");
  });

  // ---- the quiz: a set of questions from the page's pool; a wrong answer
  // is told the right one and shown the passage it came from, linked.
  var SET = Math.min(10, data.questions.length);
  var current = [], score = { right: 0, answered: 0 };
  function same(a, b) { return norm(a.trim()).replace(/\s+/g, " ") === norm(b.trim()).replace(/\s+/g, " "); }
  function accepted(q, v) {
    if (same(v, q.answer)) return true;
    return (q.accept || []).some(function (a) { return same(v, a); });
  }
  function updateScore() {
    $("quiz-score").textContent = score.right + " right of " + score.answered + " answered (" +
      current.length + " questions)";
  }
  function blockById(id) {
    for (var i = 0; i < data.blocks.length; i++) if (data.blocks[i].id === id) return data.blocks[i];
    return null;
  }
  // The sentence a question came from, and where it stands.
  function passage(q) {
    if (q.passage) return { text: q.passage, where: q.target === "fields" ? "the header" : "the title", id: q.target };
    var b = q.target && blockById(q.target);
    if (!b) return null;
    var starts = b.sentences || [], k = (q.sentence || 1) - 1;
    var s = starts[k] !== undefined ? starts[k] : 0;
    var e = starts[k + 1] !== undefined ? starts[k + 1] : b.text.length;
    return { text: b.text.slice(s, e).trim(), where: where(b, pageAt(b, s)), id: b.id };
  }
  function mark(div, ok, q) {
    if (div.dataset.answered) return;
    div.dataset.answered = "1";
    score.answered++;
    if (ok) score.right++;
    div.classList.add(ok ? "right" : "wrong");
    var fb = div.querySelector(".feedback");
    fb.textContent = "";
    fb.appendChild(document.createTextNode(ok ? "Right! " : "Not quite: the answer is \u201c" + q.answer + "\u201d. "));
    var p = passage(q);
    if (p) {
      var from = el("span", "passage");
      from.appendChild(document.createTextNode("From "));
      var a = link("#" + p.id, p.where);
      a.className = "passage-link";
      from.appendChild(a);
      from.appendChild(document.createTextNode(": "));
      from.appendChild(el("q", null, p.text));
      fb.appendChild(from);
    } else if (q.feedback) {
      fb.appendChild(el("span", "passage", q.feedback));
    }
    Array.prototype.forEach.call(div.querySelectorAll("button, input"), function (x) { x.disabled = true; });
    updateScore();
  }
  function buildQuiz() {
    var list = $("quiz-list");
    list.textContent = "";
    score = { right: 0, answered: 0 };
    current.forEach(function (qi, i) {
      var q = data.questions[qi];
      var div = el("div", "q");
      div.id = "q" + (i + 1);
      div.setAttribute("data-question", String(qi));
      // where it comes from, as the margins number it: paragraph and page
      var from = passage(q), loc = from ? from.where : q.where;
      div.appendChild(el("p", "kind", (i + 1) + ". " + q.kind + (loc ? " \u00b7 " + loc : "")));
      div.appendChild(el("p", "prompt", q.prompt));
      if (q.choices && q.choices.length) {
        var cs = el("p", "choices");
        q.choices.forEach(function (c) {
          var b = el("button", "choice", c);
          b.type = "button";
          b.addEventListener("click", function () { b.classList.add("picked"); mark(div, c === q.answer, q); });
          cs.appendChild(b);
        });
        div.appendChild(cs);
      } else {
        var p = el("p", "cloze"), input = el("input"), check = el("button", "check", "Check");
        input.type = "text";
        input.setAttribute("aria-label", "your answer");
        check.type = "button";
        check.addEventListener("click", function () { mark(div, accepted(q, input.value), q); });
        input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") check.click(); });
        p.appendChild(input);
        p.appendChild(check);
        div.appendChild(p);
      }
      div.appendChild(el("p", "feedback"));
      list.appendChild(div);
    });
    updateScore();
  }
  // the first set: the first questions of each kind in turn; a new set: a
  // shuffle of the whole pool
  function firstSet() {
    var byKind = {}, kinds = [], out = [];
    data.questions.forEach(function (q, i) {
      if (!byKind[q.kind]) { byKind[q.kind] = []; kinds.push(q.kind); }
      byKind[q.kind].push(i);
    });
    for (var r = 0; out.length < SET; r++) {
      var added = false;
      kinds.forEach(function (k) { if (out.length < SET && byKind[k][r] !== undefined) { out.push(byKind[k][r]); added = true; } });
      if (!added) break;
    }
    return out;
  }
  function newSet() {
    var all = data.questions.map(function (_, i) { return i; });
    for (var i = all.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    // not the same set again, where the pool allows
    var next = all.slice(0, SET);
    if (all.length > SET && next.slice().sort().join() === current.slice().sort().join()) next = all.slice(SET, SET * 2);
    return next.length ? next : all.slice(0, SET);
  }
  current = firstSet();
  buildQuiz();
  $("quiz-retry").addEventListener("click", buildQuiz);
  $("quiz-new").addEventListener("click", function () { current = newSet(); buildQuiz(); });
  $("mode-quiz").textContent = "Quiz (" + current.length + ")";

  // a phone: the header's fields folded away, so that the text comes first
  if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches && $("fields")) $("fields").open = false;

  function mode(quiz) {
    closePop();
    $("quiz").hidden = !quiz;
    $("text").hidden = quiz;
    $("notes").hidden = quiz;
    if ($("glossary")) $("glossary").hidden = quiz;
    $("mode-quiz").setAttribute("aria-pressed", quiz ? "true" : "false");
    $("mode-read").setAttribute("aria-pressed", quiz ? "false" : "true");
  }
  $("mode-quiz").addEventListener("click", function () { mode(true); });
  $("mode-read").addEventListener("click", function () { mode(false); });
  $("highlight").addEventListener("change", function () {
    document.body.classList.toggle("plain", !$("highlight").checked);
  });
  // a link into the text followed from the quiz, the concordance or the
  // glossary goes back to reading
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href^='#']");
    if (a && !$("quiz").hidden && !a.closest("#quiz .quiz-tools")) {
      mode(false);
      // the header's fields, folded on a phone, open to show the passage
      if (a.getAttribute("href") === "#fields" && $("fields")) $("fields").open = true;
    }
  });
})();
