-- luacheck configuration (Debian lua-check; `make lint`). The module runs on
-- Lua 5.1 to 5.4 and LuaJIT 2.1: std "max" is the union of their standard
-- libraries, and what differs between them goes through leninletter.compat
-- (a spec checks the Lua layer loads and runs under each). No globals.
std = "max"
max_line_length = 120

-- the code; configuration files (rockspecs, config.ld, .busted) are tables
-- of settings read by their tools, not programs
include_files = { "lua/**/*.lua", "bin/leninletter", "spec/**/*.lua", "csrc/*.lua", "csrc/fuzz/*.lua",
  "bench/*.lua", "data/*.lua" }
exclude_files = { "spec/browser/node_modules/**" }

files["spec/**/*.lua"] = {
  std = "+busted",
  -- tables of test cases and expected texts hold long literal lines
  max_line_length = false,
}
-- generated data (the entity catalogue): one entry a line
files["data/*.lua"] = { max_line_length = false }
-- benchmarks drop their big values on purpose (x = nil, then collect) and
-- repeat a measure with an unused loop counter
files["bench/*.lua"] = { ignore = { "211", "213", "311" }, max_line_length = false }
