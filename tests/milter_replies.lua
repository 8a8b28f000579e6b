-- miltertest script: the milter's replies to each kind of message, over the
-- real milter protocol. Run by tests/milter_test.sh, which defines BIN,
-- SOCKET, STORE, HISTORY, CONFIG and PARTIAL_CONFIG.

mt.set_timeout(30)

local function fail(what)
  mt.echo("FAIL: " .. what)
  error(what)
end

-- Sends one message on a new connection and returns the connection after
-- end-of-message, for its reply to be checked.
local function send(socket, from, rcpts, subject, body)
  -- Up to 30 s: a sanitizer build on a loaded machine compiles the detectors slowly.
  local conn = mt.connect(socket, 300, 0.1)
  if conn == nil then fail("cannot connect to " .. socket) end
  if mt.conninfo(conn, "client.army.mil", "127.0.0.1") ~= nil then fail("conninfo") end
  if mt.mailfrom(conn, from) ~= nil then fail("mailfrom") end
  for _, r in ipairs(rcpts) do
    if mt.rcptto(conn, r) ~= nil then fail("rcptto " .. r) end
  end
  mt.header(conn, "From", from)
  mt.header(conn, "To", table.concat(rcpts, ", "))
  mt.header(conn, "Subject", subject)
  mt.eoh(conn)
  mt.bodystring(conn, body)
  if mt.eom(conn) ~= nil then fail("eom") end
  return conn
end

mt.startfilter(BIN, "serve", "--store", STORE, "--history", HISTORY, "--config", CONFIG,
               "--milter", SOCKET)

local c = send(SOCKET, "<dana@army.mil>", {"<ops@navy.mil>"}, "report", "All on schedule.\r\n")
if mt.getreply(c) ~= SMFIR_ACCEPT then fail("clean message not accepted") end
mt.disconnect(c)

c = send(SOCKET, "<dana@army.mil>", {"<ops@army.ml>"}, "travel", "Flights at 0610.\r\n")
if mt.getreply(c) ~= SMFIR_DISCARD then fail("typo not held (discarded after storing)") end
mt.disconnect(c)

c = send(SOCKET, "<dana@army.mil>", {"<liaison@contractor-example.com>"}, "brief",
         "SECRET//NOFORN\r\n\r\nPhase 2.\r\n")
if mt.getreply(c) ~= SMFIR_REPLYCODE then fail("classified message not rejected") end
-- (The reply text itself, "550 5.7.1 sendguard: ...", is checked end to end
-- by tests/postfix_test.sh: miltertest's MT_SMTPREPLY check does not match
-- libmilter's formatted reply.)
mt.disconnect(c)

c = send(SOCKET, "<dana@army.mil>", {"<ops@navy.mil>"}, "card",
         "Visa 4111 1111 1111 1111 exp 01/29\r\n")
if mt.getreply(c) ~= SMFIR_ACCEPT then fail("card to a known domain not accepted") end
mt.disconnect(c)

-- Delivered mail joins the sender's history (tests/milter_test.sh reads it
-- back once the filters have stopped).
c = send(SOCKET, "<dana@army.mil>", {"<john.smith@contoso.com>"}, "minutes", "Attached.\r\n")
if mt.getreply(c) ~= SMFIR_ACCEPT then fail("first message to a new contact not accepted") end
mt.disconnect(c)

-- remove-recipients: the suspect recipient is removed, the rest deliver.
mt.startfilter(BIN, "serve", "--store", STORE, "--history", HISTORY, "--config", PARTIAL_CONFIG,
               "--milter", PARTIAL_SOCKET)
c = send(PARTIAL_SOCKET, "<dana@army.mil>", {"<ops@army.ml>", "<ops@navy.mil>"}, "travel",
         "Flights at 0610.\r\n")
if mt.getreply(c) ~= SMFIR_ACCEPT then fail("partial hold did not accept the rest") end
if not mt.eom_check(c, MT_RCPTDELETE, "<ops@army.ml>") then fail("suspect not removed") end
mt.disconnect(c)

mt.echo("milter_replies: all passed")
