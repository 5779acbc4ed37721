-- doc.errata: the letter's misprints as data (data/errata.lua), read from
-- the letter as data/letter.txt prints it (e.g. note 6: "By the end of 1900
-- the Union had fallen apart", for 1906; paragraph 5: "for the tire less,
-- steadfast advocacy").
local ll = require "leninletter"
local errata = require "leninletter.errata"

describe("doc.errata", function()
  local doc = ll.letter()

  it("lists the letter's misprints in document order, each standing where it says, once", function()
    assert.equal(16, #doc.errata)
    local last = { 0, 0, 0, 0 }
    for _, e in ipairs(doc.errata) do
      local b = errata.block(doc, e)
      assert.is_truthy(b, e.sic)
      assert.equal(e.sic, b.text:sub(e.pos, e.pos + e.len - 1))
      assert.equal(#e.sic, e.len)
      assert.is_nil(b.text:find(e.sic, e.pos + 1, true) and #e.sic > 2 and e.sic or nil)
      assert.not_equal(e.sic, e.corr)
      assert.is_string(e.why)
      local key = { e.part == "body" and 0 or 1, e.note or 0, e.paragraph, e.pos }
      local later = false
      for k = 1, 4 do
        if key[k] ~= last[k] then later = key[k] > last[k] break end
      end
      assert.is_true(later, e.sic)
      last = key
    end
  end)

  it("has the three the issue names, with the printed and the meant text", function()
    local by = {}
    for _, e in ipairs(doc.errata) do by[e.sic] = e end
    assert.same({ part = "note", note = 6, paragraph = 1, pos = 468, len = 4, sic = "1900", corr = "1906" },
      { part = by["1900"].part, note = by["1900"].note, paragraph = by["1900"].paragraph, pos = by["1900"].pos,
        len = by["1900"].len, sic = by["1900"].sic, corr = by["1900"].corr })
    assert.equal("By the end of 1900", doc:note(6).paragraphs[1].text:sub(454, 471))
    assert.equal("tireless", by["tire less"].corr)
    assert.equal(5, by["tire less"].paragraph)
    assert.equal("be", by["he"].corr)
    assert.equal("could not he eliminated", doc:note(4).paragraphs[4].text:sub(174, 196))
  end)

  it("is on the letter read from its plain-text file too, and on no other page", function()
    local f = assert(ll.open("data/letter.txt"))
    assert.same(doc.errata, f.errata)
    assert.same({}, assert(ll.parse("A Title\n\nSome text about the Soviet.\n")).errata)
    -- a copy: changing one Document's errata changes no other
    doc.errata[1].corr = "x"
    assert.equal("tireless", ll.letter().errata[1].corr)
  end)
end)
