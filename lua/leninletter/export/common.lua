-- Helpers shared by the exporters of `leninletter.export` (one module per
-- format under leninletter/export/): the document check, its entities and
-- dates, XML escaping, the spans of entity mentions and dates by block, the
-- walk over a block's text, the JSON encoder with a fixed key order, the
-- title's note refs, and the questions' check. Internal: the API is
-- `require "leninletter.export"`.
-- @module leninletter.export.common
-- @local

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math = compat.math
local document = require "leninletter.document"

local argerror = document.argerror
local typename = document.typename

local M = {}

local VERSION = "leninletter 0.1.0"
do
  local ok, ll = pcall(require, "leninletter")
  if ok and type(ll) == "table" and ll._VERSION then VERSION = ll._VERSION end
end

-- the generator's name and version, as every format writes it
M.VERSION = VERSION

local function checkdoc(doc, fname)
  document.core(doc, fname)
  return doc
end

-- The document's entities and dates, when it has them (entities need a
-- catalogue: the letter's is built in).
local function entities(doc)
  if type(doc.entities) ~= "function" then return {} end
  return doc:entities()
end

local function dates(doc)
  if type(doc.dates) ~= "function" then return {} end
  return doc:dates({ scope = "all" })
end

-- Characters XML 1.0 cannot carry (C0 controls but tab, LF, CR; U+FFFE,
-- U+FFFF) become U+FFFD.
local function xmlchars(s)
  s = s:gsub("[%z\1-\8\11\12\14-\31\127]", "\239\191\189")
  s = s:gsub("\239\191[\190\191]", "\239\191\189")
  return s
end

local XMLESC = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;",
  ["'"] = "&#39;" }

--- Escapes a string for XML and HTML text and attribute values.
-- @string s the text
-- @treturn string
-- @usage print(export.xmlescape("a < b & \"c\""))  --> a &lt; b &amp; &quot;c&quot;
function M.xmlescape(s)
  return (xmlchars(s):gsub("[&<>\"']", XMLESC))
end
local esc = M.xmlescape

