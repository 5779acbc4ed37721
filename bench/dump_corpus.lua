-- bench/dump_corpus.lua: one line per page of a folder of archive pages,
-- for comparing two builds of the module (issue #13's before/after dump):
--   path <TAB> paragraphs <TAB> notes <TAB> kinds (kind=count, sorted)
-- lua5.4 bench/dump_corpus.lua ../shared/corpus > /tmp/after.tsv
-- The kinds column is empty for a build without Block kinds.
local ll = require "leninletter"
local dir = arg[1] or "../shared/corpus"

local p = io.popen("find '" .. dir:gsub("'", "'\\''") .. "' -type f \\( -name '*.htm' -o -name '*.html' \\) | sort")
local paths = {}
for line in p:lines() do paths[#paths + 1] = line end
p:close()

for _, path in ipairs(paths) do
  local doc, err = ll.open(path)
  if not doc then
    io.write(path, "\tERROR\t", tostring(err), "\n")
  else
    local kinds, names = {}, {}
    for _, b in ipairs(doc.paragraphs) do
      if b.kind then
        if not kinds[b.kind] then names[#names + 1] = b.kind end
        kinds[b.kind] = (kinds[b.kind] or 0) + 1
      end
    end
    table.sort(names)
    local ks = {}
    for i, k in ipairs(names) do ks[i] = k .. "=" .. kinds[k] end
    io.write(path, "\t", #doc.paragraphs, "\t", #doc.notes, "\t", table.concat(ks, ","), "\n")
  end
end
