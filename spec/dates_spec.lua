-- leninletter.dates: every date of the letter, its header fields read as
-- dates, the calendar rules on small texts, and the options of doc:dates.

local ll = require "leninletter"
local H = require "spec.helpers"

-- the dates of a one-paragraph text, as {text, old_style, new_style}
local function read(text)
  local out = {}
  for _, d in ipairs(assert(ll.parse(text)):dates()) do
    out[#out + 1] = { d.text, d.old_style, d.new_style }
  end
  return out
end

local function day(iso) return { first = iso, last = iso } end

describe("leninletter.dates", function()
  local doc

  before_each(function()
    doc = ll.letter()
  end)

  it("reads the Written field as old style November 2-4, new style 15-17, 1905", function()
    assert.same({
      text = "November 2-4 (15-17), 1905",
      old_style = { first = "1905-11-02", last = "1905-11-04" },
      new_style = { first = "1905-11-15", last = "1905-11-17" },
      part = "meta", field = "Written", pos = 12, len = 26,
    }, doc.written)
    assert.equal(doc.written.text, doc.meta.Written:sub(doc.written.pos, doc.written.pos + doc.written.len - 1))
  end)

  it("reads the Published field as November 5, 1940, new style only", function()
    assert.same({
      text = "November 5, 1940",
      new_style = { first = "1940-11-05", last = "1940-11-05" },
      part = "meta", field = "Published", pos = 20, len = 16,
    }, doc.published)
    assert.is_nil(doc.published.old_style)
  end)

  it("finds every date of the letter, its header and its notes, by default", function()
    local expected = {
      { part = "meta", field = "Written", pos = 12, len = 26, text = "November 2-4 (15-17), 1905",
        old_style = { first = "1905-11-02", last = "1905-11-04" },
        new_style = { first = "1905-11-15", last = "1905-11-17" } },
      { part = "meta", field = "Published", pos = 20, len = 16, text = "November 5, 1940",
        old_style = nil,
        new_style = { first = "1940-11-05", last = "1940-11-05" } },
      { part = "meta", field = "Source", pos = 45, len = 4, text = "1965",
        old_style = nil,
        new_style = { first = "1965", last = "1965" } },
      { part = "meta", field = "Public Domain", pos = 25, len = 4, text = "2004",
        old_style = nil,
        new_style = { first = "2004", last = "2004" } },
      { part = "note", note = 2, paragraph = 1, sentence = 2, pos = 210, len = 22, text = "early in November 1905",
        old_style = { first = "1905-11", last = "1905-11" },
        new_style = nil },
      { part = "note", note = 2, paragraph = 1, sentence = 4, pos = 433, len = 18, text = "the autumn of 1940",
        old_style = nil,
        new_style = { first = "1940", last = "1940" } },
      { part = "note", note = 3, paragraph = 1, sentence = 1, pos = 85, len = 48,
        text = "October 27 (November 9) to December 3 (16), 1905",
        old_style = { first = "1905-10-27", last = "1905-12-03" },
        new_style = { first = "1905-11-09", last = "1905-12-16" } },
      { part = "note", note = 3, paragraph = 1, sentence = 2, pos = 217, len = 22, text = "early in November 1905",
        old_style = { first = "1905-11", last = "1905-11" },
        new_style = nil },
      { part = "note", note = 4, paragraph = 1, sentence = 1, pos = 83, len = 15, text = "the end of 1901",
        old_style = { first = "1901", last = "1901" },
        new_style = nil },
      { part = "note", note = 4, paragraph = 1, sentence = 1, pos = 103, len = 17, text = "beginning of 1902",
        old_style = { first = "1902", last = "1902" },
        new_style = nil },
      { part = "note", note = 4, paragraph = 1, sentence = 2, pos = 324, len = 7, text = "1900-05",
        old_style = { first = "1900", last = "1905" },
        new_style = nil },
      { part = "note", note = 4, paragraph = 1, sentence = 2, pos = 413, len = 7, text = "1901-05",
        old_style = { first = "1901", last = "1905" },
        new_style = nil },
      { part = "note", note = 4, paragraph = 6, sentence = 1, pos = 70, len = 4, text = "1917",
        old_style = { first = "1917", last = "1917" },
        new_style = nil },
      { part = "note", note = 4, paragraph = 6, sentence = 4, pos = 591, len = 21, text = "Late in November 1917",
        old_style = { first = "1917-11", last = "1917-11" },
        new_style = nil },
      { part = "note", note = 5, paragraph = 1, sentence = 1, pos = 57, len = 12, text = "October 1905",
        old_style = { first = "1905-10", last = "1905-10" },
        new_style = nil },
      { part = "note", note = 6, paragraph = 1, sentence = 2, pos = 107, len = 8, text = "May 1905",
        old_style = { first = "1905-05", last = "1905-05" },
        new_style = nil },
      { part = "note", note = 6, paragraph = 1, sentence = 4, pos = 303, len = 9, text = "July 1905",
        old_style = { first = "1905-07", last = "1905-07" },
        new_style = nil },
      { part = "note", note = 6, paragraph = 1, sentence = 5, pos = 457, len = 15, text = "the end of 1900",
        old_style = { first = "1900", last = "1900" },
        new_style = nil },
      { part = "note", note = 7, paragraph = 1, sentence = 1, pos = 4, len = 15, text = "January 9, 1905",
        old_style = { first = "1905-01-09", last = "1905-01-09" },
        new_style = { first = "1905-01-22", last = "1905-01-22" } },
      { part = "note", note = 7, paragraph = 1, sentence = 3, pos = 494, len = 7, text = "1905-07",
        old_style = { first = "1905", last = "1907" },
        new_style = nil },
      { part = "note", note = 8, paragraph = 1, sentence = 1, pos = 80, len = 4, text = "1905",
        old_style = { first = "1905", last = "1905" },
        new_style = nil },
      { part = "note", note = 8, paragraph = 1, sentence = 2, pos = 182, len = 6, text = "August",
        old_style = { first = "1905-08", last = "1905-08" },
        new_style = nil },
      { part = "note", note = 8, paragraph = 1, sentence = 2, pos = 193, len = 13, text = "November 1905",
        old_style = { first = "1905-11", last = "1905-11" },
        new_style = nil },
      { part = "note", note = 8, paragraph = 1, sentence = 7, pos = 793, len = 15, text = "the end of 1906",
        old_style = { first = "1906", last = "1906" },
        new_style = nil },
    }
    -- what links each date to what it dates is checked below
    local got = doc:dates()
    for _, d in ipairs(got) do d.context, d.entities = nil, nil end
    assert.same(expected, got)
  end)

  it("gives each date's text as it stands at pos in its field or block", function()
    for _, d in ipairs(doc:dates()) do
      local s
      if d.part == "meta" then s = doc.meta[d.field]
      elseif d.part == "body" then s = doc.paragraphs[d.paragraph].text
      else s = doc:note(d.note).paragraphs[d.paragraph].text end
      assert.equal(d.text, s:sub(d.pos, d.pos + d.len - 1))
      if d.sentence then
        local p = d.part == "body" and doc.paragraphs[d.paragraph] or doc:note(d.note).paragraphs[d.paragraph]
        assert.truthy(p.sentences[d.sentence]:find(d.text, 1, true))
      end
    end
  end)

  it("finds no date in the body of the letter, where the Ninth of January is an event", function()
    assert.same({}, doc:dates({ scope = "body" }))
    assert.equal(1, #doc:find("Ninth of January"))
  end)

  it("limits the dates to the notes, the header fields or everything but the header", function()
    assert.equal(20, #doc:dates({ scope = "notes" }))
    assert.equal(20, #doc:dates({ scope = "all" }))
    assert.equal(4, #doc:dates({ scope = "meta" }))
    assert.equal(24, #doc:dates({ scope = "any" }))
    for _, d in ipairs(doc:dates({ scope = "notes" })) do assert.equal("note", d.part) end
  end)

  it("returns fresh tables on every call", function()
    doc:dates()[1].text = "changed"
    doc.written.old_style.first = "changed"
    assert.equal("November 2-4 (15-17), 1905", doc:dates()[1].text)
    assert.equal("1905-11-02", ll.letter().written.old_style.first)
  end)

  it("adds 12 days to old-style dates up to 1900-02-28 and 13 from 1900-02-29", function()
    assert.same({
      { "February 16, 1900", day("1900-02-16"), day("1900-02-28") },
      { "February 17, 1900", day("1900-02-17"), day("1900-03-01") },
      { "February 28, 1900", day("1900-02-28"), day("1900-03-12") },
      { "February 29, 1900", day("1900-02-29"), day("1900-03-13") },
      { "March 1, 1900", day("1900-03-01"), day("1900-03-14") },
    }, read("February 16, 1900, February 17, 1900, February 28, 1900, February 29, 1900 and March 1, 1900."))
  end)

  it("reads single dates before 1918-02-14 as old style and from it on as new style only", function()
    assert.same({
      { "January 31, 1918", day("1918-01-31"), day("1918-02-13") },
      { "February 1, 1918", day("1918-02-01"), day("1918-02-14") },
      { "February 13, 1918", day("1918-02-13"), day("1918-02-26") },
      { "February 14, 1918", nil, day("1918-02-14") },
      { "February 15, 1918", nil, day("1918-02-15") },
    }, read("January 31, 1918; February 1, 1918; February 13, 1918; February 14, 1918; February 15, 1918."))
  end)

  it("reads dual dating either way round, the earlier reading being the old style", function()
    assert.same({
      { "June 1 (May 19), 1917", day("1917-05-19"), day("1917-06-01") },
      { "May 18 (31), 1917", day("1917-05-18"), day("1917-05-31") },
      { "December 20, 1905 (January 2, 1906)", day("1905-12-20"), day("1906-01-02") },
    }, read("June 1 (May 19), 1917 and May 18 (31), 1917; December 20, 1905 (January 2, 1906)."))
  end)

  it("reads two days in a row joined by 'and' as the range from the one to the other", function()
    -- lenin/works/1918/mar/05.htm: "at the Bolshevik city conference on March
    -- 3 and 4, 1918"; lenin/bio/prilezhayeva.htm: "in the White Hall of the
    -- Smolny on October 25 and 26, 1917"
    assert.same({
      { "March 3 and 4, 1918", nil, { first = "1918-03-03", last = "1918-03-04" } },
      { "October 25 and 26, 1917", { first = "1917-10-25", last = "1917-10-26" },
        { first = "1917-11-07", last = "1917-11-08" } },
      { "2 and 3 (15 and 16) November 1905", { first = "1905-11-02", last = "1905-11-03" },
        { first = "1905-11-15", last = "1905-11-16" } },
    }, read("On March 3 and 4, 1918; on October 25 and 26, 1917; 2 and 3 (15 and 16) November 1905."))
    -- two days apart are two days, not the days between: only the year is read
    -- (mandel/1976/11: "on April 21 and 28, 1975")
    assert.same({ { "1975", nil, day("1975") } }, read("Published on April 21 and 28, 1975."))
  end)

  it("keeps the precision written and reads no date in a day spelled out or one that does not exist", function()
    assert.same({
      { "May 1905", { first = "1905-05", last = "1905-05" }, nil },
      { "1905-07", { first = "1905", last = "1907" }, nil },
      { "1920", nil, { first = "1920", last = "1920" } },
    }, read("In May 1905, the Ninth of January, February 29, 1905, the 1905-07 revolution, and 1920."))
    -- a one-digit end within the decade (mia-pd's dutt/1928/06/x01.htm: "the
    -- Fiscal Commission of 1921-2, the Currency and Finance Commission of
    -- 1925-6"); one that would go back, or a run of numbers, is no range
    assert.same({
      { "1905-6", { first = "1905", last = "1906" }, nil },
      { "1921-2", nil, { first = "1921", last = "1922" } },
    }, read("In 1905-6 and in 1921-2; not 1929-0, nor 1905-6-7."))
  end)

  it("reads the header fields of any page as written and published", function()
    local d = assert(ll.parse("Title\n\nWritten: Written on January 1, 1910\nPublished: 1920\n\n\nBody text."))
    assert.same({ text = "January 1, 1910", old_style = day("1910-01-01"), new_style = day("1910-01-14"),
                  part = "meta", field = "Written", pos = 12, len = 15 }, d.written)
    assert.same({ text = "1920", new_style = { first = "1920", last = "1920" },
                  part = "meta", field = "Published", pos = 1, len = 4 }, d.published)
    local none = assert(ll.parse("Just a paragraph without a header."))
    assert.is_nil(none.written)
    assert.is_nil(none.published)
    -- a page without a Published field: its First Published (lenin/works/
    -- 1917/dec/24.htm: "First Published: January 22, 1929 in Pravda No. 18")
    local first = assert(ll.parse("Title\n\nWritten: 1917\nFirst Published: January 22, 1929 in Pravda\n\n\nBody."))
    assert.same({ text = "January 22, 1929", new_style = day("1929-01-22"),
                  part = "meta", field = "First Published", pos = 1, len = 16 }, first.published)
    -- but not where the page has a Published field, dated or not
    local both = assert(ll.parse("Title\n\nPublished: in Pravda\nFirst Published: 1929\n\n\nBody."))
    assert.is_nil(both.published)
    local page = H.LENIN .. "/archive/lenin/works/1917/dec/24.htm"
    if H.exists(page) then
      assert.equal("1929-01-22", assert(ll.open(page)).published.new_style.first)
    end
  end)

  it("rejects bad options with the usual bad-argument messages", function()
    assert.has_error(function() doc:dates(5) end, "bad argument #1 to 'dates' (table expected, got number)")
    assert.has_error(function() doc:dates({ scope = "page" }) end,
      'bad argument #1 to \'dates\' (opts.scope must be "body", "notes", "all", "meta" or "any", got "page")')
    assert.has_error(function() doc:dates({ width = 3 }) end, "bad argument #1 to 'dates' (unknown option 'width')")
    assert.has_error(function() doc.dates({}) end, "bad argument #1 to 'dates' (Document expected, got table)")
  end)
end)
