--- CSV (RFC 4180): `export.csv`.
-- @module leninletter.export.csv

local math = require("leninletter.compat").math

local C = require "leninletter.export.common"
local argerror = C.argerror
local typename = C.typename

local M = {}

local PREFERRED = { "doc", "part", "field", "note", "paragraph", "sentence", "pos", "len",
  "left", "match", "right", "text", "word", "ngram", "count", "score" }

--- Rows as CSV (RFC 4180): CRLF line ends, a field quoted when it holds a
-- comma, a quote, CR or LF, quotes doubled. A text cell that starts with
-- `=`, `+`, `-` or `@`, after any white space, or with a tab, CR or LF
-- (which a spreadsheet would run as a formula) gets a leading `'`. Numbers are written as Lua writes them,
-- booleans as true/false, nil as an empty cell.
-- @tparam {table,...} rows records (tables with string keys: concordance
--   lines, frequency rows, ...) or arrays of cells
-- @tparam[opt] {string,...} columns the keys to write, in order, written
--   first as a header line; by default the records' keys (Hit fields,
--   `left`, `match`, `right`, `word`, `count`, ... first, then the rest
--   sorted), or no header for arrays
-- @treturn string the CSV text
-- @usage local lines = ll.letter():concordance("Soviet")
-- io.write(export.csv(lines, {"paragraph", "left", "match", "right"}))
function M.csv(rows, columns)
  if type(rows) ~= "table" then
    argerror(1, "csv", ("table expected, got %s"):format(typename(rows)))
  end
  if columns ~= nil then
    if type(columns) ~= "table" then
      argerror(2, "csv", ("table expected, got %s"):format(typename(columns)))
    end
    for i, c in ipairs(columns) do
      if type(c) ~= "string" and math.type(c) ~= "integer" then
        argerror(2, "csv", ("columns[%d] must be a string or an integer, got %s"):format(i, typename(c)))
      end
    end
  end
  for i, r in ipairs(rows) do
    if type(r) ~= "table" then
      argerror(1, "csv", ("row %d: table expected, got %s"):format(i, typename(r)))
    end
  end
  local function cell(v, i, col)
    local t = type(v)
    if v == nil then return "" end
    if t == "number" then
      v = math.type(v) == "integer" and tostring(v) or ("%.17g"):format(v)
    elseif t == "boolean" then
      v = tostring(v)
    elseif t == "string" then
      -- white space first does not stop a spreadsheet from reading a formula
      if v:find("^%s*[=+%-@]") or v:find("^[\t\r\n]") then v = "'" .. v end
    else
      argerror(1, "csv", ("row %d, column %s: string, number or boolean expected, got %s"):format(
        i, tostring(col), typename(v)))
    end
    if v:find('[,"\r\n]') then v = '"' .. v:gsub('"', '""') .. '"' end
    return v
  end
  local out = {}
  local cols = columns
  local header = columns ~= nil
  if cols == nil and rows[1] ~= nil and rows[1][1] == nil then
    local seen, rest = {}, {}
    cols = {}
    for _, r in ipairs(rows) do
      for k, v in pairs(r) do
        if type(k) == "string" and type(v) ~= "table" and not seen[k] then
          seen[k] = true
          rest[#rest + 1] = k
        end
      end
    end
    for _, k in ipairs(PREFERRED) do
      if seen[k] then cols[#cols + 1] = k seen[k] = "done" end
    end
    table.sort(rest)
    for _, k in ipairs(rest) do
      if seen[k] ~= "done" then cols[#cols + 1] = k end
    end
    header = true
  end
  if header then
    local h = {}
    for j, c in ipairs(cols) do h[j] = cell(tostring(c), 0, j) end
    out[#out + 1] = table.concat(h, ",")
  end
  for i, r in ipairs(rows) do
    local cs = {}
    if cols then
      for j, c in ipairs(cols) do cs[j] = cell(r[c], i, c) end
    else
      for j = 1, #r do cs[j] = cell(r[j], i, j) end
    end
    out[#out + 1] = table.concat(cs, ",")
  end
  if #out == 0 then return "" end
  return table.concat(out, "\r\n") .. "\r\n"
end

return M
