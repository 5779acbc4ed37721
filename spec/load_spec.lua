-- load_spec: core.load, the batch reader under ll.corpus (issue #6, speed).
-- It reads and parses files in C, on two threads where there are two
-- cores; what it gives must be what reading each file and parsing it
-- gives, in the order asked, and ll.corpus must still report progress for
-- every page in order.
local ll = require "leninletter"
local core = require "leninletter.core"
local H = require "spec.helpers"
local write = H.write

local function page(i)
  return ("<!DOCTYPE html>\n<html><head><title>Page %d</title></head><body>\n"
    .. "<h2>V. I. Lenin</h2>\n<h1>Page %d</h1>\n<p>The Soviet met %d times.</p>\n"
    .. "<p>A second paragraph, with a note.<sup><a href=\"#n1\">[1]</a></sup></p>\n"
    .. "<p class=\"endnote\"><a name=\"n1\">[1]</a> The note of page %d.</p>\n"
    .. "</body></html>\n"):format(i, i, i, i)
end

describe("leninletter.core load", function()
  local dir
  local N = 300 -- more than one batch of ll.corpus
  setup(function()
    dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir -p '" .. dir .. "/folder'"))
    for i = 1, N do write(("%s/p%03d.htm"):format(dir, i), page(i)) end
    write(dir .. "/letter.txt", core.letter_text())
    write(dir .. "/empty.htm", "")
    write(dir .. "/nul.htm", "not\0text")
  end)
  teardown(function()
    os.execute("rm -rf '" .. dir .. "'")
  end)

  it("gives for each path what parsing the file's text gives, in order", function()
    local paths = {}
    for i = N, 1, -1 do paths[#paths + 1] = ("%s/p%03d.htm"):format(dir, i) end
    paths[#paths + 1] = dir .. "/letter.txt"
    local res = core.load(paths)
    assert.equal(#paths, #res)
    for i, p in ipairs(paths) do
      local f = assert(io.open(p, "rb"))
      local want = assert(core.parse(f:read("*a")))
      f:close()
      assert.same(want:tree(), res[i]:tree())
    end
  end)

  it("gives the reason a file failed, as parse or io.open would", function()
    local res = core.load({ dir .. "/missing.htm", dir .. "/folder", dir .. "/empty.htm",
      dir .. "/nul.htm", dir .. "/p001.htm" })
    assert.equal("cannot open: No such file or directory", res[1])
    assert.equal("cannot read: Is a directory", res[2])
    assert.equal(select(2, core.parse("")), res[3])
    assert.equal(select(2, core.parse("not\0text")), res[4])
    assert.equal("userdata", type(res[5]))
  end)

  it("takes an empty list, and refuses what is not a list of strings", function()
    assert.same({}, core.load({}))
    assert.has_error(function() core.load({ "a", 1 }) end,
      "bad argument #1 to 'load' (paths[2] is not a string)")
    assert.has_error(function() core.load("a") end)
  end)

  it("lets ll.corpus call progress for every page in order, over several batches", function()
    local calls = {}
    local c = ll.corpus({ dir .. "/folder", dir, ll.letter() }, { progress = function(done, total)
      calls[#calls + 1] = { done, total }
    end })
    -- the folder's pages: N pages, the letter, empty.htm and nul.htm fail
    local total = N + 3 + 1
    assert.equal(total, #calls)
    for i, cl in ipairs(calls) do assert.same({ i, total }, cl) end
    assert.equal(N + 2, #c)
    assert.equal(2, #c.warnings)
    assert.equal(N + 2 * ll.letter():count("soviet"), c:count("soviet"))
    assert.equal("Page 1", c[2].title)
    assert.equal(dir .. "/p001.htm", c.paths[2])
  end)
end)
