--- Plots as self-contained SVG: a dispersion plot of words across the
-- text, and a frequency chart.
--
--    local plot = require "leninletter.plot"
--    local doc = require("leninletter").letter()
--    io.open("soviet.svg", "w"):write(plot.dispersion(doc, {"Soviet", "Black Hundreds", "Party"}))
--
-- The SVG has no scripts, no external references and no fonts to load;
-- every text from the document or the caller is escaped (well-formed under
-- `xmllint`). Misuse raises `bad argument #N to 'name' (...)`.
-- @module leninletter.plot

local compat = require "leninletter.compat"  -- Lua 5.1 to 5.4 and LuaJIT
local math, utf8 = compat.math, compat.utf8
local document = require "leninletter.document"
local export = require "leninletter.export"

local argerror = document.argerror
local typename = document.typename
local esc = export.xmlescape

local M = {}

local COLORS = { "#8b1a1a", "#1f5f99", "#2e7d32", "#7b3fa0", "#b26a00", "#00796b", "#ad1457",
  "#455a64" }

-- (rounded half up by hand: "%.1f" rounds ties such as 623.25 to even in C
-- and up in LuaJIT, and the SVG must be the same bytes on every Lua)
local function num(x)
  local r = math.floor(math.abs(x) * 10 + 0.5)
  local s = ("%d"):format(math.floor(r / 10))
  if r % 10 ~= 0 then s = s .. "." .. ("%d"):format(r % 10) end
  if x < 0 and r ~= 0 then s = "-" .. s end
  return s
end

-- Checks an options table with the keys in allowed.
local function checkopts(opts, argn, fname, allowed)
  if opts == nil then return {} end
  if type(opts) ~= "table" then
    argerror(argn, fname, ("table expected, got %s"):format(typename(opts)))
  end
  local keys = {}
  for k in pairs(opts) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  for _, k in ipairs(keys) do
    if not allowed[k] then argerror(argn, fname, ("unknown option '%s'"):format(k)) end
  end
  if opts.title ~= nil and type(opts.title) ~= "string" then
    argerror(argn, fname, ("opts.title must be a string, got %s"):format(typename(opts.title)))
  end
  for _, k in ipairs({ "width", "top" }) do
    local v = opts[k]
    if v ~= nil and (math.type(v) ~= "integer" or v < (k == "width" and 300 or 1)) then
      argerror(argn, fname, ("opts.%s must be an integer of at least %d, got %s"):format(k,
        k == "width" and 300 or 1, type(v) == "number" and tostring(v) or typename(v)))
    end
  end
  return opts
end

local function header(w, h, title)
  return {
    ('<?xml version="1.0" encoding="UTF-8"?>\n'),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s">\n')
      :format(w, h, w, h, esc(title)),
    ("<title>%s</title>\n"):format(esc(title)),
    '<style>text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 12px; fill: #222; }\n',
    ' .small { font-size: 10px; fill: #666; } .title { font-size: 14px; font-weight: bold; }</style>\n',
    ('<rect width="%d" height="%d" fill="#ffffff"/>\n'):format(w, h),
  }
end

