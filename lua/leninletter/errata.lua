--- The letter's misprints as data: `doc.errata`.
--
-- Every Document has `errata`, an array (empty for pages the module has no
-- errata for). The letter's (data/errata.lua, installed as
-- `leninletter.errata_data`) are on `ll.letter()` and on any Document whose
-- text is the letter's (the plain-text file read with `ll.open`), checked
-- entry by entry. Each entry is `{part = "body" | "note", paragraph = i,
-- note = n, pos = p, len = l, sic = "as printed", corr = "as meant", why = "..."}`:
-- `text:sub(pos, pos + len - 1) == sic` in that Block (`doc.paragraphs[i]`,
-- or `doc:note(n).paragraphs[i]`). The TEI and HTML exports show them as
-- sic and correction; the quiz never takes a misprint for an answer.
-- @module leninletter.errata

local document = require "leninletter.document"

local M = {}

local LETTER_TITLE = "Our Tasks and the Soviet of Workers’ Deputies"

--- Where the Marxists Internet Archive publishes the letter: the letter's
-- Documents carry it as `doc.url` (the exports name it as their source).
M.LETTER_URL = "https://www.marxists.org/archive/lenin/works/1905/nov/04b.htm"

-- Loads data/errata.lua: the installed module, else the work tree's file.
local function load()
  local data = require("leninletter.files").module("leninletter.errata_data", debug.getinfo(1, "S").source,
    "../../data/errata.lua")
  if data then return data end
  error("leninletter: the letter's errata (leninletter.errata_data) are not installed", 0)
end

--- The Block an erratum (or any `{part, paragraph, note}`) stands in, or nil.
-- @tparam Document doc the document
-- @tparam table e the erratum
-- @treturn Block|nil
-- @usage local b = errata.block(doc, doc.errata[1])
function M.block(doc, e)
  if e.part == "body" then return doc.paragraphs[e.paragraph] end
  if e.part == "note" then
    for _, n in ipairs(doc.notes) do
      if n.n == e.note then return n.paragraphs[e.paragraph] end
    end
  end
  return nil
end

--- A fresh copy of the letter's errata, whether or not a Document has them.
-- @treturn table array of errata
-- @usage for _, e in ipairs(require("leninletter.errata").letter()) do print(e.sic, e.corr) end
function M.letter()
  local out = {}
  for i, e in ipairs(load()) do
    local c = {}
    for k, v in pairs(e) do c[k] = v end
    out[i] = c
  end
  return out
end

-- doc.errata: the letter's, where every one stands where it says
-- (a body paragraph's text is asked of the C document, so that checking
-- does not make the paragraphs, which a Document makes when first read)
local function onwrap(doc, ud, _, _, isletter)
  doc.errata = {}
  if isletter then doc.url = M.LETTER_URL end
  if not isletter and doc.title ~= LETTER_TITLE then return end
  local list = M.letter()
  for _, e in ipairs(list) do
    local text
    if e.part == "body" then
      text = ud:paratext(e.paragraph)
    else
      local b = M.block(doc, e)
      text = b and b.text
    end
    if not text or text:sub(e.pos, e.pos + e.len - 1) ~= e.sic then return end
  end
  doc.errata = list
  doc.url = doc.url or M.LETTER_URL
end
table.insert(document.onwrap, onwrap)

return M
