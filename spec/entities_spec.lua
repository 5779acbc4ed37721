-- leninletter.entities: the letter's catalogue and its mentions through the
-- public API (doc:entity, doc:entities, doc:mentions), checked against the
-- hand counts of catalogue_data_spec and against a plain-Lua scan of the
-- document's own texts; custom and malformed catalogues; bad arguments.

local ll = require "leninletter"
local utf8 = require("leninletter.compat").utf8  -- as in Lua 5.4, on every Lua
local H = require "spec.helpers"

-- The path of a page of the sample's Lenin pages, or nil once the calling
-- spec is pending (the shared/ folder is not beside the project)
local function leninpage(rel)
  local path = H.LENIN .. rel
  if H.exists(path) then return path end
  pending(H.absent(path))
  return nil
end
local before = H.cp_before
local at = H.cp_at

local TYPES = "person, organization, periodical, place, event, work"

-- ’ is ', white space runs are one space, ASCII lowercase (all the names need)
local function fold(s)
  return (s:gsub("\226\128\153", "'"):gsub("\194\160", " "):gsub("%s+", " "):lower())
end

---------------------------------------------------------------------------
-- A plain-Lua matcher: whole words (letters and digits, one hyphen or
-- apostrophe between two of them joining), every name and alias, overlaps
-- resolved longest first, as catalogue_data_spec reads the raw letter.
---------------------------------------------------------------------------

local function is_alnum(cp)
  return cp ~= nil and ((cp >= 48 and cp <= 57) or (cp >= 65 and cp <= 90) or (cp >= 97 and cp <= 122)
    or (cp >= 0xC0 and cp <= 0x24F and cp ~= 0xD7 and cp ~= 0xF7))
end
local function is_joiner(cp) return cp == 45 or cp == 39 end

local function boundary(s, p, get)
  local cp, i = get(s, p)
  if is_alnum(cp) then return false end
  if is_joiner(cp) then return not is_alnum((get(s, i))) end
  return true
end

