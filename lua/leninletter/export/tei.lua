-- TEI P5 XML: `export.tei`.
-- @module leninletter.export.tei
-- @local

local math = require("leninletter.compat").math

local C = require "leninletter.export.common"
local checkdoc = C.checkdoc
local esc = C.esc
local entities = C.entities
local spans = C.spans
local walk = C.walk
local headblock = C.headblock
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

local function teiopen(s)
  if s.kind == "date" then return "<date" .. teidate(s.d) .. ">" end
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
  return "</" .. ((TEI_NAME[s.e.type] or { "name" })[1]) .. ">"
end

local function teiblock(b, sp)
  local out = {}
  walk(b, sp, function(kind, v)
    if kind == "text" then out[#out + 1] = esc(v)
    elseif kind == "br" then out[#out + 1] = "<lb/>"
    elseif kind == "ref" then out[#out + 1] = ('<ptr target="#note%d" n="%d"/>'):format(v, v)
    elseif kind == "pb" then out[#out + 1] = "<pb/>"
    elseif kind == "open" then out[#out + 1] = teiopen(v)
    elseif kind == "close" then out[#out + 1] = teiclose(v) end
  end)
  return table.concat(out)
end

--- The document as TEI P5 XML: a teiHeader (titleStmt; publicationStmt
-- from the availability field; sourceDesc from the `Source` field, read as
-- a bibl; profileDesc with a correspDesc for a letter and the calendars),
-- the text with `persName`, `orgName`, `placeName`, `title level="j"`
-- (periodicals), `title level="m"` (works) and `name type="event"`
-- pointing (`@ref`) into `listPerson`, `listOrg`, `listPlace`, `listBibl`
-- and `listEvent` in a `standOff`; note markers as `ptr` to the notes
-- (`note n= place="end" xml:id="noteN"`); `pb` for page breaks; `lb` for
-- line breaks; dates as `date` with `@when` (or `@from`/`@to`), and for the
-- old style `@when-custom` (or `@from-custom`/`@to-custom`) with
-- `@datingMethod="#julian"`.
-- @tparam Document doc the document
-- @treturn string the XML
-- @usage io.open("letter.xml", "w"):write(export.tei(ll.letter()))
-- -- xmllint --noout letter.xml
function M.tei(doc)
  checkdoc(doc, "tei")
  local sp = spans(doc)
  local ents = entities(doc)
  local o = {}
  local function w(...) for i = 1, select("#", ...) do o[#o + 1] = select(i, ...) end end
  local meta = doc.meta or {}
  local src = doc.source
  w('<?xml version="1.0" encoding="UTF-8"?>\n')
  w('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">\n')
  w("  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n")
  w("        <title type=\"main\">", esc(doc.title or "Untitled"), "</title>\n")
  if doc.subtitle then w("        <title type=\"sub\">", esc(doc.subtitle), "</title>\n") end
  if doc.author then w("        <author>", esc(doc.author), "</author>\n") end
  for _, f in ipairs(doc.fields) do
    if f:find("Transcription") or f:find("Markup") or f:find("Translated") then
      w("        <respStmt><resp>", esc(f), "</resp><name>", esc(meta[f] or ""), "</name></respStmt>\n")
    end
  end
  w("        <respStmt><resp>TEI encoding</resp><name>", esc(VERSION), "</name></respStmt>\n")
  w("      </titleStmt>\n      <publicationStmt>\n")
  w("        <publisher>Marxists Internet Archive</publisher>\n")
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
      w(("          <date when=\"%s\">%s</date>\n"):format(
        math.type(src.year) == "integer" and ("%04d"):format(src.year) or esc(tostring(src.year)),
        esc(tostring(src.year))))
    end
    if src.first_page then
      local last = src.last_page or src.first_page
      w(("          <biblScope unit=\"page\" from=\"%s\" to=\"%s\">%s</biblScope>\n"):format(
        esc(tostring(src.first_page)), esc(tostring(last)),
        esc(tostring(src.first_page) .. (last ~= src.first_page and "-" .. tostring(last) or ""))))
    end
  end
  w("        </bibl>\n")
  if meta.Source then w("        <p>Source: ", esc(meta.Source), "</p>\n") end
  w("      </sourceDesc>\n    </fileDesc>\n")
  w("    <encodingDesc>\n      <projectDesc><p>Encoded from the Marxists Internet Archive's page by ",
    esc(VERSION), ".</p></projectDesc>\n    </encodingDesc>\n")
  w("    <profileDesc>\n")
  -- a letter: who wrote it, when, and to whom
  local heading = (doc.subtitle or "") .. " " .. (doc.title or "")
  local to = heading:match("[Ll]etter [Tt]o [Tt]he ([%w%s]+)") or heading:match("[Ll]etter [Tt]o ([%w%s]+)")
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
    w("          <name>the ", esc((to:gsub("%s+$", ""))), "</name>\n")
    w("        </correspAction>\n      </correspDesc>\n")
  end
  w("      <calendarDesc>\n        <calendar xml:id=\"julian\"><p>The Julian calendar (Old Style),",
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
  w("  <text>\n    <front>\n      <docTitle>\n")
  if doc.title then
    w("        <titlePart type=\"main\">", teiblock(headblock(doc, doc.title, "title")), "</titlePart>\n")
  end
  if doc.subtitle then
    w("        <titlePart type=\"sub\">", teiblock(headblock(doc, doc.subtitle, "subtitle")),
      "</titlePart>\n")
  end
  w("      </docTitle>\n")
  if doc.author then w("      <docAuthor>", esc(doc.author), "</docAuthor>\n") end
  w("    </front>\n    <body>\n")
  if #doc.paragraphs == 0 then w("      <p/>\n") end
  for i, b in ipairs(doc.paragraphs) do
    w("      <p n=\"", i, "\">", teiblock(b, sp("body", i)), "</p>\n")
  end
  w("    </body>\n    <back>\n      <div type=\"notes\">\n")
  if #doc.notes == 0 then w("        <p/>\n") end
  local seen = {}
  for _, n in ipairs(doc.notes) do
    local id = "note" .. n.n
    if seen[id] then id = id .. "-" .. #doc.notes .. "-" .. _ end
    seen[id] = true
    w(("        <note n=\"%d\" place=\"end\" xml:id=\"%s\">\n"):format(n.n, id))
    for i, b in ipairs(n.paragraphs) do
      w("          <p>", teiblock(b, sp("note", i, n.n)), "</p>\n")
    end
    w("        </note>\n")
  end
  w("      </div>\n    </back>\n  </text>\n</TEI>\n")
  return table.concat(o)
end

return M
