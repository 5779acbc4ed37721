-- A busted helper (.busted loads it for every run): a pending spec is a
-- failure unless its reason is an environment limit, a thing this machine
-- truly cannot give, such as ../shared (the archive sample) not being
-- beside the project. Such reasons start with "environment limit:"; the
-- README lists them (The two commands). Any other pending, such as a tool that
-- `make deps` should have installed, makes the run end with status 1 and
-- the line "N pending not allowed", which .ci/run counts as failures.
local busted = require "busted"

-- the message arrives as "file:line: reason"
local LIMIT = "^[^\n]-:%d+: environment limit:"
local refused = {}

busted.subscribe({ "pending" }, function(element, _, message)
  local text = tostring(message or "")
  if not (text:match(LIMIT) or text:match("^environment limit:")) then
    refused[#refused + 1] = ("%s: %s"):format(element.name or "?", tostring(message))
  end
  return nil, true
end)

busted.subscribe({ "exit" }, function()
  if #refused > 0 then
    io.stdout:write("\nPending specs that are not environment limits (they count as failures):\n")
    for _, r in ipairs(refused) do io.stdout:write("  ", r, "\n") end
    io.stdout:write(#refused, " pending not allowed\n")
    io.stdout:flush()
    os.exit(1)
  end
  return nil, true
end)
