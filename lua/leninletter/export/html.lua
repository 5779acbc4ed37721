-- The HTML5 study page: `export.html`. Its style sheet and script are
-- data/studypage/page.css and page.js, compiled into
-- leninletter.export.studypage by data/studypage/gen.lua.
-- @module leninletter.export.html
-- @local

local math = require("leninletter.compat").math

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local xmlchars = C.xmlchars
local esc = C.esc
local entities = C.entities
local spans = C.spans
local walk = C.walk
local arr = C.arr
local encode = C.encode
local headblock = C.headblock
local checkquestions = C.checkquestions
local sourcename = C.sourcename
local argerror = C.argerror
local typename = C.typename
local VERSION = C.VERSION

local studypage = require "leninletter.export.studypage"
local HTML_CSS, HTML_JS = studypage.css, studypage.js

local M = {}

local TYPE_LABEL = { person = "person", organization = "organization", periodical = "periodical",
  place = "place", event = "event", work = "work" }

-- The JSON for a <script> element: no "<" (so no "</script>" or "<!--")
-- and no U+2028/U+2029.
local function scriptjson(v)
  local s = encode(v)
  s = s:gsub("<", "\\u003c"):gsub(">", "\\u003e"):gsub("&", "\\u0026")
  s = s:gsub("\226\128\168", "\\u2028"):gsub("\226\128\169", "\\u2029")
  return s
end

