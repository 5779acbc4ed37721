-- leninletter.plot: SVG plots, well-formed under xmllint, inert.
local ll = require "leninletter"
local plot = require "leninletter.plot"
local compat = require "leninletter.compat"
local H = require "spec.helpers"
local count = H.count

local doc = ll.letter()

local function xmllint(svg)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(svg)
  f:close()
  local out, code = compat.run("xmllint --noout " .. path .. " 2>&1")
  os.remove(path)
  return code == 0, out
end

local function have_xmllint()
  return compat.execute("command -v xmllint >/dev/null 2>&1") == true
end

describe("leninletter.plot", function()
  describe("dispersion", function()
    local svg = plot.dispersion(doc, { "Soviet", "Black Hundreds" })

    it("is well-formed SVG (xmllint)", function()
      if not have_xmllint() then pending("xmllint is not installed") return end
      assert.is_true(xmllint(svg))
      assert.truthy(svg:find('<svg xmlns="http://www.w3.org/2000/svg"', 1, true))
    end)

    it("draws one tick per hit of each word", function()
      local ticks = count(svg, 'stroke%-width="2"')
      assert.equal(doc:count("Soviet") + doc:count("Black Hundreds"), ticks)
      assert.truthy(svg:find("Soviet <tspan class=\"small\">(22)</tspan>", 1, true))
    end)

    it("has no script and no external reference", function()
      assert.is_nil(svg:find("<script", 1, true))
      assert.is_nil(svg:find("href", 1, true))
    end)

    it("takes one word, a scope and a title", function()
      local s = plot.dispersion(doc, "Lenin", { scope = "notes", title = "Lenin <in> the notes & more" })
      assert.truthy(s:find("Lenin &lt;in&gt; the notes &amp; more", 1, true))
      if have_xmllint() then assert.is_true(xmllint(s)) end
    end)

    it("draws several queries as one row, without counting a hit twice", function()
      local s = plot.dispersion(doc, { { "Black Hundreds", "Black-Hundred", label = "the Black Hundreds" } })
      assert.truthy(s:find("the Black Hundreds <tspan", 1, true))
      assert.equal(doc:count("Black Hundreds") + doc:count("Black-Hundred"), count(s, 'stroke%-width="2"'))
      local twice = plot.dispersion(doc, { { "Soviet", "Soviet" } })
      assert.equal(doc:count("Soviet"), count(twice, 'stroke%-width="2"'))
    end)

    it("counts a mention once, at the longest name that covers it (an entity's row)", function()
      -- the R.S.D.L.P.: 20 mentions in the body, but its aliases
      -- "Social-Democratic" and "Social-Democrats" also match inside
      -- "Russian Social-Democratic Labour Party" and the like (26 hits)
      local e = doc:entity("R.S.D.L.P.")
      local row = { e.name }
      for _, a in ipairs(e.aliases) do row[#row + 1] = a end
      local body = 0
      for _, m in ipairs(e.mentions) do if m.part == "body" then body = body + 1 end end
      assert.equal(20, body)
      local s = plot.dispersion(doc, { row })
      assert.equal(20, count(s, 'stroke%-width="2"'))
      assert.truthy(s:find("Russian Social-Democratic Labour Party <tspan class=\"small\">(20)</tspan>", 1, true))
      -- the Soviet: 22, not 33 ("Soviet" inside "Soviet of Workers’ Deputies")
      local soviet = doc:entity("Soviet")
      assert.equal(22, count(plot.dispersion(doc, { { soviet.name, "Soviet" } }), 'stroke%-width="2"'))
    end)

    it("stays well-formed with hostile words and text", function()
      local h = assert(ll.parse("T\n\nA <script> ]]> & {=}~# \"q\" =cmd| text, with script words.[1]\n\n[1] N <b>."))
      local s = plot.dispersion(h, { "script", "<script>]]>&\"" })
      assert.is_nil(s:find("<script>", 1, true))
      if have_xmllint() then assert.is_true(xmllint(s)) end
    end)

    it("raises on bad arguments", function()
      assert.has_error(function() plot.dispersion(nil, "x") end,
        "bad argument #1 to 'dispersion' (Document expected, got nil)")
      assert.has_error(function() plot.dispersion(doc, {}) end,
        "bad argument #2 to 'dispersion' (string or array of strings expected, got empty table)")
      assert.has_error(function() plot.dispersion(doc, { "a", 3 }) end,
        "bad argument #2 to 'dispersion' (words[2] must be a string, got number)")
      assert.has_error(function() plot.dispersion(doc, "a", { width = 10 }) end,
        "bad argument #3 to 'dispersion' (opts.width must be an integer of at least 300, got 10)")
      assert.has_error(function() plot.dispersion(doc, "a", { colour = 1 }) end,
        "bad argument #3 to 'dispersion' (unknown option 'colour')")
    end)
  end)

  describe("frequencies", function()
    it("draws the top words as bars, well-formed", function()
      local s = plot.frequencies(doc, { top = 10 })
      assert.equal(10, count(s, "<rect x="))
      local f = doc:frequencies({ stoplist = true })
      assert.truthy(s:find(">" .. f[1].word .. "</text>", 1, true))
      assert.truthy(s:find(">" .. f[1].count .. "</text>", 1, true))
      if have_xmllint() then assert.is_true(xmllint(s)) end
    end)

    it("raises on bad options", function()
      assert.has_error(function() plot.frequencies(doc, { top = 0 }) end,
        "bad argument #2 to 'frequencies' (opts.top must be an integer of at least 1, got 0)")
    end)
  end)
end)