-- Where each body paragraph starts, as a fraction of the scope's tokens.
local function paragraphstarts(doc, scope)
  local starts, n, seen = {}, 0, {}
  for tok in doc:tokens({ scope = scope }) do
    if tok.part == "body" and not seen[tok.paragraph] then
      seen[tok.paragraph] = true
      starts[#starts + 1] = { p = tok.paragraph, at = n }
    end
    n = n + 1
  end
  for _, s in ipairs(starts) do s.at = n > 0 and s.at / n or 0 end
  return starts
end

--- A dispersion plot: for each query, a row with a tick wherever it occurs
-- in the text (from `doc:dispersion`), over the text from its first word
-- to its last, with the body's paragraphs marked.
-- @tparam Document doc the document
-- @param words a query, or an array whose items are queries (strings:
--   words, phrases, `prefix*`) or arrays of queries drawn as one row
--   (an entity's name and aliases: `{"Black Hundreds", "Black-Hundred"}`,
--   labelled by its first, or by its `label` field)
-- @tparam[opt] table opts `scope` (`"body"` (default), `"notes"`, `"all"`),
--   `width` (pixels, default 800), `title`
-- @treturn string the SVG
-- @usage local svg = plot.dispersion(ll.letter(), {"Soviet", {"Black Hundreds", "Black-Hundred"}})
-- io.open("dispersion.svg", "w"):write(svg)
function M.dispersion(doc, words, opts)
  document.core(doc, "dispersion")
  if type(words) == "string" then words = { words } end
  if type(words) ~= "table" or #words == 0 then
    argerror(2, "dispersion", ("string or array of strings expected, got %s"):format(
      type(words) == "table" and "empty table" or typename(words)))
  end
  local items = {}
  for i, q in ipairs(words) do
    if type(q) == "string" then
      items[i] = { label = q, queries = { q } }
    elseif type(q) == "table" and #q > 0 then
      for j, x in ipairs(q) do
        if type(x) ~= "string" then
          argerror(2, "dispersion", ("words[%d][%d] must be a string, got %s"):format(i, j, typename(x)))
        end
      end
      local label = q.label
      if label ~= nil and type(label) ~= "string" then
        argerror(2, "dispersion", ("words[%d].label must be a string, got %s"):format(i, typename(label)))
      end
      items[i] = { label = label or q[1], queries = q }
    else
      argerror(2, "dispersion", ("words[%d] must be a string, got %s"):format(i,
        type(q) == "table" and "empty table" or typename(q)))
    end
  end
  opts = checkopts(opts, 3, "dispersion", { scope = true, width = true, title = true })
  local scope = opts.scope or "body"
  local rows = {}
  local total = 0
  for i, it in ipairs(items) do
    -- every query's hits with their places; a hit inside a longer hit of
    -- the same row (Social-Democratic inside Russian Social-Democratic
    -- Labour Party) is the same mention, counted once, at the longer name
    local all = {}
    for _, q in ipairs(it.queries) do
      local found, n = doc:dispersion(q, { scope = scope })
      local hits = doc:find(q, { scope = scope })
      total = n
      for k, x in ipairs(found) do
        local h = hits[#hits == #found and k or 0] or {}
        all[#all + 1] = { x = x, key = tostring(h.part) .. ":" .. tostring(h.note) .. ":" .. tostring(h.paragraph),
          pos = h.pos or 0, last = (h.pos or 0) + (h.len or 0) - 1 }
      end
    end
    table.sort(all, function(a, b)
      if a.key ~= b.key then return a.key < b.key end
      if a.pos ~= b.pos then return a.pos < b.pos end
      return a.last > b.last
    end)
    local xs, seen, key, reach = {}, {}, nil, -1
    for _, a in ipairs(all) do
      if a.key ~= key then key, reach = a.key, -1 end
      if a.last > reach or a.pos == 0 then
        if not seen[a.x] then
          seen[a.x] = true
          xs[#xs + 1] = a.x
        end
        reach = math.max(reach, a.last)
      end
    end
    table.sort(xs)
    rows[i] = { q = it.label, xs = xs }
  end
  local W = opts.width or 800
  -- room for the longest label (about 7 pixels a character), at most 45%
  local longest = 0
  for _, r in ipairs(rows) do longest = math.max(longest, (utf8.len(r.q) or #r.q) + 5) end
  local left = math.max(120, math.min(20 + 7 * longest, math.floor(W * 0.45)))
  local maxchars = compat.idiv(left - 20, 7) - 5
  local right, top, rowh = 20, 46, 30
  local plotw = W - left - right
  local H = top + rowh * #rows + 44
  local labels = {}
  for i, r in ipairs(rows) do labels[i] = r.q end
  local joined = table.concat(labels, ", ")
  if (utf8.len(joined) or #joined) > compat.idiv(W, 9) - 30 then joined = #labels .. " terms" end
  local title = opts.title or ("Dispersion of " .. joined .. " in the text (" .. total .. " words)")
  local o = header(W, H, title)
  local function w(s) o[#o + 1] = s end
  w(('<text class="title" x="%d" y="24">%s</text>\n'):format(10, esc(title)))
  -- paragraphs of the body, as faint lines
  if scope ~= "notes" then
    for k, s in ipairs(paragraphstarts(doc, scope)) do
      local x = left + s.at * plotw
      w(('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#e3e3e3"/>\n'):format(num(x), top - 6, num(x),
        top + rowh * #rows))
      if k == 1 or s.p % 5 == 0 then
        w(('<text class="small" x="%s" y="%d">¶%d</text>\n'):format(num(x + 2), top - 8, s.p))
      end
    end
  end
  for i, r in ipairs(rows) do
    local y = top + (i - 1) * rowh
    local color = COLORS[(i - 1) % #COLORS + 1]
    local label = r.q
    if (utf8.len(label) or #label) > maxchars then
      label = label:sub(1, (utf8.offset(label, maxchars) or (#label + 1)) - 1) .. "…"
    end
    w(('<text x="%d" y="%d" text-anchor="end">%s <tspan class="small">(%d)</tspan></text>\n'):format(
      left - 10, y + rowh / 2 + 4, esc(label), #r.xs))
    w(('<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="#bbb"/>\n'):format(left, num(y + rowh / 2),
      left + plotw, num(y + rowh / 2)))
    for _, x in ipairs(r.xs) do
      local px = left + x * plotw
      w(('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="%s" stroke-width="2"/>\n'):format(num(px),
        y + 5, num(px), y + rowh - 5, color))
    end
  end
  local base = top + rowh * #rows
  w(('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>\n'):format(left, base, left + plotw, base))
  for k = 0, 4 do
    local x = left + k / 4 * plotw
    w(('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#444"/>\n'):format(num(x), base, num(x), base + 4))
    w(('<text class="small" x="%s" y="%d" text-anchor="middle">%d%%</text>\n'):format(num(x), base + 16,
      k * 25))
  end
  w(('<text class="small" x="%s" y="%d" text-anchor="middle">position in the text (share of its %d words)</text>\n')
    :format(num(left + plotw / 2), base + 32, total))
  w("</svg>\n")
  return table.concat(o)
end

--- A frequency chart: the most frequent words as horizontal bars, with
-- their counts (from `doc:frequencies`).
-- @tparam Document doc the document
-- @tparam[opt] table opts `top` (how many words, default 20), `stoplist`
--   (default `true`: the built-in English stop list; `false`, or an array
--   of words), `scope`, `width` (default 640), `title`
-- @treturn string the SVG
-- @usage io.open("freq.svg", "w"):write(plot.frequencies(ll.letter(), {top = 15}))
function M.frequencies(doc, opts)
  document.core(doc, "frequencies")
  opts = checkopts(opts, 2, "frequencies",
    { scope = true, width = true, title = true, top = true, stoplist = true })
  local stop = opts.stoplist
  if stop == nil then stop = true end
  local freq = doc:frequencies({ scope = opts.scope, stoplist = stop })
  local top = opts.top or 20
  local rows = {}
  for i = 1, math.min(top, #freq) do rows[i] = freq[i] end
  local W = opts.width or 640
  local left, right, head, rowh = 150, 50, 40, 20
  local plotw = W - left - right
  local H = head + rowh * math.max(#rows, 1) + 16
  local title = opts.title or ("The " .. #rows .. " most frequent words" ..
    (stop and " (stop words left out)" or ""))
  local o = header(W, H, title)
  local function w(s) o[#o + 1] = s end
  w(('<text class="title" x="10" y="24">%s</text>\n'):format(esc(title)))
  local max = rows[1] and rows[1].count or 1
  for i, r in ipairs(rows) do
    local y = head + (i - 1) * rowh
    local bw = r.count / max * plotw
    w(('<text x="%d" y="%d" text-anchor="end">%s</text>\n'):format(left - 8, y + 14, esc(r.word)))
    w(('<rect x="%d" y="%d" width="%s" height="%d" fill="%s"/>\n'):format(left, y + 3, num(bw),
      rowh - 6, COLORS[1]))
    w(('<text class="small" x="%s" y="%d">%d</text>\n'):format(num(left + bw + 4), y + 14, r.count))
  end
  w("</svg>\n")
  return table.concat(o)
end

return M
