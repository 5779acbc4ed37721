-- leninletter catalogue data: checks data/entities.lua against the letter
-- itself (data/letter.txt), with plain Lua only, so that the catalogue can be
-- checked before (and apart from) the C core that embeds it.

local compat = require "leninletter.compat"  -- utf8 and math as in Lua 5.4, on every Lua
local H = require "spec.helpers"
local before = H.cp_before
local at = H.cp_at
local read = H.readfile
local utf8, math = compat.utf8, compat.math
local CATALOGUE = "data/entities.lua"
local LETTER = "data/letter.txt"

local TYPES = {
  person = true, organization = true, periodical = true,
  place = true, event = true, work = true,
}
local FIELDS = {
  id = true, name = true, type = true, aliases = true, note = true, description = true,
}

-- a table whose keys are exactly 1..#t
local function is_array(t)
  local n = 0
  for k in pairs(t) do
    if math.type(k) ~= "integer" or k < 1 then return false end
    n = n + 1
  end
  return n == #t
end

---------------------------------------------------------------------------
-- Normalisation: ’ is ', a no-break space is a space, runs of spaces are one
-- space; `fold` also lowercases (ASCII is all the names need). Newlines are
-- kept, so that no match runs from one paragraph into the next.
---------------------------------------------------------------------------

local function squeeze(s)
  s = s:gsub("\226\128\153", "'"):gsub("\194\160", " "):gsub("[ \t]+", " ")
  return s
end

local function fold(s)
  return squeeze(s):lower()
end

---------------------------------------------------------------------------
-- Whole words, as the API's tokens: letters and digits, where one hyphen or
-- apostrophe between two of them joins (`non-Social-Democrats` is one word,
-- so `Social-Democrats` does not occur in it).
---------------------------------------------------------------------------

local function is_alnum(cp)
  return (cp >= 48 and cp <= 57) or (cp >= 65 and cp <= 90) or (cp >= 97 and cp <= 122)
    or (cp >= 0xC0 and cp <= 0x24F and cp ~= 0xD7 and cp ~= 0xF7)
end

