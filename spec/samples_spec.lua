-- Real archive pages in plain text (../shared/mia-samples) against their
-- truth files. The truth files keep the "README" link label at the end of
-- Public Domain; API.md says it is page furniture, so it is compared without.
local compat = require "leninletter.compat"  -- utf8 and math as in Lua 5.4, on every Lua
local math = compat.math
local ll = require "leninletter"
local cjson = require "cjson"
local H = require "spec.helpers"
local readfile = H.tryread

local SAMPLES = os.getenv("LENINLETTER_SAMPLES") or "../shared/mia-samples"

local function num(v) return math.tointeger(v) or v end

local function words(doc)
  local w = {}
  for _, p in ipairs(doc.paragraphs) do
    for word in p.text:gmatch("%S+") do w[#w + 1] = word end
  end
  return table.concat(w, " ")
end

describe("leninletter.parse on real pages", function()
  local names = { "01", "08", "10", "19", "22" }
  if not readfile(SAMPLES .. "/01.json") then
    pending("environment limit: the samples are not at " .. SAMPLES .. " (set LENINLETTER_SAMPLES)")
    return
  end
  for _, name in ipairs(names) do
    local truth = cjson.decode(readfile(SAMPLES .. "/" .. name .. ".json"))
    local doc = assert(ll.open(SAMPLES .. "/" .. name .. ".txt"))

    it(("reads the header of sample %s"):format(name), function()
      assert.equal(truth.author, doc.author)
      assert.equal(truth.title ~= cjson.null and truth.title or nil, doc.title)
      assert.equal(truth.subtitle ~= cjson.null and truth.subtitle or nil, doc.subtitle)
      local expected, n = {}, 0
      for k, v in pairs(truth.meta) do
        expected[k] = (v:gsub("README$", ""))
        n = n + 1
      end
      assert.same(expected, doc.meta)
      assert.equal(n, #doc.fields)
    end)

    it(("reads the body and its markers of sample %s"):format(name), function()
      assert.equal(truth.paragraphs, #doc.paragraphs)
      -- the truth lists the markers of the heading and the body in source order
      local order = {}
      for _, part in ipairs({ "title", "subtitle" }) do
        for _, note in ipairs(doc.notes) do
          for _, r in ipairs(note.refs) do
            if r.part == part then order[#order + 1] = note.n end
          end
        end
      end
      for _, p in ipairs(doc.paragraphs) do
        for _, r in ipairs(p.refs) do order[#order + 1] = r.note end
      end
      local want = {}
      for i, v in ipairs(truth.body_refs) do want[i] = num(v) end
      assert.same(want, order)
      local w = words(doc)
      assert.equal(truth.first_words, w:sub(1, #truth.first_words))
      assert.equal(truth.last_words, w:sub(-#truth.last_words))
    end)

    it(("reads the notes and the footer of sample %s"):format(name), function()
      assert.equal(#truth.notes, #doc.notes)
      for i, t in ipairs(truth.notes) do
        assert.equal(num(t.n), doc.notes[i].n)
        assert.equal(num(t.paragraphs), #doc.notes[i].paragraphs)
        assert.equal(t.starts, doc.notes[i].text:sub(1, #t.starts))
      end
      assert.equal(truth.has_footer, #doc.navigation > 0)
      for _, line in ipairs(doc.navigation) do
        for _, p in ipairs(doc.paragraphs) do assert.is_nil(p.text:find(line, 1, true)) end
      end
    end)
  end

  it("reads a document number standing alone before the title", function()
    local doc = ll.open(SAMPLES .. "/08.txt")
    assert.equal("454", doc.number)
    assert.equal("To: G. Y. ZINOVIEV", doc.title)
    local c = doc:note(1).citations[1]
    assert.same({ volume = 22, first_page = 143, last_page = 156, present = true },
      { volume = c.volume, first_page = c.first_page, last_page = c.last_page, present = c.present })
    assert.equal("present edition, Vol. 22, pp. 143–56", c.text)
    assert.equal("* This refers to the Secretariat Abroad of the Mensheviks’ O. C.—Ed.",
      doc:note(2).text)
    assert.equal("509b", doc.source.first_page)
    assert.equal("510a", doc.source.last_page)
    assert.equal(1977, doc.source.year)
  end)

  it("warns of a note that nothing cites", function()
    local doc = ll.open(SAMPLES .. "/19.txt")
    assert.same({ "note 1 is not cited anywhere" }, doc.warnings)
  end)

  it("reads a glued note opener and keeps its text", function()
    local doc = ll.open(SAMPLES .. "/01.txt")
    assert.equal("To the Editorial Board of the Central Organ of the R.S.D.L.P.” "
      .. "(see present edition, Vol. 7).—Ed.", doc:note(2).text)
    assert.same({ { volume = 7, text = "present edition, Vol. 7", pos = 71, len = 23, paragraph = 1,
      present = true, ranges = {} } }, doc:note(2).citations)
    assert.equal("Yours sincerely,\nN. Lenin", doc.paragraphs[7].text)
    assert.same({ "< backward forward >", "Works Index | Volume 34 | Collected Works | L.I.A. Index" },
      doc.navigation)
  end)

  it("reads the subtitle's marker as a reference from the subtitle", function()
    local doc = ll.open(SAMPLES .. "/22.txt")
    assert.equal("Draft Decision for the C.P.C.", doc.subtitle)
    assert.same({ { part = "subtitle", pos = 30, sentence = 1 } }, doc:note(1).refs)
    assert.same({ work = "Lenin Collected Works", edition = "2nd English Edition",
      publisher = "Progress Publishers", year = 1971, place = "Moscow", volume = 42,
      first_page = "93a", last_page = "93a" }, doc.source)
  end)
end)
