--- The HTML5 study page: `export.html`. Its style sheet and script are
-- data/studypage/page.css and page.js, read by leninletter.export.studypage
-- when the first page is written.
-- @module leninletter.export.html

local compat = require "leninletter.compat"
local math = compat.math

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local xmlchars = C.xmlchars
local esc = C.esc
local entities = C.entities
local spans = C.spans
local walk = C.walk
local units = C.units
local arr = C.arr
local encode = C.encode
local headblock = C.headblock
local checkquestions = C.checkquestions
local sourcename = C.sourcename
local argerror = C.argerror
local typename = C.typename
local checkopts = C.checkopts
local sourceurl = C.sourceurl
local pagenumber = C.pagenumber
local VERSION = C.VERSION

local studypage = require "leninletter.export.studypage"

local M = {}

local TYPE_LABEL = { person = "person", organization = "organization", periodical = "periodical",
  place = "place", event = "event", work = "work" }
-- the glossary's sections, in order
local GLOSSARY = { { "person", "People" }, { "organization", "Parties and organisations" },
  { "periodical", "Periodicals" }, { "event", "Events" }, { "place", "Places" }, { "work", "Works" } }

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

-- The JavaScript (UTF-16) offset of byte position pos in s.
local function jsoffset(s, pos)
  local n, i = 0, 1
  while i < pos and i <= #s do
    local c = s:byte(i)
    if c < 0x80 then i = i + 1 n = n + 1
    elseif c < 0xE0 then i = i + 2 n = n + 1
    elseif c < 0xF0 then i = i + 3 n = n + 1
    else i = i + 4 n = n + 2 end
  end
  return n
end

-- A link's target as the page can follow it: in-page links as they are,
-- others made absolute against the page's address when it is known.
local function linkhref(href, base)
  href = href or ""
  if href:find("^#") or href:find("^%a[%w+.-]*:") or not base then return href end
  local root = base:match("^(%a[%w+.-]*://[^/]+)")
  if href:find("^/") then return (root or "") .. href end
  local dir = base:match("^(.*/)") or base
  -- ../ steps
  while href:find("^%.%./") do
    href = href:sub(4)
    local up = dir:match("^(.*/)[^/]+/$")
    if up and #up >= #(root or "") + 1 then dir = up end
  end
  href = href:gsub("^%./", "")
  return dir .. href
end

