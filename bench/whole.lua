--- bench/whole.lua: one task of bench/run.sh's whole-process figures, as
-- a user's script does it, once (run.sh times the process from outside).
--
--   lua5.4 bench/whole.lua index CORPUS WORD        ll.open + a count (builds the index)
--   lua5.4 bench/whole.lua concordance CORPUS WORD  ll.open + the concordance, scope "all"
--   lua5.4 bench/whole.lua lpeg CORPUS              a plain LPeg tokenizer into a table
--
-- Prints the count, the lines or the words, so a run that did nothing shows.
local task, path, word = arg[1], arg[2], arg[3]

if task == "lpeg" then
  -- module_bench.lua's tokenizer: the words cut out as strings, nothing more
  local lpeg = require "lpeg"
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  local alnum = lpeg.R("az", "AZ", "09") + lpeg.R("\128\255")
  local wordp = alnum ^ 1 * (lpeg.S("-'") * alnum ^ 1) ^ 0
  local splitter = lpeg.Ct((lpeg.C(wordp) + (1 - alnum)) ^ 0)
  print(#splitter:match(text))
  return
end

local doc = assert(require("leninletter").open(path))
if task == "index" then
  print(doc:count(word, { scope = "all" }))
elseif task == "concordance" then
  print(#doc:concordance(word, { scope = "all" }))
else
  error("usage: lua5.4 bench/whole.lua index|concordance|lpeg CORPUS [WORD]")
end
