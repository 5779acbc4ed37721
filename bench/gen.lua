--- bench/gen.lua: writes the benchmark corpus, one valid page of about
-- 60 MB whose body is the letter's body paragraphs repeated with variation.
--
--   lua5.4 bench/gen.lua [OUT [MEGABYTES]]   (default bench/out/corpus.txt, 60)
--
-- The page keeps the letter's header, fields, notes and footer, so the
-- module parses it as one document. Each copy of the body varies: the
-- paragraphs are rotated, the straight and curly apostrophes alternate,
-- some words change case, and a numbered sentence is added to one
-- paragraph, so the vocabulary grows a little as a real corpus does.
-- The output is the same on every run (a fixed linear congruential
-- generator, no math.random).

local out = arg[1] or "bench/out/corpus.txt"
local mb = tonumber(arg[2] or "60")

local f = assert(io.open("data/letter.txt", "rb"))
local letter = f:read("a")
f:close()

-- the page's blocks (separated by blank lines)
local blocks = {}
for b in (letter .. "\n\n"):gmatch("(.-)\n\n+") do
  if b:match("%S") then blocks[#blocks + 1] = b end
end

-- header: up to and including the field block; notes: from "[1] "; footer:
-- the last two navigation blocks
local head, body, notes, foot = {}, {}, {}, {}
local state = "head"
for i, b in ipairs(blocks) do
  if state == "head" then
    head[#head + 1] = b
    if b:match("^Written:") then state = "body" end
  elseif state == "body" and b:match("^%[1%] ") then
    state = "notes"
  end
  if state == "body" and not b:match("^Written:") then
    body[#body + 1] = b
  elseif state == "notes" then
    if i > #blocks - 2 and (b:match("Index") or b:match("^<")) then
      foot[#foot + 1] = b
    else
      notes[#notes + 1] = b
    end
  end
end
assert(#body > 10 and #notes >= 8, "cannot find the letter's parts")

local seed = 12345
local function rand(n)  -- 1..n, deterministic
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end

local function vary(p, copy)
  if copy % 2 == 1 then p = p:gsub("\226\128\153", "'") end  -- ’ -> '
  if rand(4) == 1 then
    -- one word in capitals
    local k, n = rand(40), 0
    p = p:gsub("%f[%a](%a%a%a%a+)", function(w)
      n = n + 1
      if n == k then return w:upper() end
    end)
  end
  return p
end

local target = mb * 1024 * 1024
local fo = assert(io.open(out, "wb"))
local size = 0
local function put(s)
  fo:write(s)
  size = size + #s
end
for _, b in ipairs(head) do put(b .. "\n\n") end
-- the body paragraphs of the first copy are the letter's own
local notesize = 0
for _, b in ipairs(notes) do notesize = notesize + #b + 2 end
local copy = 0
while size + notesize < target do
  local rot = copy % #body
  for k = 1, #body do
    local i = (k - 1 + rot) % #body + 1
    local p = body[i]
    -- markers are kept only in the first copy, so each note is cited once
    if copy > 0 then p = p:gsub("%[%d+%]", "") end
    if copy > 0 then p = vary(p, copy) end
    if copy > 0 and k == 1 then
      p = p .. (" This is copy number %d of the letter, %d."):format(copy, 1905 + copy % 13)
    end
    put(p .. "\n\n")
  end
  copy = copy + 1
end
for _, b in ipairs(notes) do put(b .. "\n\n") end
for _, b in ipairs(foot) do put(b .. "\n\n") end
fo:close()
io.stderr:write(("wrote %s: %d bytes, %d copies of the body\n"):format(out, size, copy))
