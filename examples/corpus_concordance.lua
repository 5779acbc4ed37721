-- A concordance across the Lenin pages: every place a phrase is used, in
-- any of its forms (opts.variants: Black Hundreds, Black-Hundred,
-- black-hundreds, Black Hundreds’), sorted by the words to its right, each
-- line with the page it is on; also written as CSV (concordance.csv) for a
-- spreadsheet.
--
--   lua examples/corpus_concordance.lua [PHRASE [CORPUS [OUTDIR]]]
local ll = require "leninletter"
local export = require "leninletter.export"

local phrase, dir, out = ...
phrase = phrase or "Black Hundreds"
dir, out = dir or "../shared/corpus/mia-lenin", out or "."

local c = ll.corpus({ dir })
local lines = c:concordance(phrase, { variants = true, width = 35, sort = "right" })
local pages = {}
for _, l in ipairs(lines) do pages[l.doc] = true end
local npages = 0
for _ in pairs(pages) do npages = npages + 1 end
print(("%q: %d lines on %d pages"):format(phrase, #lines, npages))
local rows = {}
for i, l in ipairs(lines) do
  print(("%35s [%s] %-35s  %s"):format(l.left, l.match, l.right, l.title or "?"))
  rows[i] = { left = l.left, match = l.match, right = l.right, title = l.title or "",
    path = (l.path or ""):match("archive/(.*)$") or l.path or "", paragraph = l.paragraph }
end
local f = assert(io.open(out .. "/concordance.csv", "wb"))
f:write(export.csv(rows, { "left", "match", "right", "title", "path", "paragraph" }))
f:close()
print("wrote " .. out .. "/concordance.csv")
