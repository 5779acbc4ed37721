-- A worksheet of cited sentences: every sentence of the letter where two
-- words stand together (a co-occurrence query), numbered, each with its
-- place (paragraph and sentence) and the printed page of the Collected
-- Works it stands on, and the words to find blanked for the class.
--
--   lua examples/worksheet.lua [WORD1 WORD2]
-- (from the project's folder after `make`, with LUA_PATH and LUA_CPATH as
-- in README.md, Examples)
local ll = require "leninletter"

local a, b = ...
a, b = a or "soviet", b or "party"
local doc = ll.letter()

-- the printed page a position of paragraph p stands on: the Source's first
-- page, plus one for each page break before it in the body
local function page(p, pos)
  local n = doc.source.first_page
  for i = 1, p do
    for _, at in ipairs(doc.paragraphs[i].pagebreaks) do
      if i < p or at < pos then n = n + 1 end
    end
  end
  return n
end

local hits = doc:find({ a, b, within = "sentence" })
print(("Worksheet: %s, %s (%s, %s, Vol. %d)"):format(doc.title, doc.author, doc.source.work,
  doc.source.year, doc.source.volume))
print(("Find the two words missing from each sentence (%s and %s)."):format(a, b))
print("")
for i, h in ipairs(hits) do
  local para = doc.paragraphs[h.paragraph]
  local s = para.sentences[h.sentence]
  -- the sentence with every form of the two words blanked
  local blank = s
  for _, w in ipairs({ a, b }) do
    blank = blank:gsub("%f[%w]" .. w:sub(1, 1):upper() .. w:sub(2) .. "%f[^%w]", "_____")
      :gsub("%f[%w]" .. w .. "%f[^%w]", "_____")
  end
  print(("%2d. %s"):format(i, blank))
  print(("    (paragraph %d, sentence %d; p. %d)"):format(h.paragraph, h.sentence,
    page(h.paragraph, h.pos)))
end
print("")
print(("%d sentences."):format(#hits))
