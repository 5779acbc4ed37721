-- mkseeds.lua: builds the fuzzers' seed corpora at run time from the letter,
-- the real samples and a few corpus pages (none of which is committed here).
-- Usage: lua5.4 csrc/fuzz/mkseeds.lua SHARED OUTDIR   (SHARED: ../shared)

local shared, out = arg[1] or "../shared", arg[2] or "build/fuzz/seeds"

local function readfile(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function mkdir(path)
  assert(os.execute(("mkdir -p '%s'"):format(path)))
end

local counts = {}
local function seed(fuzzer, name, data)
  local dir = out .. "/" .. fuzzer
  if not counts[fuzzer] then
    mkdir(dir)
    counts[fuzzer] = 0
  end
  local f = assert(io.open(dir .. "/" .. name, "wb"))
  f:write(data)
  f:close()
  counts[fuzzer] = counts[fuzzer] + 1
end

-- the plain-text pages: the letter and the samples
local texts = { letter = assert(readfile("data/letter.txt"), "data/letter.txt") }
for _, n in ipairs({ "01", "08", "10", "19", "22" }) do
  texts["sample" .. n] = readfile(shared .. "/mia-samples/" .. n .. ".txt")
end
local names = {}
for k in pairs(texts) do names[#names + 1] = k end
table.sort(names)

-- HTML pages: a fixed few that matter (page labels, charsets, notes), and
-- every 97th page under 48 KB, in path order, for variety
local fixed = {
  "mia-reader-lenin/archive/lenin/works/1914/nov/08.htm",
  "mia-reader-lenin/archive/lenin/works/1913/mar/22.htm",
  "mia-reader-lenin/archive/lenin/works/1913/mar/x01.htm",
  "mia-lenin/archive/lenin/works/1917/dec/14b.htm",
  "mia-lenin/archive/lenin/works/1917/nov/12.htm",
  "mia-lenin/archive/lenin/works/1917/staterev/preface.htm",
  "mia-lenin/archive/lenin/works/1918/prrk/index.htm",
  "mia-pd/archive/olgin/freiheit/olgin01.htm",
  "mia-pd/archive/kitz/builder.htm",
}
local pages = {}
for _, p in ipairs(fixed) do pages[#pages + 1] = p end
local list = io.popen(("cd '%s/corpus' 2>/dev/null && find . -name '*.htm*' -size -48k | sort")
  :format(shared))
if list then
  local i = 0
  for p in list:lines() do
    i = i + 1
    if i % 97 == 0 then pages[#pages + 1] = p:gsub("^%./", "") end
  end
  list:close()
end

-- page: whole pages, with other line ends and a byte-order mark
for _, k in ipairs(names) do
  local t = texts[k]
  if t then
    seed("page", k .. ".txt", t)
    if k ~= "letter" then seed("page", k .. "-crlf.txt", (t:gsub("\n", "\r\n"))) end
  end
end
seed("page", "letter-bom-cr.txt", "\239\187\191" .. texts.letter:gsub("\n", "\r"))

-- big: a repetition byte (1 + its value copies), then a page's start
for i, k in ipairs(names) do
  local t = texts[k]
  if t then seed("big", k, string.char((i * 53) % 256) .. t:sub(1, 16384)) end
end

-- html: the pages as served
local nhtml = 0
for _, p in ipairs(pages) do
  local h = readfile(shared .. "/corpus/" .. p)
  if h then
    nhtml = nhtml + 1
    seed("html", ("%02d-%s"):format(nhtml, p:gsub("[/%.]", "_")), h)
  end
end

-- sent: the paragraphs of every text
for _, k in ipairs(names) do
  local t = texts[k]
  if t then
    local i = 0
    for para in (t .. "\n\n"):gmatch("(.-)\n%s*\n") do
      if #para > 40 then
        i = i + 1
        seed("sent", ("%s-%03d"):format(k, i), para)
      end
    end
  end
end

-- dates: lines with a digit, in the texts and in the pages' headers
local nd = 0
local function dateseed(line)
  nd = nd + 1
  seed("dates", ("%04d"):format(nd), line)
end
for _, k in ipairs(names) do
  local t = texts[k]
  if t then
    for line in t:gmatch("[^\n]+") do
      if line:find("%d") and #line < 4096 then dateseed(line) end
    end
  end
end
for _, p in ipairs(pages) do
  local h = readfile(shared .. "/corpus/" .. p)
  if h then
    for line in h:gmatch("[^\n]+") do
      if line:find("Written") or line:find("Published") or line:find("Delivered") then
        local plain = line:gsub("<[^>]*>", "")
        if plain:find("%d") then dateseed(plain) end
      end
    end
  end
end

-- query: two option bytes (stem/scope/sort/measure, width), then the query
local queries = {
  "Soviet", "Black Hundreds", "revolution*", "Social-Democrats", "Workers’ Deputies",
  "Soviet of Workers' Deputies", "St. Petersburg", "1905", "tsar’s", "a*", "the",
  "proletariat party", "Novaya Zhizn", "SOVIET", "soviet*  of", "what is to be done",
}
local words = {}
for w in texts.letter:gmatch("[%w’'%-]+") do words[#words + 1] = w end
for i = 1, #words - 2, 211 do queries[#queries + 1] = words[i] .. " " .. words[i + 1] end
for i, q in ipairs(queries) do
  seed("query", ("%03d"):format(i), string.char((i * 37) % 256, (i * 7) % 80) .. q)
end

-- entities: the catalogue's names and aliases, then 0x01, then a page
local ok, catalogue = pcall(dofile, "data/entities.lua")
if ok and type(catalogue) == "table" then
  local entity_names = {}
  for _, e in ipairs(catalogue) do
    entity_names[#entity_names + 1] = e.name
    entity_names[#entity_names + 1] = (e.aliases and e.aliases[1]) or e.name
  end
  for i = 1, #entity_names, 16 do
    local chunk = table.concat(entity_names, "\n", i, math.min(i + 15, #entity_names))
    seed("entities", ("%03d-letter"):format(i), chunk .. "\1")
    local t = texts.sample01
    if t then seed("entities", ("%03d-sample"):format(i), chunk .. "\1" .. t) end
  end
end

-- index: index files written by the module (when it is built): small ones,
-- so that a mutation often lands in each section; the HTML seeds' pages
package.path = "lua/?.lua;lua/?/init.lua;data/?.lua;" .. package.path
package.cpath = "build/lua5.4/?.so;" .. package.cpath
local has_ll, ll = pcall(require, "leninletter")
if has_ll then
  local tmp = os.tmpname()
  local function indexseed(name, docs)
    if ll.index(docs, tmp) then
      local s = readfile(tmp)
      if s then seed("index", name, s) end
    end
  end
  indexseed("letter", { ll.letter() })
  indexseed("tiny", { ll.parse("<html><body><h1>One</h1><p>Soviet one.</p>"
    .. "<p>The Black Hundreds.<sup><a href=\"#n1\">[1]</a></sup></p>"
    .. "<p class=\"endnote\"><a name=\"n1\">[1]</a> A note.</p></body></html>") })
  local few = {}
  for i = 1, math.min(3, #pages) do
    local h = readfile(shared .. "/corpus/" .. pages[i])
    local d = h and ll.parse(h)
    if d then few[#few + 1] = d end
  end
  if #few > 0 then indexseed("pages", few) end
  os.remove(tmp)
end

local report = {}
for k, v in pairs(counts) do report[#report + 1] = ("%s %d"):format(k, v) end
table.sort(report)
print("seeds built in " .. out .. ": " .. table.concat(report, ", "))
