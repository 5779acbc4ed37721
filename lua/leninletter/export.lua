--- Exports: a Document as JSON, Pandoc Markdown, a Pandoc JSON AST, an
-- HTML5 study page, TEI P5 XML or plain text; questions as Moodle GIFT or
-- Anki notes; tables as CSV.
--
--    local export = require "leninletter.export"
--    local doc = require("leninletter").letter()
--    io.open("letter.html", "w"):write(export.html(doc))
--
-- Every function returns a string (UTF-8) and writes nothing. Text from
-- the document stays inert in every format, whatever it holds: markup
-- characters are escaped for each format (`<` `&` in XML and HTML, `]]>`,
-- GIFT's `~ = # { } :` and backslash, Markdown's punctuation, a CSV cell
-- that starts like a spreadsheet formula), and characters XML cannot carry
-- (C0 controls) become U+FFFD.
--
-- Every format carries the page's structure (API.md, Structure: headings
-- and sections, quotations, lists with their printed labels, verse,
-- tables, separators, emphasis, links), its notes under their printed
-- numbers, its page breaks with the printed page, and the document's
-- errata (`doc.errata`) where the format can mark them. The document
-- exporters take an optional table of options and refuse a key they do
-- not know (`bad argument #2 to 'tei' (unknown option 'x')`).
--
-- **JSON schema**: `export.json` writes `"schema": "leninletter-document"`,
-- `"version": 2`, valid under the JSON Schema (draft 2020-12) in
-- `schema/leninletter-document.schema.json`, keys in that file's order;
-- every position both as 1-based bytes (`pos`, `len`, as in Lua) and as
-- 0-based code points (`offset`, `length`, as Python and JavaScript index
-- strings). docs/JSON.md documents it.
--
-- Each format is a module of its own under leninletter/export/ (common,
-- text, json, markdown, pandoc, tei, gift, anki, csv, html); this module
-- gathers their functions, each documented in its format's module
-- (`leninletter.export.json` for `export.json`, and so on).
-- @module leninletter.export

local M = {}

local common = require "leninletter.export.common"
local json = require "leninletter.export.json"
local markdown = require "leninletter.export.markdown"
local gift = require "leninletter.export.gift"

--- The version of the JSON schema that `json` writes.
M.JSON_VERSION = json.JSON_VERSION

M.xmlescape = common.xmlescape
M.text = require("leninletter.export.text").text
M.json = json.json
M.markdown = markdown.markdown
M.pandoc = require("leninletter.export.pandoc").pandoc
M.tei = require("leninletter.export.tei").tei
M.giftescape = gift.giftescape
M.gift = gift.gift
M.anki = require("leninletter.export.anki").anki
M.moodle = require("leninletter.export.moodle").moodle
M.csv = require("leninletter.export.csv").csv
M.html = require("leninletter.export.html").html

-- internal, for the specs
M._encode = common.encode
M._mdescape = markdown._mdescape

return M
