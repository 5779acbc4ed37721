-- The whole-corpus export check (issue #14): every page of ../shared/corpus
-- exported to TEI, Markdown, JSON and the HTML study page, then every TEI
-- file validated by jing against TEI P5 (tei_all.rng), every Markdown file
-- read by pandoc (to JSON, checking that the notes come back: one Div or
-- Note a note; and the quotations, tables, verse, list items and
-- separators: as many as the document's Blocks of each kind), and every
-- JSON file validated against the project's JSON Schema
-- (spec/json_check.py, Debian's python3-jsonschema). Not part of
-- `make test` (it takes minutes); run it with `make corpus-exports`.
--   lua5.4 spec/corpus_exports.lua [SHARED] [OUTDIR]
-- Prints the counts and each failure; exits 1 if any.
package.path = "lua/?.lua;lua/?/init.lua;data/?.lua;" .. package.path
package.cpath = "build/lua5.4/?.so;" .. package.cpath
local ll = require "leninletter"
local export = require "leninletter.export"
local compat = require "leninletter.compat"
local cjson = require "cjson"

local shared = arg[1] or "../shared"
local out = arg[2] or os.tmpname()
os.remove(out)
assert(compat.execute("mkdir -p " .. out .. "/tei " .. out .. "/md " .. out .. "/json"))

local function sh(cmd)
  local o, code = compat.run(cmd .. " 2>&1")
  return code == 0, o
end

local list = assert(io.popen("find " .. shared .. "/corpus -name '*.htm*' -type f | sort"))
local pages, failed = {}, {}
for path in list:lines() do pages[#pages + 1] = path end
list:close()

local written, unread = 0, 0
local files = {}
for i, path in ipairs(pages) do
  local doc, err = ll.open(path)
  if not doc then
    unread = unread + 1
    failed[#failed + 1] = "unread " .. path .. ": " .. tostring(err)
  else
    -- the page's address on marxists.org: the corpus keeps MIA's paths
    local rel = path:match("/corpus/[^/]+/(.*)$")
    local url = rel and ("https://www.marxists.org/" .. rel) or nil
    local name = ("%04d"):format(i)
    local f = assert(io.open(out .. "/tei/" .. name .. ".xml", "wb"))
    f:write(export.tei(doc, { url = url }))
    f:close()
    f = assert(io.open(out .. "/md/" .. name .. ".md", "wb"))
    f:write(export.markdown(doc))
    f:close()
    f = assert(io.open(out .. "/json/" .. name .. ".json", "wb"))
    f:write(export.json(doc, { url = url }))
    f:close()
    -- the study page: made without an error (the browser spec opens the letter's)
    local okh, html = pcall(export.html, doc, { url = url })
    if not okh or not html:find("</html>\n$") then failed[#failed + 1] = "html " .. path .. ": " .. tostring(html) end
    -- the Blocks of each kind, body and notes, for pandoc's reading
    local kinds = {}
    local function tally(blocks)
      for _, b in ipairs(blocks) do kinds[b.kind or "paragraph"] = (kinds[b.kind or "paragraph"] or 0) + 1 end
    end
    tally(doc.paragraphs)
    for _, n in ipairs(doc.notes) do tally(n.paragraphs) end
    files[#files + 1] = { name = name, path = path, notes = #doc.notes, kinds = kinds }
    written = written + 1
  end
end
print(("%d pages, %d exported to TEI, Markdown, JSON and HTML, %d unreadable"):format(#pages, written, unread))

-- jing: all the TEI files in batches (one JVM a batch)
local teiok, teibad = 0, {}
local batch = 200
for s = 1, #files, batch do
  local names = {}
  for k = s, math.min(s + batch - 1, #files) do names[#names + 1] = out .. "/tei/" .. files[k].name .. ".xml" end
  local _, o = sh("jing " .. shared .. "/schemas/tei_all.rng " .. table.concat(names, " "))
  local bad = {}
  for line in o:gmatch("[^\n]+") do
    local file = line:match("^(.-%.xml):%d+:%d+: error")
    if file then
      if not bad[file] then teibad[#teibad + 1] = line end
      bad[file] = true
    end
  end
  local nbad = 0
  for _ in pairs(bad) do nbad = nbad + 1 end
  teiok = teiok + #names - nbad
end
print(("jing: %d of %d TEI files valid against tei_all.rng"):format(teiok, #files))
for _, l in ipairs(teibad) do failed[#failed + 1] = "jing " .. l end

-- pandoc: each Markdown file, with its notes back
local mdok = 0
for _, f in ipairs(files) do
  local ok, o = sh("pandoc -f markdown -t json " .. out .. "/md/" .. f.name .. ".md")
  local notes = 0
  if ok then
    local okj, ast = pcall(cjson.decode, o)
    if okj then
      -- and the structure back: quotations, tables, verse, list items, separators
      local got = { quote = 0, table = 0, verse = 0, item = 0, separator = 0 }
      local function count(v)
        if type(v) ~= "table" then return end
        if v.t == "Note" then notes = notes + 1 end
        if v.t == "Div" and type(v.c) == "table" and v.c[1][2][1] == "note" then notes = notes + 1 end
        if v.t == "BlockQuote" then got.quote = got.quote + 1 end
        if v.t == "Table" then got.table = got.table + 1 end
        if v.t == "LineBlock" then got.verse = got.verse + 1 end
        if v.t == "HorizontalRule" then got.separator = got.separator + 1 end
        if v.t == "OrderedList" then got.item = got.item + #v.c[2] end
        if v.t == "BulletList" then got.item = got.item + #v.c end
        for _, x in pairs(v) do count(x) end
      end
      count(ast.blocks)
      for k, n in pairs(got) do
        if n ~= (f.kinds[k] or 0) then
          ok, o = false, ("%d %s blocks back of %d"):format(n, k, f.kinds[k] or 0)
        end
      end
    else
      ok = false
    end
  end
  if ok and notes == f.notes then
    mdok = mdok + 1
  else
    failed[#failed + 1] = ("pandoc %s (%s): %s"):format(f.name, f.path,
      ok and ("%d notes back of %d"):format(notes, f.notes) or o:sub(1, 200))
  end
end
print(("pandoc: %d of %d Markdown files read, every note back once, every quotation, table, verse, item "
  .. "and separator"):format(mdok, #files))

-- the JSON Schema: all the JSON files in one run of the validator
do
  local names = {}
  for _, f in ipairs(files) do names[#names + 1] = out .. "/json/" .. f.name .. ".json" end
  local listfile = out .. "/json-files.txt"
  local lf = assert(io.open(listfile, "wb"))
  lf:write(table.concat(names, "\n"), "\n")
  lf:close()
  local _, o = sh("xargs -a " .. listfile .. " /usr/bin/python3 spec/json_check.py schema/leninletter-document.schema.json")
  -- (xargs may run it more than once: one summary line a run)
  local valid = 0
  for v in o:gmatch("(%d+) valid, %d+ invalid") do valid = valid + tonumber(v) end
  print(("jsonschema: %d of %d JSON files valid against schema/leninletter-document.schema.json"):format(valid,
    #files))
  for line in o:gmatch("[^\n]+") do
    if not line:match("^%d+ valid") then failed[#failed + 1] = "json " .. line end
  end
end
for _, l in ipairs(failed) do print("FAIL " .. l) end
print("output in " .. out)
os.exit(#failed == 0 and 0 or 1)
