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
  // Words as the module reads them: letters and digits (and the marks on
  // them), one hyphen or apostrophe (- ' U+2010 U+2011 U+2019) between two
  // of them joining; normal forms case-folded, with U+2019 written as '.
  var WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u2010\u2011-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  function norm(w) { return w.normalize("NFC").toLowerCase().replace(/\u00df/g, "ss").replace(/\u2019/g, "'"); }
  function tokens(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) out.push({ norm: norm(m[0]), start: m.index, end: m.index + m[0].length });
    return out;
  }
  var toks = data.blocks.map(function (b) { return tokens(b.text); });
  function parse(q) {
    var ws = [], m;
    WORD.lastIndex = 0;
    var re = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u2010\u2011-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*\*?/gu;
    while ((m = re.exec(q)) !== null) ws.push(m[0]);
    return ws.map(function (w) {
      var prefix = w.charAt(w.length - 1) === "*";
      return { norm: norm(prefix ? w.slice(0, -1) : w), prefix: prefix };
    });
  }
  function matches(t, w) { return w.prefix ? t.norm.indexOf(w.norm) === 0 : t.norm === w.norm; }
  function chars(s) { return Array.from(s); }
  function flat(s) { return s.replace(/[\n\t]/g, " "); }
  var WIDTH = 40;
  function concordance(q, notes) {
    var ws = parse(q), lines = [];
    if (ws.length === 0) return lines;
    data.blocks.forEach(function (b, bi) {
      if (b.part !== "body" && !(notes && b.part === "note")) return;
      var ts = toks[bi];
      for (var i = 0; i + ws.length <= ts.length; i++) {
        var ok = true;
        for (var j = 0; j < ws.length && ok; j++) ok = matches(ts[i + j], ws[j]);
        if (!ok) continue;
        var s = ts[i].start, e = ts[i + ws.length - 1].end;
        var left = chars(b.text.slice(0, s)), right = chars(b.text.slice(e));
        lines.push({ block: b, left: flat(left.slice(Math.max(0, left.length - WIDTH)).join("")),
          match: flat(b.text.slice(s, e)), right: flat(right.slice(0, WIDTH).join("")) });
      }
    });
    return lines;
  }
  function showConcordance() {
    var q = $("search").value, box = $("concordance"), table = $("conc-lines");
    table.textContent = "";
    if (q.trim() === "") { box.hidden = true; return; }
    var lines = concordance(q, $("search-notes").checked);
    box.hidden = false;
    $("conc-count").textContent = lines.length + (lines.length === 1 ? " line" : " lines") +
      " for \u201c" + q.trim() + "\u201d";
    lines.forEach(function (l) {
      var tr = el("tr", "line");
      var where = el("td", "where"), a = el("a", null, l.block.label);
      a.href = "#" + l.block.id;
      where.appendChild(a);
      tr.appendChild(where);
      tr.appendChild(el("td", "left", l.left));
      tr.appendChild(el("td", "match", l.match));
      tr.appendChild(el("td", "right", l.right));
      table.appendChild(tr);
    });
  }
  $("search").addEventListener("input", showConcordance);
  $("search-notes").addEventListener("change", showConcordance);

  // quiz mode
  var score = { right: 0, answered: 0 };
  function same(a, b) { return norm(a.trim()).replace(/\s+/g, " ") === norm(b.trim()).replace(/\s+/g, " "); }
  function updateScore() {
    $("quiz-score").textContent = score.right + " right of " + score.answered + " answered (" +
      data.questions.length + " questions)";
  }
  function mark(div, ok, q) {
    if (div.dataset.answered) return;
    div.dataset.answered = "1";
    score.answered++;
    if (ok) score.right++;
    div.classList.add(ok ? "right" : "wrong");
    var fb = div.querySelector(".feedback");
    fb.textContent = ok ? "Right!" : "Wrong \u2014 the answer is \u201c" + q.answer + "\u201d.";
    updateScore();
  }
  function buildQuiz() {
    var list = $("quiz-list");
    data.questions.forEach(function (q, i) {
      var div = el("div", "q");
      div.id = "q" + (i + 1);
      div.appendChild(el("p", "kind", (i + 1) + ". " + q.kind + (q.where ? " \u00b7 " + q.where : "")));
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
        check.addEventListener("click", function () { mark(div, same(input.value, q.answer), q); });
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
  buildQuiz();
  function mode(quiz) {
    $("quiz").hidden = !quiz;
    $("text").hidden = quiz;
    $("notes").hidden = quiz;
    $("mode-quiz").setAttribute("aria-pressed", quiz ? "true" : "false");
    $("mode-read").setAttribute("aria-pressed", quiz ? "false" : "true");
  }
  $("mode-quiz").addEventListener("click", function () { mode(true); });
  $("mode-read").addEventListener("click", function () { mode(false); });
  $("highlight").addEventListener("change", function () {
    document.body.classList.toggle("plain", !$("highlight").checked);
  });
  // a marker or back link clicked while in quiz mode goes back to reading
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href^='#']");
    if (a && !$("quiz").hidden) mode(false);
  });
})();
