-- corpus_queries.lua: prints what a set of corpus queries return (counts,
-- concordances in the three orders, frequencies, bigrams, collocates), one
-- line each, so that two builds of the module can be compared byte for byte
-- over a whole corpus:
--
--   LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='build/lua5.4/?.so;;' \
--     lua5.4 bench/corpus_queries.lua ../shared/corpus > after.txt
--
-- and the same from the other build's tree; `cmp before.txt after.txt`.
local ll = require "leninletter"

local dir = arg[1] or "../shared/corpus"
local c = assert(ll.corpus({dir}))
local out = {}
local function put(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  out[#out + 1] = table.concat(t, "\t")
end

for _, q in ipairs{"soviet", "the soviet", "revolution*", "of the people", "bolshevik"} do
  put("count", q, c:count(q))
  for _, sort in ipairs{"position", "left", "right"} do
    for _, h in ipairs(c:concordance(q, {sort = sort, width = 30})) do
      put(h.doc, h.left, h.match, h.right, h.pos, h.para)
    end
  end
end
for i, f in ipairs(c:frequencies()) do
  if i > 3000 then break end
  put(f.word, f.count)
end
for i, g in ipairs(c:ngrams(2)) do
  if i > 3000 then break end
  put(g.ngram, g.count)
end
for _, col in ipairs(c:collocates("soviet")) do put(col.word, col.count, col.score) end
io.write(table.concat(out, "\n"), "\n")