local function occurrences(text, form)
  local spans, init = {}, 1
  local first_alnum = is_alnum(utf8.codepoint(form, 1))
  local last_alnum = is_alnum((before(form, #form + 1)))
  while true do
    local s, e = text:find(form, init, true)
    if not s then break end
    if (not first_alnum or boundary(text, s, before)) and (not last_alnum or boundary(text, e + 1, at)) then
      spans[#spans + 1] = { s = s, e = e }
    end
    init = s + 1
  end
  return spans
end

-- every searchable text of a document: {part, field, note, paragraph, text}
local function segments(doc)
  local segs = {}
  if doc.title then segs[#segs + 1] = { part = "title", text = doc.title } end
  if doc.subtitle then segs[#segs + 1] = { part = "subtitle", text = doc.subtitle } end
  for _, f in ipairs(doc.fields) do segs[#segs + 1] = { part = "meta", field = f, text = doc.meta[f] } end
  for i, p in ipairs(doc.paragraphs) do segs[#segs + 1] = { part = "body", paragraph = i, text = p.text } end
  for _, n in ipairs(doc.notes) do
    for i, p in ipairs(n.paragraphs) do
      segs[#segs + 1] = { part = "note", note = n.n, paragraph = i, text = p.text }
    end
  end
  return segs
end

-- the mentions a plain scan finds: "part/field/note/paragraph id folded-text"
local function scan(doc, catalogue)
  local out = {}
  for _, seg in ipairs(segments(doc)) do
    local text, found = fold(seg.text), {}
    for idx, e in ipairs(catalogue) do
      local forms = { e.name, table.unpack(e.aliases) }
      for _, form in ipairs(forms) do
        for _, sp in ipairs(occurrences(text, fold(form))) do
          found[#found + 1] = { s = sp.s, e = sp.e, entry = idx }
        end
      end
    end
    table.sort(found, function(a, b)
      if a.e - a.s ~= b.e - b.s then return a.e - a.s > b.e - b.s end
      if a.s ~= b.s then return a.s < b.s end
      return a.entry < b.entry
    end)
    local taken = {}
    for _, c in ipairs(found) do
      local free = true
      for _, t in ipairs(taken) do
        if c.s <= t.e and t.s <= c.e then free = false break end
      end
      if free then taken[#taken + 1] = c end
    end
    table.sort(taken, function(a, b) return a.s < b.s end)
    for _, m in ipairs(taken) do
      out[#out + 1] = table.concat({ seg.part, seg.field or "", seg.note or "", seg.paragraph or "",
        catalogue[m.entry].id, text:sub(m.s, m.e) }, "|")
    end
  end
  return out
end

-- the same key for the mentions of doc:entities()
local function keys(doc)
  local all = {}
  for _, e in ipairs(doc:entities()) do
    for _, h in ipairs(e.mentions) do all[#all + 1] = { e = e, h = h } end
  end
  local order = {}
  for i, s in ipairs(segments(doc)) do
    order[table.concat({ s.part, s.field or "", s.note or "", s.paragraph or "" }, "|")] = i
  end
  local function where(h) return table.concat({ h.part, h.field or "", h.note or "", h.paragraph or "" }, "|") end
  table.sort(all, function(a, b)
    local sa, sb = order[where(a.h)], order[where(b.h)]
    if sa ~= sb then return sa < sb end
    return a.h.pos < b.h.pos
  end)
  local out = {}
  for i, x in ipairs(all) do out[i] = where(x.h) .. "|" .. x.e.id .. "|" .. fold(x.h.text) end
  return out
end

local function count(doc, name, scope)
  return #doc:mentions(name, { scope = scope })
end

describe("leninletter.entities", function()
  local doc

  before_each(function()
    doc = ll.letter()
  end)

  it("finds an entity by any name or alias, ignoring case, apostrophe kind and spacing", function()
    for _, name in ipairs({ "Soviet of Workers’ Deputies", "soviet of workers' deputies",
                            "SOVIET  OF\194\160WORKERS'   DEPUTIES", " Soviet " }) do
      assert.equal("soviet-of-workers-deputies", doc:entity(name).id, name)
    end
    assert.equal("rsdlp", doc:entity("r.s.d.l.p.").id)
    assert.equal("rsdlp", doc:entity("Social-Democrats").id)
    assert.equal("black-hundreds", doc:entity("black-hundred").id)
    assert.equal("novaya-zhizn", doc:entity("New Life").id)
  end)

  it("returns nil for a name no entity goes by", function()
    assert.is_nil(doc:entity("Trotsky"))
    assert.is_nil(doc:entity("Soviets"))
    assert.is_nil(doc:entity("Soviet of Workers Deputies"))  -- the apostrophe is not optional
    assert.is_nil(doc:entity("RSDLP"))
    assert.is_nil(doc:entity(""))
    assert.is_nil(doc:entity("\255"))
  end)

  it("gives an Entity its catalogue fields and every mention, header included", function()
    assert.same({
      id = "novaya-zhizn", name = "Novaya Zhizn", type = "periodical", aliases = { "New Life" }, note = 3,
      description = "the first legal Bolshevik newspaper, published daily from October 27 (November 9) "
        .. "to December 3 (16), 1905, in St. Petersburg",
      mentions = {
        { part = "body", paragraph = 2, sentence = 2, pos = 114, len = 12, text = "Novaya Zhizn" },
        { part = "body", paragraph = 10, sentence = 7, pos = 471, len = 12, text = "Novaya Zhizn" },
        { part = "note", note = 2, paragraph = 1, sentence = 3, pos = 343, len = 12, text = "Novaya Zhizn" },
        { part = "note", note = 3, paragraph = 1, sentence = 1, pos = 1, len = 12, text = "Novaya Zhizn" },
        { part = "note", note = 3, paragraph = 1, sentence = 1, pos = 15, len = 8, text = "New Life" },
      },
    }, doc:entity("novaya zhizn"))
    assert.same({
      id = "pravda", name = "Pravda", type = "periodical", aliases = {},
      mentions = { { part = "meta", field = "Published", pos = 41, len = 6, text = "Pravda" } },
    }, doc:entity("Pravda"))
    assert.equal("Pravda", doc.meta.Published:sub(41, 46))
  end)

  it("gives the title's Soviet to the title, and the subtitle to the same work", function()
    assert.same({
      { part = "title", sentence = 1, pos = 1, len = 47, text = "Our Tasks and the Soviet of Workers’ Deputies" },
      { part = "subtitle", sentence = 1, pos = 1, len = 22, text = "A Letter to the Editor" },
      { part = "note", note = 2, paragraph = 1, sentence = 1, pos = 4, len = 47,
        text = "Our Tasks and the Soviet of Workers’ Deputies" },
    }, doc:mentions("our tasks and the soviet of workers' deputies", { scope = "all" }))
    for _, h in ipairs(doc:mentions("Soviet", { scope = "any" })) do assert.equal("body", h.part) end
  end)

  it("keeps an alias's punctuation: R.S.D.L.P. with its dots", function()
    local h = doc:mentions("R.S.D.L.P.")[2]
    assert.same({ part = "body", paragraph = 2, sentence = 2, pos = 193, len = 10, text = "R.S.D.L.P." }, h)
    assert.equal("R.S.D.L.P.", doc.paragraphs[2].text:sub(193, 202))
  end)

  it("reproduces the mentions counted by hand", function()
    local function forms(form, scope)
      local n = 0
      for _, e in ipairs(doc:entities()) do
        for _, h in ipairs(e.mentions) do
          if fold(h.text) == fold(form) and (scope == "any" or h.part == scope) then n = n + 1 end
        end
      end
      return n
    end
    assert.equal(6, forms("Black Hundreds", "body"))
    assert.equal(9, forms("Black-Hundred", "body"))
    assert.equal(11, forms("Soviet of Workers’ Deputies", "body"))
    assert.equal(11, forms("Soviet", "body"))
    assert.equal(5, forms("Russian Social-Democratic Labour Party", "body"))
    assert.equal(9, forms("Social-Democrats", "body"))
    assert.equal(4, forms("Social-Democratic", "body"))
    -- {name, scope, count}: catalogue_data_spec's "all" is every part, the
    -- header fields included, which is "any" here; its author line (V. I.
    -- Lenin) is no searchable text of a Document, so Lenin has 5, not 6
    local expected = {
      { "Black Hundreds", "body", 15 }, { "Black Hundreds", "notes", 0 },
      { "Soviet", "body", 22 }, { "Soviet", "any", 22 }, { "Soviet", "all", 22 },
      { "Soviet power", "any", 4 },
      { "Russia", "body", 16 }, { "Russia", "any", 20 },
      { "Lenin", "any", 5 }, { "Lenin", "notes", 5 },
      { "R.S.D.L.P.", "body", 20 }, { "R.S.D.L.P.", "any", 21 },
      { "Socialist-Revolutionary Party", "body", 4 }, { "Socialist-Revolutionary Party", "any", 22 },
      { "Novaya Zhizn", "body", 2 }, { "Novaya Zhizn", "any", 5 },
      { "St. Petersburg", "any", 4 },
      { "Moscow", "any", 3 }, { "Moscow", "meta", 1 },
      { "Bolshevik Party", "any", 5 },
      { "Ninth of January", "any", 3 },
      { "October revolution", "any", 3 },
      { "first-russian-revolution", "any", 0 },  -- an id is no name
      { "Civil War", "any", 3 },
      { "Union of Unions", "any", 2 },
      { "All-Russian Peasant Union", "any", 2 },
      { "Poland", "body", 2 },
    }
    for _, x in ipairs(expected) do
      assert.equal(x[3], count(doc, x[1], x[2]), x[1] .. " in " .. x[2])
    end
    local e = doc:entities("event")
    local byid = {}
    for _, x in ipairs(e) do byid[x.id] = #x.mentions end
    assert.equal(3, byid["first-russian-revolution"])
  end)

  it("finds exactly the mentions a plain-Lua scan of the document's texts finds", function()
    local found, scanned = keys(doc), scan(doc, ll.catalogue())
    assert.equal(192, #found)
    assert.same(scanned, found)
  end)

  it("lets every name and alias win a mention, but the author line's V. I. Lenin", function()
    local won = {}
    for _, e in ipairs(doc:entities()) do
      for _, h in ipairs(e.mentions) do won[e.id .. "|" .. fold(h.text)] = true end
    end
    local never = {}
    for _, e in ipairs(ll.catalogue()) do
      for _, form in ipairs({ e.name, table.unpack(e.aliases) }) do
        if not won[e.id .. "|" .. fold(form)] then never[#never + 1] = form end
      end
    end
    assert.same({ "V. I. Lenin" }, never)
  end)

  it("lists the entities in order of first mention, and by type", function()
    local ids, want = {}, {}
    for _, e in ipairs(doc:entities()) do ids[#ids + 1] = e.id end
    for _, e in ipairs(ll.catalogue()) do
      if e.id ~= "lenin" then want[#want + 1] = e.id end
      if e.id == "all-russian-peasant-union" then want[#want + 1] = "lenin" end  -- note 2
    end
    assert.same(want, ids)
    local names = {}
    for _, e in ipairs(doc:entities("periodical")) do names[#names + 1] = e.name end
    assert.same({ "Pravda", "Novaya Zhizn", "Revolutsionnaya Rossiya", "Vestnik Russkoi Revolutsii" }, names)
  end)

  it("counts mentions by scope: body by default, notes, all, meta and any", function()
    assert.equal(16, #doc:mentions("Russia"))
    assert.equal(4, #doc:mentions("Russia", { scope = "notes" }))
    assert.equal(20, #doc:mentions("Russia", { scope = "all" }))
    assert.same({ { part = "meta", field = "Source", pos = 51, len = 6, text = "Moscow" } },
      doc:mentions("Moscow", { scope = "meta" }))
    assert.same(doc:entity("Russia").mentions, doc:mentions(doc:entity("Russia"), { scope = "any" }))
    assert.same({}, doc:mentions("Trotsky"))
  end)

  it("hands out fresh tables every call", function()
    local e = doc:entity("Russia")
    e.name, e.aliases[1], e.mentions[1].pos = "x", "y", 0
    assert.same({ id = "russia", name = "Russia", type = "place", aliases = {} },
      (function() local r = doc:entity("Russia"); r.mentions = nil; return r end)())
    assert.equal(1 < doc:entity("Russia").mentions[1].pos, true)
  end)

  it("returns a fresh deep copy of the catalogue from ll.catalogue()", function()
    local a = ll.catalogue()
    assert.equal(56, #a)
    assert.same({ id = "lenin", name = "V. I. Lenin", type = "person", aliases = { "Lenin" } }, a[1])
    a[1].name, a[2].aliases[1] = "changed", "changed"
    table.remove(a)
    local b = ll.catalogue()
    assert.equal(56, #b)
    assert.equal("V. I. Lenin", b[1].name)
    assert.equal("A Letter to the Editor", b[2].aliases[1])
    local mod = require "leninletter.catalogue"
    mod[16].name = "Changed"
    assert.equal("russia", ll.letter():entity("Russia").id)
  end)

  it("gives every letter the built-in catalogue, whatever was done with an earlier one", function()
    -- the letters share one lookup state of the built-in catalogue (made
    -- once); each has its own mentions
    local want
    do -- a letter whose entities are changed, then collected
      local a = ll.letter()
      want = a:entity("Russia")
      local e = a:entity("Russia")
      e.name, e.id, e.aliases[1] = "x", "x", "y"
      a:entities()[1].name = "changed"
    end
    local own = ll.letter({ entities = { { name = "Black Hundreds", type = "organization", id = "bh" } } })
    assert.equal("bh", own:entity("black hundreds").id)
    assert.is_nil(own:entity("Russia"))
    collectgarbage()
    local b = ll.letter()
    assert.same(want, b:entity("Russia"))
    assert.equal("black-hundreds", b:entity("black hundreds").id)
    assert.equal(56, #ll.catalogue())
    assert.same(keys(doc), keys(b))
    assert.equal(1, #own:entities())
  end)

  it("uses no catalogue for parse unless given one", function()
    local d = assert(ll.parse(require("leninletter.core").letter_text()))
    assert.same({}, d:entities())
    assert.is_nil(d:entity("Russia"))
    assert.same({}, d:mentions("Russia"))
    assert.equal(56, #assert(ll.parse(require("leninletter.core").letter_text(),
      { entities = ll.catalogue() })):entities())
  end)

  it("leaves the letter's own names of its entries (Soviet, October revolution, Civil War) to the letter", function()
    -- lenin/works/1918/jan/10.htm (the Third Congress of Soviets, January
    -- 1918): "That is why the October Revolution began this systematic and
    -- unswerving struggle", "the new state power which was created by the
    -- October Revolution", "Soviet power" 35 times, "civil war"
    local page = leninpage("/archive/lenin/works/1918/jan/10.htm")
    if not page then return end
    local d = assert(ll.open(page, { entities = ll.catalogue() }))
    assert.is_nil(d:entity("October revolution"))   -- 1917's, not the 1905 strike
    assert.is_nil(d:entity("Soviet of Workers’ Deputies"))
    assert.is_nil(d:entity("civil-war"))
    assert.equal(36, #d:entity("Soviet state").mentions)  -- Soviet power, Soviet state
    -- the letter keeps them, compiled in or read from its text
    local letter = ll.letter()
    assert.equal("october-1905-strike", letter:entity("October revolution").id)
    assert.equal(22, #letter:mentions("Soviet"))
    local again = assert(ll.parse(require("leninletter.core").letter_text(), { entities = ll.catalogue() }))
    assert.equal(22, #again:mentions("Soviet"))
    -- so does a corpus: the letter's pages by their title
    local c = assert(ll.corpus({ page, ll.letter() }, { entities = ll.catalogue() }))
    local e = c:entity("Soviet of Workers’ Deputies")
    assert.equal(22, #e.mentions)
    for _, h in ipairs(e.mentions) do assert.equal(2, h.doc) end
    -- a caller's own entry is kept as given
    local own = assert(ll.open(page, { entities = { { name = "October Revolution", type = "event" } } }))
    assert.equal(2, #own:mentions("October Revolution", { scope = "all" }))
  end)

  it("gives a corpus's entity the note of a page that explains it, not the letter's elsewhere", function()
    -- lenin/works/1917/dec/14b.htm names Novaya Zhizn (Gorky's paper of
    -- 1917, which no note of the page explains); the letter's note 3 is on
    -- the Bolshevik paper of 1905
    local page = leninpage("/archive/lenin/works/1917/dec/14b.htm")
    if not page then return end
    local c = assert(ll.corpus({ page }, { entities = ll.catalogue() }))
    local e = c:entity("Novaya Zhizn")
    assert.equal(1, #e.mentions)
    assert.is_nil(e.note)
    assert.is_nil(e.description)
    for _, x in ipairs(c:entities()) do assert.is_nil(x.note, x.id) end
    -- with the letter among the pages, the letter's note, and which page
    c = assert(ll.corpus({ page, ll.letter() }, { entities = ll.catalogue() }))
    e = c:entity("Novaya Zhizn")
    assert.equal(3, e.note)
    assert.equal(2, e.note_doc)
    assert.truthy(e.description:find("^the first legal Bolshevik newspaper"))
  end)

  it("matches a caller's catalogue, longest first, ignoring case, apostrophes and spaces", function()
    local cat = {
      { id = "iskra", name = "Iskra", type = "periodical", aliases = { "the Spark" }, note = 1,
        description = "a newspaper" },
      { name = "Social-Democratic Party", type = "organization", aliases = { "Party" } },
      { name = "Workers’ Union", type = "organization" },
    }
    local text = "Iskra and THE  SPARK: the party, the Social-Democratic\194\160Party and the workers' union."
    local d = assert(ll.parse(text, { entities = cat }))
    assert.same({
      { id = "iskra", name = "Iskra", type = "periodical", aliases = { "the Spark" }, note = 1,
        description = "a newspaper",
        mentions = {
          { part = "body", paragraph = 1, sentence = 1, pos = 1, len = 5, text = "Iskra" },
          { part = "body", paragraph = 1, sentence = 1, pos = 11, len = 10, text = "THE  SPARK" },
        } },
      { id = "social-democratic-party", name = "Social-Democratic Party", type = "organization", aliases = { "Party" },
        mentions = {
          { part = "body", paragraph = 1, sentence = 1, pos = 27, len = 5, text = "party" },
          { part = "body", paragraph = 1, sentence = 1, pos = 38, len = 24, text = "Social-Democratic\194\160Party" },
        } },
      { id = "workers-union", name = "Workers’ Union", type = "organization", aliases = {},
        mentions = { { part = "body", paragraph = 1, sentence = 1, pos = 71, len = 14, text = "workers' union" } } },
    }, d:entities())
    cat[1].name = "Changed"
    assert.equal("Iskra", d:entity("iskra").name)
  end)

  it("refuses a malformed catalogue, naming the entry and the field", function()
    local cases = {
      { 5, "opts.entities must be a table; got 5" },
      { { x = 1 }, "opts.entities must be an array of entries; got table" },
      { { "Iskra" }, 'opts.entities[1] must be a table; got "Iskra"' },
      { { { type = "person" } }, "opts.entities[1].name must be a string; got nil" },
      { { { name = " ", type = "person" } }, 'opts.entities[1].name must be a non-empty string; got " "' },
      { { { name = "A", type = "person" }, { name = "B", type = "person" }, { name = "C", type = "thing" } },
        'opts.entities[3].type must be one of person, organization, periodical, place, event, work; got "thing"' },
      { { { name = "A", type = "person", aliases = "B" } }, 'opts.entities[1].aliases must be a table; got "B"' },
      { { { name = "A", type = "person", aliases = { "B", 3 } } },
        "opts.entities[1].aliases[2] must be a string; got 3" },
      { { { name = "A", type = "person", note = "1" } }, 'opts.entities[1].note must be an integer; got "1"' },
      { { { name = "A", type = "person", id = 7 } }, "opts.entities[1].id must be a string; got 7" },
      { { { name = "A\255", type = "person" } }, 'opts.entities[1].name must be UTF-8 text; got "A\255"' },
      { { { name = "A", type = "person", description = false } },
        "opts.entities[1].description must be a string; got boolean" },
    }
    for _, c in ipairs(cases) do
      assert.has_error(function() ll.parse("text", { entities = c[1] }) end,
        "bad argument #2 to 'parse' (" .. c[2] .. ")")
    end
    assert.has_error(function() ll.open("/nonexistent", { entities = { { name = "A", type = "x" } } }) end,
      "bad argument #2 to 'open' (opts.entities[1].type must be one of " .. TYPES .. "; got \"x\")")
    assert.has_error(function() ll.letter({ entities = { { name = "A" } } }) end,
      "bad argument #1 to 'letter' (opts.entities[1].type must be one of " .. TYPES .. "; got nil)")
  end)

  describe("notes on another page", function()
    -- An Entity's note and description are what that document's own notes
    -- say (API.md, Entities): the letter's catalogue used on another page
    -- keeps them only where that page's note says the same.
    it("keeps all eight on the letter's text parsed with the letter's catalogue", function()
      local f = assert(io.open("data/letter.txt", "rb"))
      local parsed = ll.parse(f:read("*a"), { entities = ll.catalogue() })
      f:close()
      local notes = {}
      for _, e in ipairs(parsed:entities()) do
        if e.note then notes[e.id] = e.note end
      end
      assert.same({ ["our-tasks"] = 2, ["novaya-zhizn"] = 3, ["october-1905-strike"] = 5,
        ["what-is-to-be-done"] = 1, ["socialist-revolutionary-party"] = 4, ["union-of-unions"] = 6,
        ["ninth-of-january"] = 7, ["all-russian-peasant-union"] = 8 }, notes)
    end)

    it("gives none of the letter's notes to The State and Revolution", function()
      -- mia-lenin/.../1917/staterev/ch01.htm names the Socialist-Revolutionaries twice;
      -- its note 4 is on the Thirty Years' War, not the letter's note 4 on the party;
      -- its note 1 is no citation of What Is To Be Done?
      if not H.have_corpus() then return end
      local d = assert(ll.open(H.CORPUS .. "/mia-lenin/archive/lenin/works/1917/staterev/ch01.htm",
        { entities = ll.catalogue() }))
      assert.truthy(d:note(4).text:find("Thirty Years", 1, true))
      local sr = d:entity("Socialist-Revolutionaries")
      assert.equal(2, #sr.mentions)
      assert.is_nil(sr.note)
      assert.is_nil(sr.description)
      for _, e in ipairs(d:entities()) do assert.is_nil(e.note, e.id) end
    end)

    it("keeps a caller's own catalogue as given", function()
      local cat = { { name = "Soviet of Workers' Deputies", type = "organization", note = 99,
        description = "the body the letter is about" }, { name = "Novaya Zhizn", type = "periodical",
        note = 3, description = "a paper, in my own words" } }
      local d = assert(ll.open("data/letter.txt", { entities = cat }))
      local soviet, nz = d:entity("Soviet of Workers' Deputies"), d:entity("Novaya Zhizn")
      assert.equal(99, soviet.note)
      assert.equal("the body the letter is about", soviet.description)
      assert.equal(3, nz.note)
      assert.equal("a paper, in my own words", nz.description)
    end)
  end)

  it("rejects bad arguments with the usual bad-argument messages", function()
    assert.has_error(function() doc:entity(5) end, "bad argument #1 to 'entity' (string expected, got number)")
    assert.has_error(function() doc:entity() end, "bad argument #1 to 'entity' (string expected, got nil)")
    assert.has_error(function() doc:entities("thing") end,
      "bad argument #1 to 'entities' (type must be one of " .. TYPES .. "; got \"thing\")")
    assert.has_error(function() doc:mentions(5) end,
      "bad argument #1 to 'mentions' (string or Entity expected, got number)")
    assert.has_error(function() doc:mentions("Russia", { scope = "page" }) end,
      'bad argument #2 to \'mentions\' (opts.scope must be "body", "notes", "all", "meta" or "any", got "page")')
    assert.has_error(function() doc:mentions("Russia", { width = 1 }) end,
      "bad argument #2 to 'mentions' (unknown option 'width')")
    assert.has_error(function() doc:mentions("Russia", 1) end,
      "bad argument #2 to 'mentions' (table expected, got number)")
    assert.has_error(function() doc.entity({}, "Russia") end,
      "bad argument #1 to 'entity' (Document expected, got table)")
    assert.has_error(function() doc.entities(nil) end,
      "bad argument #1 to 'entities' (Document expected, got nil)")
  end)
end)
