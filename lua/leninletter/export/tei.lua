--- TEI P5 XML: `export.tei`.
-- @module leninletter.export.tei

local math = require("leninletter.compat").math

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local esc = C.esc
local entities = C.entities
local spans = C.spans
local walk = C.walk
local headblock = C.headblock
local units = C.units
local checkopts = C.checkopts
local sourceurl = C.sourceurl
local pagenumber = C.pagenumber
local VERSION = C.VERSION

local M = {}

-- An xml:id from an entity id: an NCName.
local function ncname(s, prefix)
  s = tostring(s):gsub("[^%w%._%-]", "_")
  if not s:find("^[%a_]") then s = (prefix or "id-") .. s end
  return s
end

local TEI_NAME = {
  person = { "persName", "listPerson", "person" },
  organization = { "orgName", "listOrg", "org" },
  place = { "placeName", "listPlace", "place" },
  event = { "name", "listEvent", "event" },
  periodical = { "title", "listBibl", "bibl" },
  work = { "title", "listBibl", "bibl" },
}

-- The attributes of a TEI date element for a Date.
local function teidate(d)
  local a = {}
  local function put(k, v) a[#a + 1] = (' %s="%s"'):format(k, esc(v)) end
  local ns, os_ = d.new_style, d.old_style
  if ns then
    if ns.first == ns.last or not ns.last then put("when", ns.first)
    else put("from", ns.first) put("to", ns.last) end
  end
  if os_ and not (ns and ns.first == os_.first and ns.last == os_.last) then
    if os_.first == os_.last or not os_.last then put("when-custom", os_.first)
    else put("from-custom", os_.first) put("to-custom", os_.last) end
    put("datingMethod", "#julian")
  end
  return table.concat(a)
end

local HI = { emphasis = "italic", strong = "bold" }

local function teiopen(s)
  if s.kind == "date" then return "<date" .. teidate(s.d) .. ">" end
  if s.kind == "erratum" then return "<choice><sic>" end
  if HI[s.kind] then return ('<hi rend="%s">'):format(HI[s.kind]) end
  if s.kind == "link" then
    if s.href and s.href ~= "" then return ('<ref target="%s">'):format(esc(s.href)) end
    return "<ref>"
  end
  local e = s.e
  local m = TEI_NAME[e.type] or { "name" }
  local extra = ""
  if e.type == "periodical" then extra = ' level="j"'
  elseif e.type == "work" then extra = ' level="m"'
  elseif e.type == "event" then extra = ' type="event"' end
  return ("<%s%s ref=\"#%s\">"):format(m[1], extra, esc(ncname(e.id)))
end

local function teiclose(s)
  if s.kind == "date" then return "</date>" end
  if s.kind == "erratum" then return "</sic><corr>" .. esc(s.x.corr) .. "</corr></choice>" end
  if HI[s.kind] then return "</hi>" end
  if s.kind == "link" then return "</ref>" end
  return "</" .. ((TEI_NAME[s.e.type] or { "name" })[1]) .. ">"
end

-- A block's content. ctx.pb(): the attributes of the next page break;
-- ctx.noteid(n): the xml:id of note n. mode: nil (br is <lb/>), "verse"
-- (each line an <l>), "table" (tabs and line ends make cells and rows).
local function teiblock(b, sp, ctx, mode)
  local out = {}
  walk(b, sp, function(kind, v)
    if kind == "text" then out[#out + 1] = esc(v)
    elseif kind == "br" then out[#out + 1] = mode == "verse" and "</l>\n<l>" or "<lb/>"
    elseif kind == "row" then out[#out + 1] = "</cell></row>\n<row><cell>"
    elseif kind == "cell" then out[#out + 1] = "</cell><cell>"
    elseif kind == "ref" then out[#out + 1] = ('<ptr target="#%s" n="%d"/>'):format(ctx.noteid(v), v)
    elseif kind == "pb" then out[#out + 1] = "<pb" .. ctx.pb() .. "/>"
    elseif kind == "open" then out[#out + 1] = teiopen(v)
    elseif kind == "close" then out[#out + 1] = teiclose(v) end
  end, { cells = mode == "table" })
  return table.concat(out)
end

-- The blocks of the body or of a note as TEI: a <div> for each section
-- (opened by a heading, with its <head>), paragraphs, quotations, lists,
-- verse, tables and separators. w writes; indent is the outer indentation.
local function teiblocks(blocks, spf, ctx, w, indent, inbody)
  local open = {}
  local function pad() return indent .. ("  "):rep(#open) end
  local wrote = false
  for _, u in ipairs(units(blocks)) do
    local kind = u.kind
    if kind == "heading" and inbody then
      local level = math.type(u.b.level) == "integer" and u.b.level or 1
      while #open > 0 and open[#open] >= level do
        table.remove(open)
        w(pad(), "</div>\n")
      end
      w(pad(), '<div type="section" n="', u.i, '">\n')
      open[#open + 1] = level
      w(pad(), '<head n="', u.i, '">', teiblock(u.b, spf(u.i), ctx), "</head>\n")
    elseif kind == "list" then
      local numbered = u.style ~= nil
      w(pad(), '<list rend="', numbered and "numbered" or "bulleted", '">\n')
      for _, it in ipairs(u.items) do
        local n = it.b.label and (' n="' .. esc(it.b.label) .. '"') or ""
        w(pad(), '  <item', n, ' xml:id="', ctx.id(it.i), '">', teiblock(it.b, spf(it.i), ctx), "</item>\n")
      end
      w(pad(), "</list>\n")
    elseif kind == "quote" then
      w(pad(), '<quote xml:id="', ctx.id(u.i), '" n="', u.i, '"><p>', teiblock(u.b, spf(u.i), ctx), "</p></quote>\n")
    elseif kind == "verse" then
      w(pad(), '<lg xml:id="', ctx.id(u.i), '" n="', u.i, '">\n', pad(), "<l>",
        teiblock(u.b, spf(u.i), ctx, "verse"), "</l>\n", pad(), "</lg>\n")
    elseif kind == "table" then
      w(pad(), '<table xml:id="', ctx.id(u.i), '" n="', u.i, '">\n', pad(), "<row><cell>",
        teiblock(u.b, spf(u.i), ctx, "table"), "</cell></row>\n", pad(), "</table>\n")
    elseif kind == "separator" then
      w(pad(), '<ab type="separator" xml:id="', ctx.id(u.i), '" n="', u.i, '">', teiblock(u.b, spf(u.i), ctx),
        "</ab>\n")
    else
      -- a paragraph, and a heading inside a note
      local t = kind == "heading" and ' rend="heading"' or ""
      w(pad(), '<p xml:id="', ctx.id(u.i), '" n="', u.i, '"', t, ">", teiblock(u.b, spf(u.i), ctx), "</p>\n")
    end
    wrote = true
  end
  while #open > 0 do
    table.remove(open)
    w(pad(), "</div>\n")
  end
  if not wrote then w(indent, "<p/>\n") end
end

-- The addressee of a letter, from a title or subtitle such as "A Letter to
-- the Editor" or "Letter to Maxim Gorky": the words after "to", up to the
-- end or to punctuation.
local function addressee(s)
  if not s then return nil end
  local to = s:match("[Ll]etter [Tt]o (.+)$")
  if not to then return nil end
  to = to:gsub("[%.,;:%(%[%]].*$", ""):gsub("%s+$", "")
  if to == "" then return nil end
  return to
end

--- The document as TEI P5 XML, valid against the full TEI P5 schema
-- (`tei_all.rng`; the specs check it with jing). The teiHeader: the
-- titleStmt, with a `respStmt` for the edition's notes (`xml:id="editor"`)
-- and the author (`xml:id="author"`); the publicationStmt with the page's
-- address (`idno type="URI"`) and its licence; the sourceDesc, a `bibl` of
-- the printed source (work, volume, publisher, place, year, pages, and the
-- Source field as written); for a letter, a correspDesc naming the sender
-- and the addressee. The text: a `div` per section with its `head`,
-- paragraphs `p n=`, quotations `quote`, lists `list`/`item n=` (the
-- printed label), verse `lg`/`l`, tables `table`/`row`/`cell`, separators
-- `ab type="separator"`; emphasis `hi rend="italic"`, strong
-- `hi rend="bold"`, links `ref target=`; `persName`, `orgName`,
-- `placeName`, `title level="j"` (periodicals), `title level="m"` (works)
-- and `name type="event"` pointing (`@ref`) into the lists of a
-- `standOff`; dates as `date` with `@when` (or `@from`/`@to`), and for the
-- old style `@when-custom` (or `@from-custom`/`@to-custom`) with
-- `@datingMethod="#julian"`; the document's errata as
-- `choice`/`sic`/`corr`; page breaks as `pb n=` with the printed page that
-- begins there (from `source.first_page`); note markers as `ptr` to the
-- notes, which are the edition's apparatus in the back:
-- `note n= type="editorial" resp="#editor"` (or `type="authorial"
-- resp="#author"` for a note the page signs as the author's,
-- `note.by == "author"`), `place="end"`.
-- @tparam Document doc the document
-- @tparam[opt] table opts `url`: the page's address (by default the
--   Document's `url`: the letter's on marxists.org)
-- @treturn string the XML
-- @usage io.open("letter.xml", "w"):write(export.tei(ll.letter()))
-- -- jing tei_all.rng letter.xml
function M.tei(doc, opts)
  checkdoc(doc, "tei")
  opts = checkopts(opts, "tei", { url = true })
  local sp = spans(doc)
  local ents = entities(doc)
  local o = {}
  local function w(...) for i = 1, select("#", ...) do o[#o + 1] = select(i, ...) end end
  local meta = doc.meta or {}
  local src = doc.source
  local url = sourceurl(doc, opts)
  -- xml:ids: entities keep theirs; notes are note-N, blocks p-N, note-N-pK
  local used = {}
  for _, e in ipairs(ents) do used[ncname(e.id)] = true end
  local function uniq(id)
    local base, k = id, 1
    while used[id] do
      k = k + 1
      id = base .. "-" .. k
    end
    used[id] = true
    return id
  end
  local respeditor, respauthor = uniq("editor"), uniq("author")
  local noteids = {}
  for _, n in ipairs(doc.notes) do
    if not noteids[n.n] then noteids[n.n] = uniq("note" .. n.n) end
  end
  local pagenum = pagenumber(doc)
  local pbcount = 0
  local ctx = {
    noteid = function(n) return noteids[n] or ("note" .. n) end,
  }
  local function bodypb()
    pbcount = pbcount + 1
    local n = pagenum(pbcount)
    return n and (' n="' .. n .. '"') or ""
  end
  w('<?xml version="1.0" encoding="UTF-8"?>\n')
  w('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">\n')
  w("  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n")
  w("        <title type=\"main\">", esc(doc.title or "Untitled"), "</title>\n")
  if doc.subtitle then w("        <title type=\"sub\">", esc(doc.subtitle), "</title>\n") end
  if doc.author then
    w("        <author xml:id=\"", respauthor, "\">", esc(doc.author), "</author>\n")
  else
    -- the author's notes point here even where the page names no author
    w("        <respStmt xml:id=\"", respauthor, "\"><resp>author</resp><name>the author, unnamed on the page</name>",
      "</respStmt>\n")
  end
  for _, f in ipairs(doc.fields) do
    if f:find("Transcription") or f:find("Markup") or f:find("Translated") then
      w("        <respStmt><resp>", esc(f), "</resp><name>", esc(meta[f] or ""), "</name></respStmt>\n")
    end
  end
  w("        <respStmt xml:id=\"", respeditor, "\"><resp>notes and corrections of the printed edition</resp><name>",
    esc(src and src.publisher and ("the editors, " .. tostring(src.publisher)) or "the editors of the printed edition"),
    "</name></respStmt>\n")
  w("        <respStmt><resp>TEI encoding</resp><name>", esc(VERSION), "</name></respStmt>\n")
  w("      </titleStmt>\n      <publicationStmt>\n")
  w("        <publisher>Marxists Internet Archive</publisher>\n")
  if url then w("        <idno type=\"URI\">", esc(url), "</idno>\n") end
  local avail = {}
  for _, f in ipairs(doc.fields) do
    if f:find("Public Domain") or f:find("Copyleft") or f:find("License") then
      avail[#avail + 1] = "<p>" .. esc(f) .. ": " .. esc(meta[f] or "") .. "</p>"
    end
  end
  if #avail > 0 then
    w("        <availability>", table.concat(avail), "</availability>\n")
  end
  w("      </publicationStmt>\n      <sourceDesc>\n        <bibl>\n")
  if doc.author then w("          <author>", esc(doc.author), "</author>\n") end
  if doc.title then w("          <title level=\"a\">", esc(doc.title), "</title>\n") end
  if src then
    if src.work then w("          <title level=\"m\">", esc(tostring(src.work)), "</title>\n") end
    if src.volume then
      w("          <biblScope unit=\"volume\">", esc(tostring(src.volume)), "</biblScope>\n")
    end
    if src.publisher then w("          <publisher>", esc(tostring(src.publisher)), "</publisher>\n") end
    if src.place then w("          <pubPlace>", esc(tostring(src.place)), "</pubPlace>\n") end
    if src.year then
      local y = math.type(src.year) == "integer" and ("%04d"):format(src.year) or nil
      w("          <date", y and (' when="' .. y .. '"') or "", ">", esc(tostring(src.year)), "</date>\n")
    end
    if src.first_page then
      local last = src.last_page or src.first_page
      local ints = math.type(src.first_page) == "integer" and math.type(last) == "integer"
      w("          <biblScope unit=\"page\"",
        ints and (' from="' .. src.first_page .. '" to="' .. last .. '"') or "", ">",
        esc(tostring(src.first_page) .. (last ~= src.first_page and "-" .. tostring(last) or "")),
        "</biblScope>\n")
    end
  end
  if meta.Source then w("          <note type=\"source\">", esc(meta.Source), "</note>\n") end
  if url then w("          <ref target=\"", esc(url), "\">", esc(url), "</ref>\n") end
  w("        </bibl>\n")
  w("      </sourceDesc>\n    </fileDesc>\n")
  w("    <encodingDesc>\n      <projectDesc><p>Encoded from the Marxists Internet Archive's page by ",
    esc(VERSION), ". The notes are the printed edition's apparatus; misprints are marked with",
    " choice, sic and corr.</p></projectDesc>\n    </encodingDesc>\n")
  w("    <profileDesc>\n")
  -- a letter: who wrote it, when, and to whom
  local to = addressee(doc.subtitle) or addressee(doc.title)
  if to then
    w("      <correspDesc>\n        <correspAction type=\"sent\">\n")
    if doc.author then
      local lenin
      for _, e in ipairs(ents) do
        if e.type == "person" and e.name == doc.author then lenin = e break end
      end
      w("          <persName", lenin and (' ref="#' .. esc(ncname(lenin.id)) .. '"') or "", ">",
        esc(doc.author), "</persName>\n")
    end
    if doc.written then
      w("          <date", teidate(doc.written), ">", esc(doc.written.text), "</date>\n")
    end
    w("        </correspAction>\n        <correspAction type=\"received\">\n")
    w("          <persName>", esc(to), "</persName>\n")
    w("        </correspAction>\n      </correspDesc>\n")
  end
  w("      <calendarDesc>\n        <calendar xml:id=\"", uniq("julian"), "\"><p>The Julian calendar (Old Style),",
    " used in Russia until 1918: dates in it are in @when-custom, @from-custom and @to-custom.</p></calendar>\n",
    "      </calendarDesc>\n")
  if doc.written then
    w("      <creation><date", teidate(doc.written), ">", esc(doc.written.text), "</date></creation>\n")
  end
  w("    </profileDesc>\n  </teiHeader>\n")
  -- the entities, once each, in lists by kind
  if #ents > 0 then
    w("  <standOff>\n")
    for _, kind in ipairs({ "person", "organization", "place", "event", "periodical", "work" }) do
      local m = TEI_NAME[kind]
      local list = {}
      for _, e in ipairs(ents) do
        if e.type == kind then list[#list + 1] = e end
      end
      if #list > 0 then
        w("    <", m[2], " type=\"", kind, "\">\n")
        for _, e in ipairs(list) do
          local id = esc(ncname(e.id))
          local desc = e.description and ("<note>" .. esc(e.description) .. "</note>") or ""
          -- the note that explains it
          if e.note and noteids[e.note] then id = id .. '" corresp="#' .. noteids[e.note] end
          local alias = {}
          for _, a in ipairs(e.aliases or {}) do alias[#alias + 1] = a end
          if kind == "person" or kind == "organization" or kind == "place" then
            local el = m[1]
            local names = { "<" .. el .. ">" .. esc(e.name) .. "</" .. el .. ">" }
            for _, a in ipairs(alias) do
              names[#names + 1] = "<" .. el .. " type=\"alias\">" .. esc(a) .. "</" .. el .. ">"
            end
            w("      <", m[3], " xml:id=\"", id, "\">", table.concat(names), desc, "</", m[3], ">\n")
          elseif kind == "event" then
            local labels = { "<label>" .. esc(e.name) .. "</label>" }
            for _, a in ipairs(alias) do labels[#labels + 1] = "<label type=\"alias\">" .. esc(a) .. "</label>" end
            w("      <event xml:id=\"", id, "\">", table.concat(labels), desc, "</event>\n")
          else
            local level = kind == "periodical" and "j" or "m"
            local titles = { ("<title level=\"%s\">%s</title>"):format(level, esc(e.name)) }
            for _, a in ipairs(alias) do
              titles[#titles + 1] = ("<title level=\"%s\" type=\"alias\">%s</title>"):format(level, esc(a))
            end
            w("      <bibl xml:id=\"", id, "\">", table.concat(titles), desc, "</bibl>\n")
          end
        end
        w("    </", m[2], ">\n")
      end
    end
    w("  </standOff>\n")
  end
  -- the title's and subtitle's page breaks (none on archive pages) carry no number
  ctx.pb = function() return "" end
  w("  <text>\n")
  -- the front, where the page has a title or an author
  if doc.title or doc.subtitle or doc.author then
    w("    <front>\n")
    if doc.title or doc.subtitle then
      w("      <docTitle>\n")
      if doc.title then
        w("        <titlePart type=\"main\">", teiblock(headblock(doc, doc.title, "title"), nil, ctx),
          "</titlePart>\n")
      end
      if doc.subtitle then
        w("        <titlePart type=\"sub\">", teiblock(headblock(doc, doc.subtitle, "subtitle"), nil, ctx),
          "</titlePart>\n")
      end
      w("      </docTitle>\n")
    end
    if doc.author then w("      <docAuthor>", esc(doc.author), "</docAuthor>\n") end
    w("    </front>\n")
  end
  w("    <body>\n")
  local first = pagenum(0)
  if first then w("      <pb n=\"", first, "\"/>\n") end
  ctx.pb = bodypb
  ctx.id = function(i) return uniq("p" .. i) end
  teiblocks(doc.paragraphs, function(i) return sp("body", i) end, ctx, w, "      ", true)
  w("    </body>\n    <back>\n      <div type=\"notes\">\n")
  ctx.pb = function() return "" end
  if #doc.notes == 0 then w("        <p/>\n") end
  local seen = {}
  for k, n in ipairs(doc.notes) do
    local id = noteids[n.n]
    if seen[n.n] then id = uniq("note" .. n.n .. "-" .. k) end
    seen[n.n] = true
    local authorial = n.by == "author"
    w(('        <note n="%d" type="%s" resp="#%s" place="end" xml:id="%s">\n'):format(n.n,
      authorial and "authorial" or "editorial", authorial and respauthor or respeditor, id))
    ctx.id = function(i) return uniq(id .. "-p" .. i) end
    teiblocks(n.paragraphs, function(i) return sp("note", i, n.n) end, ctx, w, "          ", false)
    w("        </note>\n")
  end
  w("      </div>\n    </back>\n  </text>\n</TEI>\n")
  return table.concat(o)
end

return M
