-- bench/phrase.lua: a long phrase whose first word is frequent (issue #19,
-- the O(n*k) phrase query). A page of N paragraphs, each 63 times "the"
-- then "soviet." (64 tokens); the phrase is 32 times "the" then "soviet"
-- (k = 33 words), one hit per paragraph. Going through the first word's
-- positions tries about 32 words at each of the n = 64*N tokens' "the";
-- going through the rarest word's tries 33 at each "soviet".
-- lua5.4 bench/phrase.lua [N [REPEAT]] prints the count, the parse's and
-- the queries' processor time.
local ll = require "leninletter"
local n = tonumber(arg[1]) or 20000
local rep = tonumber(arg[2]) or 20
local para = string.rep("the ", 63) .. "soviet."
local t = {}
for i = 1, n do t[i] = para end
local c0 = os.clock()
local doc = assert(ll.parse(table.concat(t, "\n\n")))
doc:count("soviet") -- the index, built once
local c1 = os.clock()
local q = string.rep("the ", 32) .. "soviet"
local c
for _ = 1, rep do c = doc:count(q) end
local c2 = os.clock()
print(("%d hits (want %d), parse+index %.3f s, %d queries %.3f s"):format(c, n, c1 - c0, rep, c2 - c1))