local function is_joiner(cp)
  return cp == 45 or cp == 39   -- "-" and "'" (’ is already ')
end

local function starts_word(s, p)
  local cp, i = before(s, p)
  if not cp then return true end
  if is_alnum(cp) then return false end
  if is_joiner(cp) then
    local cp2 = before(s, i)
    return not (cp2 and is_alnum(cp2))
  end
  return true
end

local function ends_word(s, p)       -- p: the first byte after the match
  local cp, i = at(s, p)
  if not cp then return true end
  if is_alnum(cp) then return false end
  if is_joiner(cp) then
    local cp2 = at(s, i)
    return not (cp2 and is_alnum(cp2))
  end
  return true
end

-- every whole-word occurrence of `form` in `text` (both already folded), as
-- {s, e} byte spans
local function occurrences(text, form)
  local spans, init = {}, 1
  local first_alnum = is_alnum(utf8.codepoint(form, 1))
  local last_alnum = is_alnum(select(1, before(form, #form + 1)))
  while true do
    local s, e = text:find(form, init, true)
    if not s then break end
    if (not first_alnum or starts_word(text, s)) and (not last_alnum or ends_word(text, e + 1)) then
      spans[#spans + 1] = { s, e }
    end
    init = s + 1
  end
  return spans
end

---------------------------------------------------------------------------
-- The letter, read as the API describes it: the author line, title,
-- subtitle and header fields; 21 body paragraphs; 8 notes; the navigation
-- footer left out. Footnote markers are taken out of the text.
---------------------------------------------------------------------------

local function read_letter()
  local raw = read(LETTER)
  local header, body, notes = raw:match("^(.-)\n\n\n(.-)\n\n\n(.-)\n\nWorks Index")
  assert(header, "data/letter.txt: cannot find body and notes")
  local function unmark(s) return (s:gsub("%[%d+%]", "")) end

  local segments = {}       -- {part = ..., paragraph = i, note = n, text = folded}
  local header_parts = { "author", "title", "subtitle" }
  local k = 0
  for line in header:gmatch("[^\n]+") do
    k = k + 1
    segments[#segments + 1] = { part = header_parts[k] or "meta", text = fold(unmark(line)) }
  end

  local paragraphs = {}
  for para in (body .. "\n\n"):gmatch("(.-)\n\n") do
    if para ~= "" then
      paragraphs[#paragraphs + 1] = para
      segments[#segments + 1] = { part = "body", paragraph = #paragraphs, text = fold(unmark(para)) }
    end
  end

  local note_texts, current = {}, nil
  for para in (notes .. "\n\n"):gmatch("(.-)\n\n") do
    local n, rest = para:match("^%[(%d+)%] (.*)$")
    if n then
      current = tonumber(n)
      note_texts[current] = rest
    elseif para ~= "" then
      note_texts[current] = note_texts[current] .. "\n\n" .. para
      rest = para
    end
    if rest then
      segments[#segments + 1] = { part = "note", note = current, text = fold(rest) }
    end
  end
  return { raw = raw, segments = segments, paragraphs = paragraphs, notes = note_texts }
end

---------------------------------------------------------------------------
-- Mentions: every whole-word occurrence of every name and alias, overlaps
-- resolved longest first. Two strategies, which a good catalogue must not
-- tell apart: the longest match anywhere first, or leftmost then longest.
---------------------------------------------------------------------------

local function forms_of(entry)
  local forms = { entry.name }
  for _, a in ipairs(entry.aliases) do forms[#forms + 1] = a end
  return forms
end

local function candidates(catalogue, text)
  local found = {}
  for idx, entry in ipairs(catalogue) do
    for _, form in ipairs(forms_of(entry)) do
      for _, span in ipairs(occurrences(text, fold(form))) do
        found[#found + 1] = { s = span[1], e = span[2], entry = idx, form = form }
      end
    end
  end
  return found
end

local function resolve(found, strategy)
  table.sort(found, function(a, b)
    local la, lb = a.e - a.s, b.e - b.s
    if strategy == "global" then
      if la ~= lb then return la > lb end
      if a.s ~= b.s then return a.s < b.s end
    else
      if a.s ~= b.s then return a.s < b.s end
      if la ~= lb then return la > lb end
    end
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
  return taken
end

-- all mentions in document order: {entry, form, part, paragraph, note, s}
local function mentions(catalogue, letter, strategy)
  local out = {}
  for _, seg in ipairs(letter.segments) do
    for _, m in ipairs(resolve(candidates(catalogue, seg.text), strategy or "global")) do
      out[#out + 1] = { entry = m.entry, form = m.form, part = seg.part,
                        paragraph = seg.paragraph, note = seg.note, s = m.s, e = m.e }
    end
  end
  return out
end

local function count(ms, catalogue, id, scope)
  local n = 0
  for _, m in ipairs(ms) do
    if catalogue[m.entry].id == id
      and (scope == "all" or (scope == "body" and m.part == "body")
           or (scope == "notes" and m.part == "note")) then
      n = n + 1
    end
  end
  return n
end

local function count_form(ms, form, scope)
  local n = 0
  for _, m in ipairs(ms) do
    if fold(m.form) == fold(form) and (scope == "all" or m.part == scope) then n = n + 1 end
  end
  return n
end

---------------------------------------------------------------------------

describe("leninletter.catalogue data", function()
  local catalogue, letter

  setup(function()
    catalogue = dofile(CATALOGUE)
    letter = read_letter()
  end)

  it("reads the letter as a header, 21 body paragraphs and 8 notes", function()
    assert.equal(21, #letter.paragraphs)
    assert.equal(8, #letter.notes)
    assert.truthy(letter.notes[4]:find("Soviet statesmen", 1, true))
  end)

  it("returns an array of entries with the documented fields and types", function()
    assert.equal("table", type(catalogue))
    assert.is_true(#catalogue > 0)
    assert.is_true(is_array(catalogue), "the catalogue is not an array")
    for i, e in ipairs(catalogue) do
      local where = "entry " .. i .. " (" .. tostring(e.id) .. ")"
      for k in pairs(e) do
        assert.is_true(FIELDS[k] ~= nil, where .. ": unknown field " .. tostring(k))
      end
      assert.equal("string", type(e.id), where)
      assert.equal("string", type(e.name), where)
      assert.is_true(TYPES[e.type] ~= nil, where .. ": unknown type " .. tostring(e.type))
      assert.equal("table", type(e.aliases), where)
      assert.is_true(is_array(e.aliases), where .. ": aliases is not an array")
      for _, a in ipairs(e.aliases) do assert.equal("string", type(a), where) end
      assert.is_true(e.note == nil or math.type(e.note) == "integer", where)
      assert.is_true(e.description == nil or type(e.description) == "string", where)
      assert.is_true(e.description == nil or e.note ~= nil, where .. ": a description needs its note")
    end
  end)

  it("gives every entry a unique lowercase ASCII slug as its id", function()
    local seen = {}
    for _, e in ipairs(catalogue) do
      assert.truthy(e.id:match("^[a-z0-9]+$") or e.id:match("^[a-z0-9][a-z0-9%-]*[a-z0-9]$"), e.id)
      assert.falsy(e.id:find("--", 1, true), e.id)
      assert.is_nil(seen[e.id], "duplicate id " .. e.id)
      seen[e.id] = true
    end
  end)

  it("finds every name and alias in the letter as whole words", function()
    local text = fold(letter.raw)
    for _, e in ipairs(catalogue) do
      for _, form in ipairs(forms_of(e)) do
        assert.is_true(#occurrences(text, fold(form)) > 0, e.id .. ": " .. form .. " is not in the letter")
      end
    end
  end)

  it("never gives the same name or alias to two entries, nor twice to one", function()
    local owner = {}
    for _, e in ipairs(catalogue) do
      for _, form in ipairs(forms_of(e)) do
        local key = fold(form)
        assert.is_nil(owner[key], form .. " belongs to " .. tostring(owner[key]) .. " and " .. e.id)
        owner[key] = e.id
      end
    end
  end)

  it("explains each of notes 1-8 by one entry, quoting the note verbatim", function()
    local by_note = {}
    for _, e in ipairs(catalogue) do
      if e.note then
        assert.is_true(e.note >= 1 and e.note <= 8, e.id .. ": note " .. e.note)
        assert.is_nil(by_note[e.note], "note " .. e.note .. " explains two entries")
        by_note[e.note] = e.id
        if e.description then
          assert.truthy(squeeze(letter.notes[e.note]):find(squeeze(e.description), 1, true),
            e.id .. ": description not in note " .. e.note)
        end
      end
    end
    for n = 1, 8 do assert.truthy(by_note[n], "note " .. n .. " explains no entry") end
    assert.same({
      "what-is-to-be-done", "our-tasks", "novaya-zhizn", "socialist-revolutionary-party",
      "october-1905-strike", "union-of-unions", "ninth-of-january", "all-russian-peasant-union",
    }, by_note)
  end)

  it("lets every name and alias win at least one mention, longest match first", function()
    local won = {}
    for _, m in ipairs(mentions(catalogue, letter)) do won[fold(m.form)] = true end
    for _, e in ipairs(catalogue) do
      for _, form in ipairs(forms_of(e)) do
        assert.is_true(won[fold(form)] ~= nil, e.id .. ": " .. form .. " is never a mention of its own")
      end
    end
  end)

  it("resolves overlapping names the same way whichever longest match is taken first", function()
    local function key(ms)
      local out = {}
      for _, m in ipairs(ms) do
        out[#out + 1] = table.concat({ m.part, m.paragraph or m.note or 0, m.s, m.e, catalogue[m.entry].id }, ":")
      end
      return out
    end
    assert.same(key(mentions(catalogue, letter, "global")), key(mentions(catalogue, letter, "leftmost")))
  end)

  it("lists the entries in order of first mention", function()
    local first, order = {}, {}
    for _, m in ipairs(mentions(catalogue, letter)) do
      if not first[m.entry] then
        first[m.entry] = true
        order[#order + 1] = catalogue[m.entry].id
      end
    end
    local ids = {}
    for _, e in ipairs(catalogue) do ids[#ids + 1] = e.id end
    assert.same(ids, order)
  end)

  it("keeps Soviet for the Soviet of Workers’ Deputies and note 4's general uses apart", function()
    local ms = mentions(catalogue, letter)
    for _, m in ipairs(ms) do
      local id = catalogue[m.entry].id
      if id == "soviet-of-workers-deputies" then assert.equal("body", m.part) end
      if id == "soviet-state" then assert.same({ "note", 4 }, { m.part, m.note }) end
    end
    -- the title's Soviet belongs to the title
    local title = 0
    for _, m in ipairs(ms) do if m.part == "title" then title = title + 1; assert.equal("our-tasks", catalogue[m.entry].id) end end
    assert.equal(1, title)
  end)

  it("finds the mentions counted by hand", function()
    local ms = mentions(catalogue, letter)
    -- written forms, body only
    assert.equal(6, count_form(ms, "Black Hundreds", "body"))
    assert.equal(9, count_form(ms, "Black-Hundred", "body"))
    assert.equal(11, count_form(ms, "Soviet of Workers’ Deputies", "body"))
    assert.equal(11, count_form(ms, "Soviet", "body"))
    assert.equal(5, count_form(ms, "Russian Social-Democratic Labour Party", "body"))
    assert.equal(9, count_form(ms, "Social-Democrats", "body"))      -- not non-Social-Democrats
    assert.equal(4, count_form(ms, "Social-Democratic", "body"))
    -- entities: {id, scope, count}
    local expected = {
      { "black-hundreds", "body", 15 },  { "black-hundreds", "notes", 0 },
      { "soviet-of-workers-deputies", "body", 22 }, { "soviet-of-workers-deputies", "all", 22 },
      { "soviet-state", "all", 4 },
      { "russia", "body", 16 },          { "russia", "all", 20 },
      { "lenin", "all", 6 },
      { "rsdlp", "body", 20 },           { "rsdlp", "all", 21 },
      { "socialist-revolutionary-party", "body", 4 },
      { "socialist-revolutionary-party", "all", 22 },
      { "novaya-zhizn", "body", 2 },     { "novaya-zhizn", "all", 5 },
      { "st-petersburg", "all", 4 },
      { "moscow", "all", 3 },
      { "bolshevik-party", "all", 5 },
      { "ninth-of-january", "all", 3 },
      { "october-1905-strike", "all", 3 },
      { "first-russian-revolution", "all", 3 },
      { "civil-war", "all", 3 },
      { "union-of-unions", "all", 2 },
      { "all-russian-peasant-union", "all", 2 },
      { "poland", "body", 2 },
    }
    for _, x in ipairs(expected) do
      assert.equal(x[3], count(ms, catalogue, x[1], x[2]), x[1] .. " in " .. x[2])
    end
  end)
end)
