-- bench/dump_full.lua: everything a Document holds, page by page, for a
-- byte-for-byte before/after comparison of a refactor (issue #13's
-- builder): the C document's whole tree (header, fields, meta, source,
-- every block with kind, level, label, rows, spans, refs, sentence
-- positions, notes, citations, navigation, warnings) and the Lua layer's
-- sections and sentences, and every field of the Lua Document (notes with
-- their text, refs and signer; errata; dates), keys sorted, one value a
-- line.
--   lua5.4 bench/dump_full.lua FILE_OR_DIR... > /tmp/before.txt
-- (a folder: its .htm/.html/.txt files, sorted; "letter": the letter)
local ll = require "leninletter"
local core = require "leninletter.core"

local function dump(out, prefix, v, seen)
  local t = type(v)
  if t ~= "table" then
    local s = t == "string" and string.format("%q", v) or t == "function" and "<function>" or tostring(v)
    out[#out + 1] = prefix .. " = " .. s
    return
  end
  if seen[v] then
    out[#out + 1] = prefix .. " = <cycle>"
    return
  end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) == "number"
  end)
  if #keys == 0 then out[#out + 1] = prefix .. " = {}" end
  for _, k in ipairs(keys) do dump(out, prefix .. "." .. tostring(k), v[k], seen) end
  seen[v] = nil
end

local function page(name, text)
  local out = { "== " .. name }
  local ud, err = core.parse(text)
  if not ud then
    out[#out + 1] = "ERROR " .. tostring(err)
  else
    dump(out, "tree", ud:tree(), {})
    local doc = ll.parse(text)
    dump(out, "sections", doc.sections, {})
    local sents = doc:sentences()
    if type(sents) == "function" then -- an iterator: its values in order
      local list = {}
      for a, b, c in sents do list[#list + 1] = { a, b, c } end
      sents = list
    end
    dump(out, "sentences", sents, {})
    dump(out, "citations", doc:citations(), {})
    -- the Lua Document itself, every field (paragraphs may be made only
    -- when read, so they are read by name)
    local fields = { paragraphs = doc.paragraphs }
    for k, v in pairs(doc) do fields[k] = v end
    dump(out, "doc", fields, {})
  end
  io.write(table.concat(out, "\n"), "\n")
end

for _, a in ipairs(arg) do
  if a == "letter" then
    page("letter", core.letter_text())
  else
    local p = io.popen("find '" .. a:gsub("'", "'\\''") ..
      "' -type f \\( -name '*.htm' -o -name '*.html' -o -name '*.txt' \\) | sort")
    for path in p:lines() do
      local f = assert(io.open(path, "rb"))
      local text = f:read("a")
      f:close()
      page(path, text)
      if os.getenv("DUMP_OPEN") then -- the same through ll.open
        local doc = ll.open(path)
        local out = { "== open " .. path }
        local fields = { paragraphs = doc.paragraphs }
        for k, v in pairs(doc) do fields[k] = v end
        dump(out, "doc", fields, {})
        io.write(table.concat(out, "\n"), "\n")
      end
    end
    p:close()
  end
end
