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
-- **JSON schema** (`export.json`, `"schema": "leninletter-document"`,
-- `"version": 1`). Keys are the Lua fields of the API; a field that is nil
-- in Lua is absent; arrays are always JSON arrays (`[]` when empty),
-- `meta` an object:
--
--    { "schema": "leninletter-document", "version": 1,
--      "generator": "leninletter X.Y.Z",
--      "author", "number", "title", "subtitle": string,
--      "fields": [string], "meta": {field: string},
--      "source": {"work", "publisher", "place", "year", "volume",
--                 "first_page", "last_page"},
--      "written", "published": Date,
--      "paragraphs": [Block],
--      "notes": [{"n", "text", "paragraphs": [Block],
--                 "refs": [{"part", "paragraph", "note", "pos"}],
--                 "citations": [{"volume", "first_page", "last_page"}]}],
--      "entities": [{"id", "name", "type", "aliases": [string], "note",
--                    "description", "mentions": [Hit]}],
--      "dates": [Date and Hit],
--      "navigation": [string], "warnings": [string] }
--    Block = {"text", "refs": [{"note", "pos"}], "pagebreaks": [integer],
--             "sentences": [string]}
--    Date  = {"text", "old_style": {"first", "last"}, "new_style": {...}}
--    Hit   = {"part", "paragraph", "note", "field", "sentence", "pos", "len", "text"}
--
-- Positions are 1-based byte positions, as in Lua.
-- Each format is a module of its own under leninletter/export/ (common,
-- text, json, markdown, pandoc, tei, gift, anki, csv, html); this module
-- gathers their functions.
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
