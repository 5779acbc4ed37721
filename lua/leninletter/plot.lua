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

-- Checks an options table with the keys in allowed (the module's one
-- checker), then the plots' own options.
local function checkopts(opts, argn, fname, allowed)
  opts = document.checkopts(opts, argn, fname, allowed)
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

-- a label cut to at most n characters, with "…"
local function cut(label, n)
  if (utf8.len(label) or #label) <= n then return label end
  return label:sub(1, (utf8.offset(label, n) or (#label + 1)) - 1) .. "…"
end

-- One row of a dispersion plot: its label and count at the left, a grey
-- base line, and a tick of the row's color at each hit (xs: shares of the
-- text, 0 to 1), inset pixels clear of the row's edges.
local function dispersionrow(w, g, y, label, n, xs, color, inset)
  local left, plotw, rowh = g.left, g.plotw, g.rowh
  w(('<text x="%d" y="%d" text-anchor="end">%s <tspan class="small">(%d)</tspan></text>\n'):format(
    left - 10, y + rowh / 2 + 4, esc(label), n))
  w(('<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="#bbb"/>\n'):format(left, num(y + rowh / 2),
    left + plotw, num(y + rowh / 2)))
  for _, x in ipairs(xs) do
    local px = left + x * plotw
    w(('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="%s" stroke-width="2"/>\n'):format(num(px),
      y + inset, num(px), y + rowh - inset, color))
  end
end

-- The room a dispersion plot's labels take at the left of a plot W pixels
-- wide: about 7 pixels a character of the longest label (and its count),
-- at least 120, at most 45% of W; and how many characters a label may keep.
local function labelroom(rows, W)
  local longest = 0
  for _, r in ipairs(rows) do longest = math.max(longest, (utf8.len(r.q) or #r.q) + 5) end
  local left = math.max(120, math.min(20 + 7 * longest, math.floor(W * 0.45)))
  return left, compat.idiv(left - 20, 7) - 5
end

-- The axis under a dispersion plot: a line at base, ticks and labels at 0,
-- 25, 50, 75 and 100 percent of plotw.
local function percentaxis(w, left, plotw, base)
  w(('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>\n'):format(left, base, left + plotw, base))
  for k = 0, 4 do
    local x = left + k / 4 * plotw
    w(('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#444"/>\n'):format(num(x), base, num(x), base + 4))
    w(('<text class="small" x="%s" y="%d" text-anchor="middle">%d%%</text>\n'):format(num(x), base + 16,
      k * 25))
  end
end

-- the queries of a dispersion's words: {label, queries} items
local function items(words, fname)
  if type(words) == "string" then words = { words } end
  if type(words) ~= "table" or #words == 0 then
    argerror(2, fname, ("string or array of strings expected, got %s"):format(
      type(words) == "table" and "empty table" or typename(words)))
  end
  local out = {}
  for i, q in ipairs(words) do
    if type(q) == "string" then
      out[i] = { label = q, queries = { q } }
    elseif type(q) == "table" and #q > 0 then
      for j, x in ipairs(q) do
        if type(x) ~= "string" then
          argerror(2, fname, ("words[%d][%d] must be a string, got %s"):format(i, j, typename(x)))
        end
      end
      if q.label ~= nil and type(q.label) ~= "string" then
        argerror(2, fname, ("words[%d].label must be a string, got %s"):format(i, typename(q.label)))
      end
      out[i] = { label = q.label or q[1], queries = q }
    else
      argerror(2, fname, ("words[%d] must be a string, got %s"):format(i,
        type(q) == "table" and "empty table" or typename(q)))
    end
  end
  return out
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
  if M.iscorpus(doc) then return M.corpusdispersion(doc, words, opts) end
  document.core(doc, "dispersion")
  local its = items(words, "dispersion")
  opts = checkopts(opts, 3, "dispersion", { scope = true, width = true, title = true })
  local scope = opts.scope or "body"
  local rows = {}
  local total = 0
  for i, it in ipairs(its) do
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
  local left, maxchars = labelroom(rows, W)
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
    dispersionrow(w, { left = left, plotw = plotw, rowh = rowh }, y, cut(r.q, maxchars), #r.xs, r.xs,
      COLORS[(i - 1) % #COLORS + 1], 5)
  end
  local base = top + rowh * #rows
  percentaxis(w, left, plotw, base)
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

-- ------------------------------------------------------------------
-- Corpora and a user's own numbers
-- ------------------------------------------------------------------

--- Is v a Corpus (`ll.corpus`)?
-- @param v any value
-- @treturn boolean
-- @usage print(plot.iscorpus(ll.corpus({ll.letter()})))  --> true
function M.iscorpus(v)
  local mt = getmetatable(v)
  return type(v) == "table" and type(mt) == "table" and mt.__name == "leninletter.Corpus"
end

--- A dispersion plot over a Corpus (what `plot.dispersion` draws when
-- given one): its pages laid end to end, in corpus order, with a faint
-- line where each page starts. `rows = "terms"` (the default) gives one
-- row a term, a tick wherever it occurs across the pages; `rows =
-- "pages"` one row a page, and `rows = "years"` one row a year of the
-- pages' dates (`c:bydate`), each with the ticks of all the terms within
-- that page or year, from its first word to its last. A page with no
-- word in the scope has no row.
-- @param c the Corpus
-- @param words a query, or an array of queries (or arrays of queries drawn
--   as one row, labelled by the first or by `label`), as for `dispersion`
-- @tparam[opt] table opts `scope`, `width` (default 800), `title`,
--   `rows` (`"terms"`, `"pages"`, `"years"`), `variants`, `calendar`
--   (for years: `"new"` or `"old"`)
-- @treturn string the SVG
-- @usage local c = ll.corpus({"../shared/corpus/mia-lenin"})
-- io.open("corpus.svg", "w"):write(plot.dispersion(c, {"soviet*", "party"}, {rows = "years"}))
function M.corpusdispersion(c, words, opts)
  local its = items(words, "dispersion")
  opts = checkopts(opts, 3, "dispersion", { scope = true, width = true, title = true, rows = true,
    variants = document.check.boolean, calendar = true })
  local scope = opts.scope or "body"
  local rowsby = document.choiceopt(opts, "rows", { "terms", "pages", "years" }, 3, "dispersion")
  local sizes = c:sizes({ scope = scope })
  local starts, total = {}, 0
  for i, sz in ipairs(sizes) do
    starts[i] = total
    total = total + sz.words
  end
  -- each hit: its page and its offset in the whole corpus
  local function hits(queries)
    local seen, out = {}, {}
    for _, q in ipairs(queries) do
      local xs = c:dispersion(q, { scope = scope, variants = opts.variants })
      for _, x in ipairs(xs) do
        local off = math.floor(x * total + 0.5)
        if not seen[off] then
          seen[off] = true
          out[#out + 1] = off
        end
      end
    end
    table.sort(out)
    return out
  end
  -- the page an offset falls in (pages in order; binary search)
  local function pageof(off)
    local lo, hi = 1, #starts
    while lo < hi do
      local mid = compat.idiv(lo + hi + 1, 2)
      if starts[mid] <= off then lo = mid else hi = mid - 1 end
    end
    return lo
  end
  local rows = {}
  if rowsby == "terms" then
    for i, it in ipairs(its) do
      local xs = {}
      for k, off in ipairs(hits(it.queries)) do xs[k] = total > 0 and off / total or 0 end
      rows[i] = { q = it.label, xs = xs, n = #xs }
    end
  else
    local all = {}
    for _, it in ipairs(its) do
      for _, off in ipairs(hits(it.queries)) do all[#all + 1] = off end
    end
    table.sort(all)
    -- the spans: a page, or the pages of a year
    local spans = {}
    if rowsby == "pages" then
      for i, sz in ipairs(sizes) do
        if sz.words > 0 then
          spans[#spans + 1] = { label = c:title(i) or ("page " .. i), pages = { i } }
        end
      end
    else
      for _, g in ipairs(c:bydate(sizes, { calendar = opts.calendar })) do
        spans[#spans + 1] = { label = g.label, pages = g.pages }
      end
    end
    local where = {}
    for k, sp in ipairs(spans) do
      local at = 0
      for _, p in ipairs(sp.pages) do
        where[p] = { row = k, at = at }
        at = at + sizes[p].words
      end
      sp.words = at
      rows[k] = { q = sp.label, xs = {}, n = 0 }
    end
    for _, off in ipairs(all) do
      local p = pageof(off)
      local w = where[p]
      if w and spans[w.row].words > 0 then
        local r = rows[w.row]
        r.xs[#r.xs + 1] = (w.at + off - starts[p]) / spans[w.row].words
        r.n = r.n + 1
      end
    end
  end
  local W = opts.width or 800
  local left, maxchars = labelroom(rows, W)
  local right, top, rowh = 20, 46, rowsby == "terms" and 30 or 20
  local plotw = W - left - right
  local H = top + rowh * math.max(#rows, 1) + 44
  local labels = {}
  for i, it in ipairs(its) do labels[i] = it.label end
  local joined = table.concat(labels, ", ")
  if (utf8.len(joined) or #joined) > compat.idiv(W, 9) - 30 then joined = #labels .. " terms" end
  local title = opts.title or ("Dispersion of " .. joined .. " across " .. #sizes .. " pages ("
    .. total .. " words)")
  local o = header(W, H, title)
  local function w(x) o[#o + 1] = x end
  w(('<text class="title" x="%d" y="24">%s</text>\n'):format(10, esc(title)))
  if rowsby == "terms" then
    -- where each page starts, as faint lines
    for i = 2, #starts do
      if sizes[i].words > 0 and total > 0 then
        local x = left + starts[i] / total * plotw
        w(('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#e3e3e3"/>\n'):format(num(x), top - 6,
          num(x), top + rowh * #rows))
      end
    end
  end
  for i, r in ipairs(rows) do
    local y = top + (i - 1) * rowh
    dispersionrow(w, { left = left, plotw = plotw, rowh = rowh }, y, cut(r.q, maxchars), r.n, r.xs,
      COLORS[(rowsby == "terms" and (i - 1) or 0) % #COLORS + 1], 4)
  end
  local base = top + rowh * #rows
  percentaxis(w, left, plotw, base)
  local what = rowsby == "terms" and "the pages, end to end" or (rowsby == "pages" and "each page"
    or "each year's pages")
  w(('<text class="small" x="%s" y="%d" text-anchor="middle">position in %s</text>\n')
    :format(num(left + plotw / 2), base + 32, what))
  w("</svg>\n")
  return table.concat(o)
end

-- a number as an axis shows it: an integer as is, else one decimal (or
-- two below 1)
local function tick(v)
  if v == math.floor(v) then return ("%d"):format(v) end
  if math.abs(v) < 1 then return ("%.2f"):format(v) end
  return ("%.1f"):format(v)
end

-- a "nice" step for an axis from 0 to max in about n steps (1, 2 or 5 times a power of 10)
local function nicestep(max, n)
  if max <= 0 then return 1 end
  local raw = max / n
  local p = 10 ^ math.floor(math.log(raw) / math.log(10))
  for _, m in ipairs({ 1, 2, 5, 10 }) do
    if m * p >= raw then return m * p end
  end
  return 10 * p
end

--- A bar chart of a user's own numbers: one horizontal bar a row, with
-- its value, in the order given (`c:counts`, `c:bydate`, a frequency
-- list's counts: anything labelled).
-- @tparam {{string,number},...} rows `{label, value}` pairs (or
--   `{label = l, value = v}` tables); values at least 0
-- @tparam[opt] table opts `title`, `width` (default 640), `top` (draw
--   only the first n rows)
-- @treturn string the SVG
-- @usage local rows = {}
-- for i, n in ipairs(c:counts("soviet*")) do rows[i] = {c:title(i) or c.paths[i], n} end
-- io.open("bars.svg", "w"):write(plot.bars(rows, {title = "Soviet* by page"}))
function M.bars(rows, opts)
  if type(rows) ~= "table" then
    argerror(1, "bars", ("array of {label, value} expected, got %s"):format(typename(rows)))
  end
  opts = checkopts(opts, 2, "bars", { title = true, width = true, top = true })
  local list = {}
  for i, r in ipairs(rows) do
    local label, value
    if type(r) == "table" then
      label, value = r.label or r[1], r.value or r[2]
    end
    if type(label) == "number" then label = tostring(label) end
    if type(label) ~= "string" or type(value) ~= "number" or value ~= value or value < 0 then
      argerror(1, "bars", ("rows[%d] must be {label, value} with a string label and a number of at "
        .. "least 0"):format(i))
    end
    if i <= (opts.top or math.huge) then list[#list + 1] = { label = label, value = value } end
  end
  local W = opts.width or 640
  local longest = 0
  for _, r in ipairs(list) do longest = math.max(longest, utf8.len(r.label) or #r.label) end
  local left = math.max(80, math.min(20 + 7 * longest, math.floor(W * 0.45)))
  local maxchars = compat.idiv(left - 20, 7)
  local right, head, rowh = 60, 40, 20
  local plotw = W - left - right
  local H = head + rowh * math.max(#list, 1) + 16
  local title = opts.title or ("" .. #list .. " values")
  local o = header(W, H, title)
  local function w(x) o[#o + 1] = x end
  w(('<text class="title" x="10" y="24">%s</text>\n'):format(esc(title)))
  local max = 0
  for _, r in ipairs(list) do max = math.max(max, r.value) end
  for i, r in ipairs(list) do
    local y = head + (i - 1) * rowh
    local bw = max > 0 and r.value / max * plotw or 0
    w(('<text x="%d" y="%d" text-anchor="end">%s</text>\n'):format(left - 8, y + 14,
      esc(cut(r.label, maxchars))))
    w(('<rect x="%d" y="%d" width="%s" height="%d" fill="%s"/>\n'):format(left, y + 3, num(bw),
      rowh - 6, COLORS[1]))
    w(('<text class="small" x="%s" y="%d">%s</text>\n'):format(num(left + bw + 4), y + 14,
      tick(r.value)))
  end
  w("</svg>\n")
  return table.concat(o)
end

--- A line chart of a user's own series, such as a word's use by year:
-- each series a line in its colour, with a point at each value, and a
-- legend. x values are numbers (years) or labels; a point may carry its
-- own axis `label`, so a year whose pages are dated in both calendars
-- shows both (`c:bydate` gives `"1918 (1917)"`: the new style's year, the
-- old style's in brackets). Points with the same x across series share a
-- place on the axis: numbers on a linear scale, labels evenly, in order.
-- @tparam table series `{{name = s, points = {{x, y}, ...}}, ...}`
--   (`{x = x, y = y, label = l}` tables too)
-- @tparam[opt] table opts `title`, `width` (default 720), `height`
--   (default 360), `xlabel`, `ylabel`
-- @treturn string the SVG
-- @usage local pts = {}
-- for _, g in ipairs(c:bydate(c:counts("soviet*"))) do
--   pts[#pts + 1] = {tonumber(g.key), g.value, label = g.label}
-- end
-- io.open("soviet.svg", "w"):write(plot.lines({{name = "soviet*", points = pts}}))
function M.lines(series, opts)
  if type(series) ~= "table" or #series == 0 then
    argerror(1, "lines", ("array of series expected, got %s"):format(
      type(series) == "table" and "empty table" or typename(series)))
  end
  opts = checkopts(opts, 2, "lines", { title = true, width = true, height = true, xlabel = true,
    ylabel = true })
  for _, k in ipairs({ "xlabel", "ylabel" }) do
    if opts[k] ~= nil then document.check.string(opts[k], 2, "lines", k) end
  end
  local H0 = opts.height
  if H0 ~= nil and (math.type(H0) ~= "integer" or H0 < 200) then
    argerror(2, "lines", ("opts.height must be an integer of at least 200, got %s"):format(
      type(H0) == "number" and tostring(H0) or typename(H0)))
  end
  -- the x values of every series, in order, each with its label
  local xs, xlabel, ymax = {}, {}, 0
  local lines = {}
  for i, s in ipairs(series) do
    if type(s) ~= "table" or type(s.points) ~= "table" then
      argerror(1, "lines", ("series[%d] must be {name = s, points = {{x, y}, ...}}"):format(i))
    end
    local name = s.name == nil and ("series " .. i) or s.name
    if type(name) ~= "string" then
      argerror(1, "lines", ("series[%d].name must be a string, got %s"):format(i, typename(name)))
    end
    local pts = {}
    for j, p in ipairs(s.points) do
      local x, y = type(p) == "table" and (p.x or p[1]), type(p) == "table" and (p.y or p[2])
      if (type(x) ~= "number" and type(x) ~= "string") or type(y) ~= "number" or y ~= y then
        argerror(1, "lines", ("series[%d].points[%d] must be {x, y} with a number y"):format(i, j))
      end
      if p.label ~= nil and type(p.label) ~= "string" then
        argerror(1, "lines", ("series[%d].points[%d].label must be a string"):format(i, j))
      end
      if xlabel[x] == nil then
        xs[#xs + 1] = x
        xlabel[x] = p.label or (type(x) == "number" and tick(x) or x)
      elseif p.label and xlabel[x] ~= p.label and not xlabel[x]:find(p.label, 1, true) then
        xlabel[x] = p.label
      end
      pts[#pts + 1] = { x = x, y = y }
      ymax = math.max(ymax, y)
    end
    lines[i] = { name = name, pts = pts }
  end
  table.sort(xs, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) == "number"
  end)
  local xat = {}
  for k, x in ipairs(xs) do xat[x] = k end
  for _, l in ipairs(lines) do
    table.sort(l.pts, function(a, b) return xat[a.x] < xat[b.x] end)
  end
  local W, H = opts.width or 720, H0 or 360
  local left, right, top, bottom = 60, 20, 44, 70
  local legendh = 16 * #lines
  local plotw, ploth = W - left - right, H - top - bottom - legendh
  if ploth < 80 then
    H = H + (80 - ploth)
    ploth = 80
  end
  local step = nicestep(ymax, 4)
  local ytop = math.max(step, math.ceil(ymax / step) * step)
  -- numbers (years) on a linear scale, labels evenly
  local numeric = true
  for _, x in ipairs(xs) do numeric = numeric and type(x) == "number" end
  local function px(x)
    if #xs <= 1 then return left + plotw / 2 end
    if numeric then return left + (x - xs[1]) / (xs[#xs] - xs[1]) * plotw end
    return left + (xat[x] - 1) / (#xs - 1) * plotw
  end
  local function py(y) return top + ploth - y / ytop * ploth end
  local title = opts.title or (#lines == 1 and lines[1].name or (#lines .. " series"))
  local o = header(W, H, title)
  local function w(x) o[#o + 1] = x end
  w(('<text class="title" x="10" y="24">%s</text>\n'):format(esc(title)))
  -- the y axis and its grid
  local v = 0
  while v <= ytop + step / 2 do
    local y = py(v)
    w(('<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="%s"/>\n'):format(left, num(y), left + plotw,
      num(y), v == 0 and "#444" or "#e3e3e3"))
    w(('<text class="small" x="%d" y="%s" text-anchor="end">%s</text>\n'):format(left - 6,
      num(y + 3), tick(v)))
    v = v + step
  end
  -- the x axis: every label when they fit, else about ten
  local every = math.max(1, math.ceil(#xs / math.max(1, compat.idiv(plotw, 70))))
  for k, x in ipairs(xs) do
    local X = px(x)
    w(('<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#444"/>\n'):format(num(X), top + ploth,
      num(X), top + ploth + 4))
    if (k - 1) % every == 0 then
      w(('<text class="small" x="%s" y="%d" text-anchor="middle">%s</text>\n'):format(num(X),
        top + ploth + 16, esc(xlabel[x])))
    end
  end
  if opts.xlabel then
    w(('<text class="small" x="%s" y="%d" text-anchor="middle">%s</text>\n'):format(
      num(left + plotw / 2), top + ploth + 34, esc(opts.xlabel)))
  end
  if opts.ylabel then
    w(('<text class="small" x="12" y="%s" transform="rotate(-90 12 %s)" text-anchor="middle">%s</text>\n')
      :format(num(top + ploth / 2), num(top + ploth / 2), esc(opts.ylabel)))
  end
  for i, l in ipairs(lines) do
    local color = COLORS[(i - 1) % #COLORS + 1]
    local ptxt = {}
    for k, p in ipairs(l.pts) do ptxt[k] = num(px(p.x)) .. "," .. num(py(p.y)) end
    if #ptxt > 1 then
      w(('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>\n'):format(
        table.concat(ptxt, " "), color))
    end
    for _, p in ipairs(l.pts) do
      w(('<circle cx="%s" cy="%s" r="3" fill="%s"><title>%s: %s</title></circle>\n'):format(
        num(px(p.x)), num(py(p.y)), color, esc(xlabel[p.x]), tick(p.y)))
    end
    local ly = H - legendh - 8 + (i - 1) * 16 + 12
    w(('<rect x="%d" y="%d" width="12" height="4" fill="%s"/>\n'):format(left, ly - 6, color))
    w(('<text x="%d" y="%d">%s</text>\n'):format(left + 18, ly, esc(l.name)))
  end
  w("</svg>\n")
  return table.concat(o)
end

return M
