--- Writing index files: `ll.index(list, path [, opts])`, for
-- `leninletter.index`.
--
-- Internal module: `leninletter.index`'s `write` loads it when first
-- called, so that opening an index file and querying it (`leninletter
-- kwic QUERY --index FILE`) compiles none of it (issue #16). What it
-- writes is described there and in `csrc/lib/llstore.c`.
-- @module leninletter.indexwrite
-- @local

local core = require "leninletter.core"  -- the index files' functions (csrc/binding/lindex.c)
local document = require "leninletter.base"
local corpus = require "leninletter.corpus"  -- (items)

local argerror = document.argerror
local typename = document.typename


local INDEX_OPTS = { progress = true, update = true, batch = true, entities = true }

-- the file's size and modification time, as the writer keeps them
local function stat(path)
  local size, s, ns = core.filestat(path)
  if size == nil then return false end
  return { size, s, ns }
end

-- the pages of an existing index file at path that can be taken as they
-- are: path -> {cx, page, stat}, for pages whose files have not changed
-- (c:stale()). A page whose file has a new modification time and the same
-- bytes is kept with the size and time its file had when its bytes were
-- read, so the new file does not read it again to know it unchanged.
local function reusable(path)
  local cx = core.index_open(path)
  if not cx then return {} end
  local paths, stats = cx:cx_pages(true)
  if not paths then return {} end  -- a corrupted page table: every page parsed again
  local stalelist, renewed = cx:cx_stale()
  local stale = {}
  for _, i in ipairs(stalelist) do stale[i] = true end
  local keep = {}
  for i, p in ipairs(paths) do
    if p and not stale[i] and keep[p] == nil then
      keep[p] = { cx = cx, page = i, stat = renewed[i] or stats[i] }
    end
  end
  return keep
end

-- writes an index file: leninletter.index's write, which documents it
local function write(list, path, opts)
  if type(list) ~= "table" or document.is(list) then
    argerror(1, "index", ("table expected, got %s"):format(typename(list)))
  end
  if type(path) ~= "string" then
    argerror(2, "index", ("string expected, got %s"):format(typename(path)))
  end
  if opts ~= nil and type(opts) ~= "table" then
    argerror(3, "index", ("table expected, got %s"):format(typename(opts)))
  end
  opts = opts or {}
  for k in pairs(opts) do
    if not INDEX_OPTS[k] then argerror(3, "index", ("unknown option '%s'"):format(tostring(k))) end
  end
  local progress = opts.progress
  if progress ~= nil and type(progress) ~= "function" then
    argerror(3, "index", ("opts.progress must be a function, got %s"):format(typename(progress)))
  end
  local batch = opts.batch or 128
  if type(batch) ~= "number" or batch < 1 or batch ~= math.floor(batch) then
    argerror(3, "index", ("opts.batch must be a positive integer, got %s"):format(
      type(batch) == "number" and tostring(batch) or typename(batch)))
  end
  local items, warnings = corpus.items(list, "index")
  local keep = opts.update and reusable(path) or {}
  local w, err = core.index_create(path)
  if not w then return nil, err end
  local total, at = #items, 1
  while at <= total do
    -- a batch: the pages to parse are read on two threads (core.load)
    local uds, paths, stats, parse, parsed, own = {}, {}, {}, {}, {}, {}
    local last = math.min(total, at + batch - 1)
    for k = at, last do
      local v = items[k]
      if type(v) == "string" then
        local old = keep[v]
        -- a page taken from the old file, unless its record is corrupted
        local ok, ud = false, nil
        if old then ok, ud = pcall(old.cx.cx_page, old.cx, old.page) end
        if ok then
          parsed[k] = ud
          stats[k] = old.stat
        else
          parse[#parse + 1] = v
        end
      end
    end
    -- each file's size and time as its descriptor gave them before the
    -- read (a change during it shows later), not from a second look-up
    local res, rstats = {}, {}
    if #parse > 0 then res, rstats = document.readpages(parse, nil, true) end
    local r = 1
    for k = at, last do
      local v = items[k]
      if type(v) == "string" then
        local ud = parsed[k]
        if ud == nil then
          ud = res[r]
          stats[k] = rstats[r] or stat(v)
          r = r + 1
        end
        if type(ud) == "string" then
          warnings[#warnings + 1] = ("%s: %s"):format(v, ud)
        else
          uds[#uds + 1] = ud
          paths[#uds] = v
          stats[#uds] = stats[k]
          own[#uds] = true  -- made here: closed by the writer once written
        end
      else
        uds[#uds + 1] = document.core(v, "index")
        paths[#uds] = false
        stats[#uds] = false
        own[#uds] = false
      end
      if progress then progress(k, total) end
    end
    local ok, werr = w:add(uds, paths, stats, own)
    if not ok then
      w:abort()
      return nil, werr
    end
    at = last + 1
  end
  for _, msg in ipairs(warnings) do w:warn(msg) end
  return w:finish()
end

return write