local function datetitle(d)
  local t = {}
  if d.old_style then t[#t + 1] = "old style " .. d.old_style.first ..
    (d.old_style.last and d.old_style.last ~= d.old_style.first and (" to " .. d.old_style.last) or "") end
  if d.new_style then t[#t + 1] = "new style " .. d.new_style.first ..
    (d.new_style.last and d.new_style.last ~= d.new_style.first and (" to " .. d.new_style.last) or "") end
  return table.concat(t, "; ")
end

--- One self-contained HTML5 study page: the header, the text with the
-- entities highlighted by type (and dates marked), footnote markers and
-- notes linked both ways, a search box that shows a live concordance (the
-- page's script searches the text embedded in the page, as
-- `doc:concordance` does: whole words, case and apostrophe kind ignored,
-- phrases, `prefix*`), and a quiz mode (cloze, multiple choice, notes and
-- dates questions; a click marks an answer right or wrong). No network:
-- styles, script, text and questions are all in the page, and its
-- Content-Security-Policy forbids loading anything else.
-- @tparam Document doc the document
-- @tparam[opt] table opts `seed` (the quiz's seed, default 1), `count`
--   (questions of each kind, default 5), `questions` (an array of Question
--   to use instead)
-- @treturn string the page
-- @usage io.open("letter.html", "w"):write(export.html(ll.letter()))
function M.html(doc, opts)
  checkdoc(doc, "html")
  if opts ~= nil and type(opts) ~= "table" then
    argerror(2, "html", ("table expected, got %s"):format(typename(opts)))
  end
  opts = opts or {}
  for _, k in ipairs({ "seed", "count" }) do
    if opts[k] ~= nil and math.type(opts[k]) ~= "integer" then
      argerror(2, "html", ("opts.%s must be an integer, got %s"):format(k, typename(opts[k])))
    end
  end
  if opts.count ~= nil and opts.count < 1 then
    argerror(2, "html", ("opts.count must be a positive integer, got %d"):format(opts.count))
  end
  local questions = opts.questions
  if questions ~= nil then
    checkquestions(questions, "html")
  else
    local quiz = require "leninletter.quiz"
    questions = {}
    local qo = { seed = opts.seed or 1, count = opts.count or 5 }
    for _, kind in ipairs({ "choice", "cloze", "notes", "dates" }) do
      for _, q in ipairs((quiz[kind](doc, qo))) do questions[#questions + 1] = q end
    end
  end
  local sp = spans(doc)
  local o = {}
  local function w(...) for i = 1, select("#", ...) do o[#o + 1] = select(i, ...) end end
  -- note markers: ids ref-N-K, K-th citation of note N
  local refcount, reflist = {}, {}
  local function marker(n, where)
    refcount[n] = (refcount[n] or 0) + 1
    local id = ("ref-%d-%d"):format(n, refcount[n])
    reflist[n] = reflist[n] or {}
    table.insert(reflist[n], { id = id, where = where })
    return ('<sup class="ref"><a id="%s" href="#note-%d" aria-label="note %d">[%d]</a></sup>')
      :format(id, n, n, n)
  end
  local function block(b, spans_, where)
    local out = {}
    walk(b, spans_, function(kind, v)
      if kind == "text" then out[#out + 1] = esc(v)
      elseif kind == "br" then out[#out + 1] = "<br>"
      elseif kind == "ref" then out[#out + 1] = marker(v, where)
      elseif kind == "pb" then
        out[#out + 1] = '<span class="pb" title="page break in the print edition">|</span>'
      elseif kind == "open" then
        if v.kind == "date" then
          out[#out + 1] = ('<span class="date" title="%s">'):format(esc(datetitle(v.d)))
        elseif v.kind == "emphasis" then out[#out + 1] = "<em>"
        elseif v.kind == "strong" then out[#out + 1] = "<strong>"
        elseif v.kind == "link" then out[#out + 1] = ('<a href="%s">'):format(esc(v.href or ""))
        elseif v.kind == "erratum" then
          out[#out + 1] = ('<span class="sic" title="as printed; read: %s">'):format(esc(v.x.corr))
        else
          local e = v.e
          local t = TYPE_LABEL[e.type] or "other"
          local title = e.name .. " (" .. t .. ")" .. (e.description and (": " .. e.description) or "")
          out[#out + 1] = ('<span class="ent ent-%s" data-entity="%s" title="%s">'):format(t,
            esc(e.id), esc(title))
        end
      elseif kind == "close" then
        local c = ({ emphasis = "</em>", strong = "</strong>", link = "</a>" })[v.kind] or "</span>"
        if v.kind == "erratum" then c = c .. ('<ins class="corr">[%s]</ins>'):format(esc(v.x.corr)) end
        out[#out + 1] = c
      end
    end)
    return table.concat(out)
  end
  local title = doc.title or doc.author or "Untitled"
  w('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; ',
    'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">\n',
    '<link rel="icon" href="data:,">\n',
    '<meta name="generator" content="', esc(VERSION), '">\n',
    "<title>", esc(title), "</title>\n<style>", HTML_CSS, "</style>\n</head>\n<body>\n")
  w("<header>\n")
  if doc.author then w('<p class="author">', esc(doc.author), "</p>\n") end
  if doc.title then w("<h1>", block(headblock(doc, doc.title, "title"), nil, "title"), "</h1>\n") end
  if doc.subtitle then
    w('<p class="subtitle">', block(headblock(doc, doc.subtitle, "subtitle"), nil, "subtitle"), "</p>\n")
  end
  if #doc.fields > 0 then
    w('<dl class="fields">\n')
    for _, f in ipairs(doc.fields) do
      w("<dt>", esc(f), "</dt><dd>", esc(doc.meta[f] or ""), "</dd>\n")
    end
    w("</dl>\n")
  end
  w("</header>\n")
  w('<nav class="tools" aria-label="tools">\n',
    '<button type="button" id="mode-read" aria-pressed="true">Read</button>\n',
    '<button type="button" id="mode-quiz" aria-pressed="false">Quiz (', #questions, ")</button>\n",
    '<label> Search <input type="search" id="search" placeholder="Soviet, Black Hundreds, revolution*" ',
    'autocomplete="off"></label>\n',
    '<label><input type="checkbox" id="search-notes"> notes too</label>\n',
    '<label><input type="checkbox" id="highlight" checked> highlight</label>\n')
  local present = {}
  for _, e in ipairs(entities(doc)) do present[TYPE_LABEL[e.type] or "other"] = true end
  local legend = {}
  for _, t in ipairs({ "person", "organization", "periodical", "place", "event", "work" }) do
    if present[t] then legend[#legend + 1] = ('<span class="ent-%s">%s</span>'):format(t, t) end
  end
  if #legend > 0 then w('<div class="legend">', table.concat(legend), "</div>\n") end
  w('<section id="concordance" hidden aria-live="polite">\n<p id="conc-count"></p>\n',
    '<table id="conc-lines"></table>\n</section>\n')
  w("</nav>\n")
  w('<main id="text">\n')
  local blocksdata = {}
  for i, b in ipairs(doc.paragraphs) do
    local id = "p" .. i
    w('<p id="', id, '">', block(b, sp("body", i), "paragraph " .. i), "</p>\n")
    blocksdata[#blocksdata + 1] = { id = id, part = "body", label = "\194\182" .. i, text = xmlchars(b.text) }
  end
  w("</main>\n")
  local noteshtml = {}
  for _, n in ipairs(doc.notes) do
    local ps = {}
    for i, b in ipairs(n.paragraphs) do
      local id = ("note-%d-p%d"):format(n.n, i)
      ps[#ps + 1] = ('<p id="%s">%s</p>'):format(id, block(b, sp("note", i, n.n), "note " .. n.n))
      blocksdata[#blocksdata + 1] = { id = id, part = "note", label = "n" .. n.n, text = xmlchars(b.text) }
    end
    noteshtml[#noteshtml + 1] = { n = n.n, ps = ps }
  end
  w('<section id="notes">\n<h2>Notes</h2>\n<ol class="notes">\n')
  local seen = {}
  for _, x in ipairs(noteshtml) do
    local id = seen[x.n] and ("note-%d-%d"):format(x.n, #seen) or ("note-%d"):format(x.n)
    seen[x.n] = true
    w(('<li id="%s" value="%d">'):format(id, x.n), table.concat(x.ps, "\n"))
    local back = {}
    for _, r in ipairs(reflist[x.n] or {}) do
      back[#back + 1] = ('<a href="#%s" class="backref">\226\134\169 %s</a>'):format(r.id, esc(r.where))
    end
    if #back > 0 then w('\n<p class="back">', table.concat(back, " "), "</p>") end
    w("</li>\n")
  end
  w("</ol>\n</section>\n")
  w('<section id="quiz" hidden>\n<h2>Quiz</h2>\n<p class="score" id="quiz-score"></p>\n',
    '<div id="quiz-list"></div>\n</section>\n')
  w("<footer>Text: Marxists Internet Archive (marxists.org). Study page made by ", esc(VERSION),
    ". Entities are highlighted by type; hover for what the notes say.</footer>\n")
  local qdata = {}
  for i, q in ipairs(questions) do
    local cs = {}
    for j, c in ipairs(q.choices or {}) do cs[j] = xmlchars(c) end
    qdata[i] = { kind = q.kind or "question", prompt = xmlchars(q.prompt), answer = xmlchars(q.answer),
      choices = arr(cs), where = sourcename(q.source) }
  end
  w('<script type="application/json" id="leninletter-data">',
    scriptjson({ blocks = arr(blocksdata), questions = arr(qdata) }), "</script>\n")
  w("<script>", HTML_JS, "</script>\n</body>\n</html>\n")
  return table.concat(o)
end

return M
