-- Bad input: nil plus a message that says what and where, never a crash.
local ll = require "leninletter"

local letter = require("leninletter.core").letter_text()

describe("leninletter.parse with bad input", function()
  local cases = {
    { "an invalid byte", "Lenin\n\nab\255cd", "invalid UTF-8 at line 3, byte 10 (column 3)" },
    { "a stray continuation byte", "\128", "invalid UTF-8 at line 1, byte 1 (column 1)" },
    { "an overlong slash", "a\n\192\175", "invalid UTF-8 at line 2, byte 3 (column 1)" },
    { "an overlong three-byte form", "\224\128\175", "invalid UTF-8 at line 1, byte 1 (column 1)" },
    { "a surrogate", "x\237\160\128", "invalid UTF-8 at line 1, byte 2 (column 2)" },
    { "a code point above U+10FFFF", "\244\144\128\128", "invalid UTF-8 at line 1, byte 1 (column 1)" },
    { "a truncated sequence", "abc\226\128", "invalid UTF-8 at line 1, byte 4 (column 4)" },
    { "a NUL byte", "abc\n\ndef\0ghi", "NUL byte at line 3, byte 9" },
    { "empty input", "", "empty input" },
    { "blank input", " \n\t\n\194\160\r\n", "blank input: no text" },
    { "a byte-order mark alone", "\239\187\191", "blank input: no text" },
  }
  for _, c in ipairs(cases) do
    it("refuses " .. c[1] .. " with a message naming where", function()
      local doc, err = ll.parse(c[2])
      assert.is_nil(doc)
      assert.equal(c[3], err)
    end)
  end

  it("accepts a byte-order mark and CRLF or CR line ends, giving the same document", function()
    local plain = ll.parse(letter)
    local bom = ll.parse("\239\187\191" .. letter)
    local crlf = ll.parse((letter:gsub("\n", "\r\n")))
    local cr = ll.parse((letter:gsub("\n", "\r")))
    for _, doc in ipairs({ bom, crlf, cr }) do
      assert.same(plain.paragraphs, doc.paragraphs)
      assert.same(plain.notes, doc.notes)
      assert.same(plain.meta, doc.meta)
      assert.equal(plain.title, doc.title)
      assert.equal(plain.author, doc.author)
    end
  end)

  it("gives a document for odd text, however odd", function()
    local doc = ll.parse("just one line")
    assert.same({ "just one line" }, { doc.paragraphs[1].text })
    assert.is_nil(doc.title)
    doc = ll.parse("[1] [2] [[3]] [part] [99999999999999999999]")
    assert.equal(1, #doc.paragraphs)
    doc = ll.parse("Body[1][2].\n\n[2] Two.\n\n[1] One.\n\n[2] Again.")
    assert.same({ { note = 1, pos = 5 }, { note = 2, pos = 5 } }, doc.paragraphs[1].refs)
    assert.same({ "note 2 is defined more than once" }, doc.warnings)
    -- a bracketed number is a marker only when the page has that note
    doc = ll.parse("Text[7].")
    assert.equal("Text[7].", doc.paragraphs[1].text)
    assert.same({}, doc.paragraphs[1].refs)
    assert.same({ "[7] in body paragraph 1 has no note: kept as text" }, doc.warnings)
  end)

  it("keeps other bracketed text as text", function()
    local doc = ll.parse("A [part] of [[it]] and [3a] stays.")
    assert.equal("A [part] of [[it]] and [3a] stays.", doc.paragraphs[1].text)
    assert.same({}, doc.paragraphs[1].refs)
  end)

  it("parses a 50 MB input", function()
    local body = letter:match("\n\n\n(.-)\n\n\n%[1%]")
    local parts, size = {}, 0
    while size < 50e6 do
      parts[#parts + 1] = body
      size = size + #body + 2
    end
    local doc = ll.parse(table.concat(parts, "\n\n"))
    assert.equal(21 * #parts, #doc.paragraphs)
  end)

  it("gives nil and a message naming the path for a file it cannot read", function()
    local doc, err = ll.open("no/such/file.txt")
    assert.is_nil(doc)
    assert.equal("cannot open no/such/file.txt: No such file or directory", err)
    doc, err = ll.open("spec")
    assert.is_nil(doc)
    assert.matches("^cannot read spec: ", err)
  end)

  it("names the path when a file is not UTF-8", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write("Lenin\n\255\n")
    f:close()
    local doc, err = ll.open(path)
    os.remove(path)
    assert.is_nil(doc)
    assert.equal(path .. ": invalid UTF-8 at line 2, byte 7 (column 1)", err)
  end)

  it("raises bad argument errors for wrong argument types", function()
    assert.has_error(function() ll.parse(nil) end,
      "bad argument #1 to 'parse' (string expected, got nil)")
    assert.has_error(function() ll.parse(42) end,
      "bad argument #1 to 'parse' (string expected, got number)")
    assert.has_error(function() ll.parse("x", "y") end,
      "bad argument #2 to 'parse' (table expected, got string)")
    assert.has_error(function() ll.open({}) end,
      "bad argument #1 to 'open' (string expected, got table)")
    assert.has_error(function() ll.letter(1) end,
      "bad argument #1 to 'letter' (table expected, got number)")
    local doc = ll.letter()
    assert.has_error(function() doc:note("x") end,
      "bad argument #1 to 'note' (integer expected, got string)")
    assert.has_error(function() doc.note({}, 1) end,
      "bad argument #1 to 'note' (Document expected, got table)")
  end)
end)