-- A note's first paragraph as the glossary quotes it: its text with its
-- misprints shown as printed and as meant (note 6's "1900" [1906]), as
-- plain markup that opens nothing (the glossary's boxes are its own);
-- nsp: the spans of that paragraph (the spans() of common.lua).
local function glossnote(note, nsp)
  local b = note.paragraphs[1]
  if not b then return esc(note.text) end
  local only = {}
  for _, s in ipairs(nsp) do
    if s.kind == "erratum" then only[#only + 1] = s end
  end
  local out = {}
  walk({ text = b.text }, only, function(kind, v)
    if kind == "text" then out[#out + 1] = esc(v)
    elseif kind == "br" then out[#out + 1] = "<br>"
    elseif kind == "open" then out[#out + 1] = '<span class="erratum"><span class="sic">'
    elseif kind == "close" then
      out[#out + 1] = ('</span><ins class="corr" title="as meant">%s</ins></span>'):format(esc(v.x.corr))
    end
  end)
  return table.concat(out)
end

-- What the search box suggests: the page's own most frequent words
-- (stop words left out), not another page's names, in the forms the
-- search takes: a word, a prefix with the wildcard, two words in one
-- sentence ("revolutionary, government*, revolutionary & people" for the
-- letter).
local function searchhint(doc)
  local f = type(doc.frequencies) == "function" and doc:frequencies({ stoplist = true }) or {}
  local w = {}
  for i = 1, math.min(3, #f) do w[i] = f[i].word end
  if #w == 0 then return "a word, word*, one & other" end
  if #w == 1 then return w[1] .. ", " .. w[1] .. "*" end
  if #w == 2 then return w[1] .. ", " .. w[2] .. "*, " .. w[1] .. " & " .. w[2] end
  return w[1] .. ", " .. w[2] .. "*, " .. w[1] .. " & " .. w[3]
end

--- One self-contained HTML5 study page. The text with its structure
-- (headings, quotations, lists with their printed labels, tables, verse,
-- separators, emphasis, links), each block numbered in the margin (¶)
-- and the printed page numbers beside the text where a page begins; the
-- entities highlighted by type and the dates marked, each opening its
-- explanation (what the notes say, the note itself, the glossary entry)
-- on a click, a tap or the keyboard (Tab to it, Enter or Space; Escape
-- closes); note markers opening their note the same way, and the notes
-- linked back to every marker; the document's misprints shown as printed
-- with what is meant; a glossary of the people, parties, periodicals,
-- events, places and works with their notes and where they are mentioned;
-- a search box with a live concordance that finds the variants a reader
-- means, by the module's query rules with `variants = true` (`Black
-- Hundreds` finds `Black-Hundred`, `tsar` finds `tsar’s`; case and
-- apostrophe kind ignored; phrases; `*` at either end of a word:
-- `revolution*`, `*ism`, `*revolution*`; `soviet & party` for both in one
-- sentence, as `{"soviet", "party", within = "sentence"}`), each line citing
-- its paragraph and page, sortable by place, left or right context; and a
-- quiz (multiple choice, cloze, notes and dates) that explains a wrong
-- answer with the passage it came from (linked), with Try again and New
-- questions. On a phone-width screen the text comes first. No network:
-- styles, script, text and questions are all in the page, and its
-- Content-Security-Policy forbids loading anything else.
-- @tparam Document doc the document
-- @tparam[opt] table opts `seed` (the questions' seed, default 1), `count`
--   (questions of each kind, default 5), `questions` (an array of Question
--   to use instead), `url` (the page's address, by default the Document's
--   `url`: relative links resolve against it)
-- @treturn string the page
-- @usage io.open("letter.html", "w"):write(export.html(ll.letter()))
function M.html(doc, opts)
  checkdoc(doc, "html")
  opts = checkopts(opts, "html", { seed = true, count = true, questions = true, url = true })
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
  local url = sourceurl(doc, opts)
  local sp = spans(doc)
  local ents = entities(doc)
  -- a glossary where the text (not only the header) names an entity
  local hasglossary = false
  for _, e in ipairs(ents) do
    for _, m in ipairs(e.mentions or {}) do
      if m.part ~= "meta" then hasglossary = true end
    end
  end
  local pagenum = pagenumber(doc)
  local o = {}
  local function w(...) for i = 1, select("#", ...) do o[#o + 1] = select(i, ...) end end
  -- note markers: ids ref-N-K, K-th citation of note N
  local refcount, reflist = {}, {}
  local function marker(n, where, whereid)
    refcount[n] = (refcount[n] or 0) + 1
    local id = ("ref-%d-%d"):format(n, refcount[n])
    reflist[n] = reflist[n] or {}
    table.insert(reflist[n], { id = id, where = where, whereid = whereid })
    return ('<sup class="ref"><a id="%s" href="#note-%d" data-note="%d" aria-haspopup="dialog" '
      .. 'aria-label="note %d">[%d]</a></sup>'):format(id, n, n, n, n)
  end
  -- the page each block begins on, and where the next ones begin
  local page = pagenum(0)
  local pbcount = 0
  local bodymode = false
  -- mode: nil, "verse" (lines become spans), "table" (cells and rows)
  local function inline(b, spans_, where, whereid, mode, pages)
    local out = {}
    if mode == "verse" then out[1] = '<span class="l">' end
    walk(b, spans_, function(kind, v, again)
      if kind == "text" then out[#out + 1] = esc(v)
      elseif kind == "br" then out[#out + 1] = mode == "verse" and '</span>\n<span class="l">' or "<br>"
      elseif kind == "cell" then out[#out + 1] = "</td><td>"
      elseif kind == "row" then out[#out + 1] = "</td></tr>\n<tr><td>"
      elseif kind == "ref" then out[#out + 1] = marker(v, where, whereid)
      elseif kind == "pb" then
        local n
        if bodymode then
          pbcount = pbcount + 1
          n = pagenum(pbcount)
          if n then page = n end
        end
        if pages then pages[#pages + 1] = { pos = 0, page = n } end
        if n then
          out[#out + 1] = ('<span class="pb" id="page-%d" title="page %d of the printed edition begins here">'
            .. '|<span class="pbn" aria-label="page %d">p.\194\160%d</span></span>'):format(n, n, n, n)
        else
          out[#out + 1] = '<span class="pb" title="a page of the printed edition ends here">|</span>'
        end
      elseif kind == "open" then
        if v.kind == "date" then
          out[#out + 1] = ('<span class="date" tabindex="0" role="button" aria-haspopup="dialog" '
            .. 'data-date="%s">'):format(esc(datetitle(v.d)))
        elseif v.kind == "emphasis" then out[#out + 1] = "<em>"
        elseif v.kind == "strong" then out[#out + 1] = "<strong>"
        elseif v.kind == "link" then out[#out + 1] = ('<a href="%s">'):format(esc(linkhref(v.href, url)))
        elseif v.kind == "erratum" then
          out[#out + 1] = ('<span class="erratum" tabindex="0" role="button" aria-haspopup="dialog" '
            .. 'data-corr="%s" data-why="%s"><span class="sic">'):format(esc(v.x.corr), esc(v.x.why or ""))
        else
          local e = v.e
          local t = TYPE_LABEL[e.type] or "other"
          out[#out + 1] = ('<span class="ent ent-%s" tabindex="%s" role="button" aria-haspopup="dialog" '
            .. 'data-entity="%s">'):format(t, again and "-1" or "0", esc(e.id))
        end
      elseif kind == "close" then
        local c = ({ emphasis = "</em>", strong = "</strong>", link = "</a>" })[v.kind] or "</span>"
        if v.kind == "erratum" then
          c = ('</span><ins class="corr" title="as meant">%s</ins></span>'):format(esc(v.x.corr))
        end
        out[#out + 1] = c
      end
    end, { cells = mode == "table" })
    if mode == "verse" then out[#out + 1] = "</span>" end
    return table.concat(out)
  end
  local title = doc.title or doc.author or "Untitled"
  w('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; ',
    'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">\n',
    '<link rel="icon" href="data:,">\n',
    '<meta name="generator" content="', esc(VERSION), '">\n',
    "<title>", esc(title), "</title>\n<style>", studypage.css, "</style>\n</head>\n<body>\n")
  w('<header id="top">\n')
  if doc.author then w('<p class="author">', esc(doc.author), "</p>\n") end
  if doc.title then w("<h1>", inline(headblock(doc, doc.title, "title"), nil, "title", "top"), "</h1>\n") end
  if doc.subtitle then
    w('<p class="subtitle">', inline(headblock(doc, doc.subtitle, "subtitle"), nil, "subtitle", "top"), "</p>\n")
  end
  if #doc.fields > 0 then
    -- open; on a phone the script closes it, so that the text comes first
    w('<details class="fields" id="fields" open><summary>About this text</summary>\n<dl class="fields">\n')
    for _, f in ipairs(doc.fields) do
      w("<dt>", esc(f), "</dt><dd>", esc(doc.meta[f] or ""), "</dd>\n")
    end
    w("</dl>\n</details>\n")
  end
  if url then w('<p class="source">From <a href="', esc(url), '">', esc(url), "</a></p>\n") end
  -- the page's sections (doc.sections), each linked to its heading
  local secs = type(doc.sections) == "table" and doc.sections or {}
  if #secs > 1 then
    w('<details class="toc" id="toc"><summary>Contents (', #secs, " sections)</summary>\n<ul>\n")
    for _, sec in ipairs(secs) do
      if math.type(sec.paragraph) == "integer" and doc.paragraphs[sec.paragraph] then
        local level = math.type(sec.level) == "integer" and math.max(1, math.min(6, sec.level)) or 1
        w(('<li class="toc-%d"><a href="#p%d">%s</a></li>\n'):format(level, sec.paragraph,
          esc((tostring(sec.title or doc.paragraphs[sec.paragraph].text):gsub("%s+", " ")))))
      end
    end
    w("</ul>\n</details>\n")
  end
  w("</header>\n")
  -- the text: every block numbered; data for the script's search
  local blocksdata = {}
  local function blockdata(id, part, label, b, n, pages)
    local breaks = {}
    for k, p in ipairs(b.pagebreaks or {}) do
      breaks[k] = { jsoffset(b.text, p), pages[k] and pages[k].page or C.NULL }
    end
    local sents = {}
    for k, p in ipairs(b.sentence_pos or {}) do sents[k] = jsoffset(b.text, p) end
    blocksdata[#blocksdata + 1] = { id = id, part = part, label = label, n = n, text = xmlchars(b.text),
      page = page or C.NULL, breaks = arr(breaks), sentences = arr(sents) }
  end
  local function blocks(list, spf, idp, part, labelp)
    local out = {}
    local function one(u, tag, attrs, mode)
      local id = idp .. u.i
      local startpage = page
      local pages = {}
      local inner = inline(u.b, spf(u.i), labelp .. u.i, id, mode, pages)
      local savepage = page
      page = startpage
      blockdata(id, part, labelp .. u.i, u.b, u.i, pages)
      page = savepage
      return ('<%s id="%s" class="blk"%s><a class="pn" href="#%s" aria-label="%s">%d</a>%s</%s>'):format(
        tag, id, attrs or "", id, (part == "body" and "paragraph " or "paragraph ") .. u.i, u.i, inner, tag)
    end
    for _, u in ipairs(units(list)) do
      local kind = u.kind
      if kind == "heading" and part == "body" then
        local level = math.max(1, math.min(4, math.type(u.b.level) == "integer" and u.b.level or 1))
        out[#out + 1] = one(u, "h" .. (level + 1))
      elseif kind == "list" then
        local tag = u.style and "ol" or "ul"
        local TYPE = { Decimal = "1", LowerAlpha = "a", UpperAlpha = "A", LowerRoman = "i", UpperRoman = "I" }
        local items = {}
        for _, it in ipairs(u.items) do
          local value = it.number and (' value="%d"'):format(it.number) or ""
          local label = it.b.label and ('<span class="label">%s</span> '):format(esc(it.b.label)) or ""
          local li = one(it, "li", value .. (it.b.label and ' data-label="' .. esc(it.b.label) .. '"' or ""))
          items[#items + 1] = li:gsub('(<a class="pn"[^>]*>%d+</a>)', "%1" .. label:gsub("%%", "%%%%"), 1)
        end
        -- the printed labels show as printed ("a)", "(1)", "IV."); type and
        -- value say the same to a reader that does not read them
        local typ = u.style and (' type="%s"'):format(TYPE[u.style]) or ""
        out[#out + 1] = ("<%s class=\"list\"%s>\n%s\n</%s>"):format(tag, typ, table.concat(items, "\n"), tag)
      elseif kind == "quote" then
        out[#out + 1] = "<blockquote>" .. one(u, "p") .. "</blockquote>"
      elseif kind == "verse" then
        out[#out + 1] = one(u, "div", ' class="blk verse"', "verse"):gsub('class="blk" class="blk verse"',
          'class="blk verse"', 1)
      elseif kind == "table" then
        local id = idp .. u.i
        local pages = {}
        local inner = inline(u.b, spf(u.i), labelp .. u.i, id, "table", pages)
        blockdata(id, part, labelp .. u.i, u.b, u.i, pages)
        out[#out + 1] = ('<div id="%s" class="blk tablewrap"><a class="pn" href="#%s" aria-label="paragraph %d">%d</a>'
          .. '<div class="scroll"><table>\n<tr><td>%s</td></tr>\n</table></div></div>'):format(id, id, u.i, u.i, inner)
      elseif kind == "separator" then
        out[#out + 1] = one(u, "p", ' role="separator"'):gsub('class="blk"', 'class="blk sep"', 1)
      else
        out[#out + 1] = one(u, "p")
      end
    end
    return table.concat(out, "\n")
  end
  w('<main id="text">\n')
  bodymode = true
  local firstpage = pagenum(0)
  if firstpage and #doc.paragraphs > 0 then
    w(('<p class="pb start" id="page-%d"><span class="pbn">p.\194\160%d</span></p>\n'):format(firstpage, firstpage))
  end
  w(blocks(doc.paragraphs, function(i) return sp("body", i) end, "p", "body", "\194\182"), "\n")
  bodymode = false
  w("</main>\n")
  page = nil
  local noteshtml = {}
  for _, n in ipairs(doc.notes) do
    noteshtml[#noteshtml + 1] = { n = n.n,
      html = blocks(n.paragraphs, function(i) return sp("note", i, n.n) end, ("note-%d-p"):format(n.n), "note",
        "n" .. n.n .. "\194\182") }
  end
  for _, b in ipairs(blocksdata) do
    if b.part == "note" then b.label = b.label:gsub("\194\182%d+$", "") end
  end
  w('<section id="notes" aria-labelledby="notes-h">\n<h2 id="notes-h">Notes</h2>\n<ol class="notes">\n')
  local seen = {}
  for _, x in ipairs(noteshtml) do
    local id = seen[x.n] and ("note-%d-%d"):format(x.n, #seen) or ("note-%d"):format(x.n)
    seen[x.n] = true
    w(('<li id="%s" value="%d">'):format(id, x.n), x.html)
    local back = {}
    for _, r in ipairs(reflist[x.n] or {}) do
      back[#back + 1] = ('<a href="#%s" class="backref">\226\134\169 %s</a>'):format(r.id, esc(r.where))
    end
    if #back > 0 then w('\n<p class="back">', table.concat(back, " "), "</p>") end
    w("</li>\n")
  end
  w("</ol>\n</section>\n")
  -- the glossary
  local entdata = {}
  if hasglossary then
    w('<section id="glossary" aria-labelledby="glossary-h">\n<h2 id="glossary-h">Glossary</h2>\n',
      '<p class="hint">The people, parties, periodicals and events the text names, with what its notes say.',
      " Click, tap or press Enter on a highlighted name in the text to see its entry.</p>\n")
    for _, g in ipairs(GLOSSARY) do
      -- what the text names: not the header's transcribers, publishers and archives
      local list = {}
      for _, e in ipairs(ents) do
        local intext = false
        for _, m in ipairs(e.mentions or {}) do
          if m.part ~= "meta" then intext = true break end
        end
        if e.type == g[1] and intext then list[#list + 1] = e end
      end
      if #list > 0 then
        w('<h3 class="gt gt-', g[1], '">', g[2], "</h3>\n<dl>\n")
        for _, e in ipairs(list) do
          local where, seenp = {}, {}
          for _, m in ipairs(e.mentions or {}) do
            local key, href, label
            if m.part == "body" then
              key, href, label = "b" .. m.paragraph, "#p" .. m.paragraph, "\194\182" .. m.paragraph
            elseif m.part == "note" then
              key, href, label = "n" .. m.note, ("#note-%d"):format(m.note), "note " .. m.note
            elseif m.part == "title" or m.part == "subtitle" then
              key, href, label = m.part, "#top", m.part
            end
            if key and not seenp[key] then
              seenp[key] = true
              where[#where + 1] = ('<a href="%s">%s</a>'):format(href, label)
            end
          end
          w('<dt id="g-', esc(e.id), '"><span class="ent ent-', TYPE_LABEL[e.type] or "other", '">', esc(e.name),
            "</span>")
          if e.aliases and #e.aliases > 0 then
            local al = {}
            for k, a in ipairs(e.aliases) do al[k] = esc(a) end
            w(' <span class="aka">also ', table.concat(al, ", "), "</span>")
          end
          w("</dt>\n<dd>")
          if e.description then w('<p class="desc">', esc(e.description), "</p>") end
          local note = e.note and doc:note(e.note)
          if note then
            w(('<p class="gnote"><a href="#note-%d">Note %d</a>: %s</p>'):format(note.n, note.n,
              glossnote(note, sp("note", 1, note.n))))
          end
          w('<p class="where">', #e.mentions, #e.mentions == 1 and " mention" or " mentions",
            #where > 0 and ": " or "", table.concat(where, ", "), "</p></dd>\n")
          entdata[e.id] = { name = xmlchars(e.name), type = TYPE_LABEL[e.type] or "other",
            description = e.description and xmlchars(e.description) or nil, note = note and note.n or nil,
            mentions = #e.mentions }
        end
        w("</dl>\n")
      end
    end
    w("</section>\n")
  end
  w('<section id="quiz" hidden aria-labelledby="quiz-h">\n<h2 id="quiz-h">Quiz</h2>\n',
    '<p class="score" id="quiz-score" aria-live="polite"></p>\n',
    '<p class="quiz-tools"><button type="button" id="quiz-retry">Try again</button> ',
    '<button type="button" id="quiz-new">New questions</button></p>\n',
    '<div id="quiz-list"></div>\n</section>\n')
  w("<footer>Text: Marxists Internet Archive (marxists.org). Study page made by ", esc(VERSION),
    ". Names are highlighted by type: click, tap or press Enter on one for what the notes say.</footer>\n")
  -- the tools: after the text in the page, at the top of a wide screen
  w('<nav class="tools" aria-label="tools">\n<div class="row">',
    '<button type="button" id="mode-read" aria-pressed="true">Read</button>\n',
    '<button type="button" id="mode-quiz" aria-pressed="false">Quiz</button>\n',
    hasglossary and '<a href="#glossary" class="glossary-link">Glossary</a>\n' or "",
    '<label class="searchlabel">Search <input type="search" id="search" ',
    'placeholder="', esc(searchhint(doc)), '" autocomplete="off"></label>\n',
    '<label><input type="checkbox" id="search-notes"> notes too</label>\n',
    '<label><input type="checkbox" id="highlight" checked> highlight</label></div>\n')
  local present = {}
  for _, e in ipairs(ents) do present[TYPE_LABEL[e.type] or "other"] = true end
  local legend = {}
  for _, t in ipairs({ "person", "organization", "periodical", "place", "event", "work" }) do
    if present[t] then legend[#legend + 1] = ('<span class="ent-%s">%s</span>'):format(t, t) end
  end
  if #legend > 0 then w('<div class="legend">', table.concat(legend), "</div>\n") end
  w('<section id="concordance" hidden aria-live="polite">\n<p id="conc-count"></p>\n',
    '<p class="sort">Sort by <button type="button" data-sort="place" aria-pressed="true">place</button>',
    '<button type="button" data-sort="left" aria-pressed="false">left</button>',
    '<button type="button" data-sort="match" aria-pressed="false">match</button>',
    '<button type="button" data-sort="right" aria-pressed="false">right</button></p>\n',
    '<table id="conc-lines"></table>\n</section>\n')
  w("</nav>\n")
  w('<div id="pop" role="dialog" aria-modal="false" hidden><button type="button" class="close" ',
    'aria-label="close">\195\151</button><div class="body"></div></div>\n')
  local qdata = {}
  for i, q in ipairs(questions) do
    local cs = {}
    for j, c in ipairs(q.choices or {}) do cs[j] = xmlchars(c) end
    local src = q.source or {}
    local target, ptext
    if src.part == "body" and src.paragraph then target = "p" .. src.paragraph
    elseif src.part == "note" and src.note then target = ("note-%d-p%d"):format(src.note, src.paragraph or 1)
    elseif src.part == "meta" and src.field and doc.meta[src.field] then
      -- a header field: the passage is the field as the header gives it
      target, ptext = #doc.fields > 0 and "fields" or "top", src.field .. ": " .. doc.meta[src.field]
    elseif (src.part == "title" or src.part == "subtitle") and doc[src.part] then
      target, ptext = "top", doc[src.part]
    end
    qdata[i] = { kind = q.kind or "question", prompt = xmlchars(q.prompt), answer = xmlchars(q.answer),
      choices = arr(cs), where = sourcename(q.source), target = target, sentence = src.sentence,
      passage = ptext and xmlchars(ptext) or nil,
      feedback = type(q.feedback) == "string" and xmlchars(q.feedback) or nil }
    local accept = {}
    for j, a in ipairs(type(q.accept) == "table" and q.accept or {}) do
      if type(a) == "string" then accept[j] = xmlchars(a) end
    end
    if #accept > 0 then qdata[i].accept = accept end
  end
  w('<script type="application/json" id="leninletter-data">',
    scriptjson({ blocks = arr(blocksdata), questions = arr(qdata), entities = entdata }), "</script>\n")
  w("<script>", studypage.js, "</script>\n</body>\n</html>\n")
  return table.concat(o)
end

return M
