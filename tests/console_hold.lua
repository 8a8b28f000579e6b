-- miltertest script for tests/console_test.sh: sends two messages to a
-- mistyped domain through the running milter (SOCKET); both must be held.

mt.set_timeout(30)

local function fail(what)
  mt.echo("FAIL: " .. what)
  error(what)
end

for i, subject in ipairs({"Travel plan for the exercise", "Site map, second draft"}) do
  local conn = mt.connect(SOCKET, 300, 0.1)
  if conn == nil then fail("cannot connect to " .. SOCKET) end
  if mt.conninfo(conn, "client.example.mil", "127.0.0.1") ~= nil then fail("conninfo") end
  if mt.mailfrom(conn, "<dana@example.mil>") ~= nil then fail("mailfrom") end
  if mt.rcptto(conn, "<ops@army.ml>") ~= nil then fail("rcptto") end
  mt.header(conn, "From", "Dana <dana@example.mil>")
  mt.header(conn, "To", "ops@army.ml")
  mt.header(conn, "Subject", subject)
  mt.header(conn, "Message-ID", "<console-" .. i .. "@example.mil>")
  mt.eoh(conn)
  mt.bodystring(conn, "Flights leave at 0610 from gate 4.\r\n")
  if mt.eom(conn) ~= nil then fail("eom") end
  if mt.getreply(conn) ~= SMFIR_DISCARD then fail("message " .. i .. " not held") end
  mt.disconnect(conn)
end