-- Entity mentions and dates by block: key -> array of {pos, len, kind, e|d},
-- sorted by position, overlaps dropped (the earlier, then the longer, wins).
local function spans(doc)
  local by = {}
  local function add(h, item)
    if h.part ~= "body" and h.part ~= "note" or not h.paragraph then return end
    local key = h.part .. ":" .. tostring(h.note or 0) .. ":" .. h.paragraph
    by[key] = by[key] or {}
    item.pos, item.len = h.pos, h.len
    table.insert(by[key], item)
  end
  for _, e in ipairs(entities(doc)) do
    for _, m in ipairs(e.mentions or {}) do add(m, { kind = "entity", e = e }) end
  end
  for _, d in ipairs(dates(doc)) do add(d, { kind = "date", d = d }) end
  for key, list in pairs(by) do
    table.sort(list, function(a, b)
      if a.pos ~= b.pos then return a.pos < b.pos end
      if a.len ~= b.len then return a.len > b.len end
      return a.kind < b.kind
    end)
    local kept, last = {}, 0
    for _, s in ipairs(list) do
      if s.pos > last then
        kept[#kept + 1] = s
        last = s.pos + s.len - 1
      end
    end
    by[key] = kept
  end
  return function(part, i, note)
    return by[part .. ":" .. tostring(note or 0) .. ":" .. i] or {}
  end
end

-- Walks a block's text as a list of events in byte order: text runs,
-- note markers, page breaks, line breaks, and the start and end of spans.
-- emit(kind, value): "text" (a string without "\n"), "br", "ref" (note
-- number), "pb", "open" (span), "close" (span).
local function walk(b, sp, emit)
  local text = b.text
  local marks = {}
  for _, r in ipairs(b.refs or {}) do marks[#marks + 1] = { pos = r.pos, order = 3, kind = "ref", v = r.note } end
  for _, p in ipairs(b.pagebreaks or {}) do marks[#marks + 1] = { pos = p, order = 2, kind = "pb" } end
  for _, s in ipairs(sp or {}) do
    marks[#marks + 1] = { pos = s.pos, order = 4, kind = "open", v = s }
    marks[#marks + 1] = { pos = s.pos + s.len, order = 1, kind = "close", v = s }
  end
  for idx, m in ipairs(marks) do m.idx = idx end
  table.sort(marks, function(x, y)
    if x.pos ~= y.pos then return x.pos < y.pos end
    if x.order ~= y.order then return x.order < y.order end
    return x.idx < y.idx
  end)
  local at, open = 1, nil
  local function run(upto)
    if upto <= at then return end
    local piece = text:sub(at, upto - 1)
    local from = 1
    while true do
      local nl = piece:find("\n", from, true)
      if not nl then break end
      if nl > from then emit("text", piece:sub(from, nl - 1)) end
      emit("br")
      from = nl + 1
    end
    if from <= #piece then emit("text", piece:sub(from)) end
    at = upto
  end
  for _, m in ipairs(marks) do
    local p = math.min(math.max(m.pos, 1), #text + 1)
    if m.kind == "open" then
      if open == nil then
        run(p)
        open = m.v
        emit("open", m.v)
      end
    elseif m.kind == "close" then
      if open == m.v then
        run(p)
        open = nil
        emit("close", m.v)
      end
    else
      -- a marker inside a span closes it early, so markup nests
      run(p)
      if open then
        emit("close", open)
        open = nil
      end
      emit(m.kind, m.v)
    end
  end
  run(#text + 1)
  if open then emit("close", open) end
end

-- JSON through lua-cjson: cjson writes every string, number and boolean;
-- the structure is written here, so that (1) an empty array is [] where
-- lua-cjson 2.1.0 (Debian 12, no empty_array) would write {}, and (2) keys
-- come in a fixed order (a few first, the rest sorted), so the same
-- document gives the same bytes in every run. An array is marked with
-- `arr` when it may be empty; `EMPTY` stands for the empty array.
local EMPTY = setmetatable({}, { __name = "leninletter.emptyarray" })

local function arr(t)
  if t == nil or #t == 0 then return EMPTY end
  return t
end

local KEYFIRST = { schema = 1, version = 2, generator = 3, ["pandoc-api-version"] = 1, meta = 2,
  blocks = 3, t = 1, c = 2 }

local function keyless(a, b)
  local pa, pb = KEYFIRST[a] or 100, KEYFIRST[b] or 100
  if pa ~= pb then return pa < pb end
  return a < b
end

local function encode(v)
  local cjson = require "cjson"
  local out = {}
  local function enc(x)
    if x == EMPTY then
      out[#out + 1] = "[]"
    elseif type(x) == "table" then
      local n, count = #x, 0
      for _ in pairs(x) do count = count + 1 end
      if n > 0 and count == n then
        out[#out + 1] = "["
        for i = 1, n do
          if i > 1 then out[#out + 1] = "," end
          enc(x[i])
        end
        out[#out + 1] = "]"
      else
        local keys = {}
        for k in pairs(x) do keys[#keys + 1] = tostring(k) end
        table.sort(keys, keyless)
        out[#out + 1] = "{"
        for i, k in ipairs(keys) do
          if i > 1 then out[#out + 1] = "," end
          out[#out + 1] = cjson.encode(k)
          out[#out + 1] = ":"
          local val = x[k]
          if val == nil then val = x[tonumber(k)] end
          enc(val)
        end
        out[#out + 1] = "}"
      end
    else
      out[#out + 1] = cjson.encode(x)
    end
  end
  enc(v)
  return table.concat(out)
end
M._encode = encode

-- The refs of the title or subtitle, as a block.
local function headblock(doc, s, part)
  local b = { text = s, refs = {}, pagebreaks = {} }
  for _, n in ipairs(doc.notes) do
    for _, r in ipairs(n.refs) do
      if r.part == part then b.refs[#b.refs + 1] = { note = n.n, pos = r.pos } end
    end
  end
  table.sort(b.refs, function(x, y) return x.pos < y.pos end)
  return b
end

-- Which notes are cited somewhere.
local function cited(doc)
  local c = {}
  for _, n in ipairs(doc.notes) do
    if #n.refs > 0 then c[n.n] = true end
  end
  return c
end

local function checkquestions(qs, fname)
  if type(qs) ~= "table" then
    argerror(1, fname, ("array of questions expected, got %s"):format(typename(qs)))
  end
  for i, q in ipairs(qs) do
    if type(q) ~= "table" then
      argerror(1, fname, ("question %d: table expected, got %s"):format(i, typename(q)))
    end
    for _, k in ipairs({ "prompt", "answer" }) do
      if type(q[k]) ~= "string" then
        argerror(1, fname, ("question %d: %s must be a string, got %s"):format(i, k, typename(q[k])))
      end
    end
    if q.choices ~= nil then
      if type(q.choices) ~= "table" then
        argerror(1, fname, ("question %d: choices must be an array of strings, got %s"):format(i,
          typename(q.choices)))
      end
      for j, c in ipairs(q.choices) do
        if type(c) ~= "string" then
          argerror(1, fname, ("question %d: choices[%d] must be a string, got %s"):format(i, j,
            typename(c)))
        end
      end
    end
  end
  return qs
end

local function oneline(s)
  return (xmlchars(s):gsub("%s*\r?\n%s*", " "))
end

local function sourcename(h)
  if not h then return nil end
  if h.part == "body" then return ("paragraph %d, sentence %d"):format(h.paragraph or 0, h.sentence or 0) end
  if h.part == "note" then return ("note %d, paragraph %d"):format(h.note or 0, h.paragraph or 0) end
  if h.part == "meta" then return ("header field %s"):format(h.field or "") end
  return h.part
end

M.checkdoc = checkdoc
M.entities = entities
M.dates = dates
M.xmlchars = xmlchars
M.esc = esc
M.spans = spans
M.walk = walk
M.EMPTY = EMPTY
M.arr = arr
M.encode = encode
M.headblock = headblock
M.cited = cited
M.checkquestions = checkquestions
M.oneline = oneline
M.sourcename = sourcename
M.argerror = argerror
M.typename = typename

return M
