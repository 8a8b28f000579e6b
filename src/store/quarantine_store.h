// Durable storage of held messages (bytes, envelope, decision, status) and
// of the audit trail of what was done with them.

#ifndef SENDGUARD_STORE_QUARANTINE_STORE_H_
#define SENDGUARD_STORE_QUARANTINE_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sendguard/status.h"

namespace sendguard {

struct HeldMessage {
  std::string id;            // assigned by Hold: 32 hex digits, unguessable
  std::int64_t created = 0;  // Unix seconds, assigned by Hold
  std::string mail_from;
  std::vector<std::string> recipients;  // the envelope recipients that were held
  std::string subject;
  std::string action;  // "hold" (or "reject" when a rejected copy is kept)
  std::string rule;
  std::string reason;
  std::string decision_json;    // the decision as scan prints it: no content, masked samples
  std::string raw;              // the message as received; empty in List results
  std::string status = "held";  // "held", "released", "deleted"
  std::int64_t updated = 0;
  std::string actor;  // who changed the status last
  std::string note;   // e.g. "released to ops@army.mil"
};

struct AuditEvent {
  std::int64_t seq = 0;
  std::int64_t time = 0;
  std::string kind;  // "held", "released", "deleted", "release-failed", ...
  std::string quarantine_id;
  std::string actor;
  std::string detail;
};

// Thread-safe. Every method is one transaction.
class QuarantineStore {
 public:
  virtual ~QuarantineStore() = default;
  // Stores `m` with a new id and the time now; durable (synced to disk)
  // when it returns. Returns the id.
  virtual Result<std::string> Hold(HeldMessage m) = 0;
  // Messages with `status` ("" for any) whose sender, recipients, subject or
  // rule contain `search` ("" for all; case-insensitive for ASCII), newest
  // first, without their bytes.
  virtual Result<std::vector<HeldMessage>> List(std::string_view status, std::string_view search,
                                                int limit, int offset) = 0;
  // How many messages are in each status.
  virtual Result<std::map<std::string, std::int64_t>> CountByStatus() = 0;
  // One message with its bytes; NotFound when there is none.
  virtual Result<HeldMessage> Get(std::string_view id) = 0;
  // Moves a message from status `from` to `to` and records `actor` and
  // `note`; fails (InvalidArgument) when it is not in `from`, so that two
  // admins never release the same message twice.
  virtual Status Transition(std::string_view id, std::string_view from, std::string_view to,
                            std::string_view actor, std::string_view note) = 0;
  virtual Status AddEvent(std::string_view kind, std::string_view quarantine_id,
                          std::string_view actor, std::string_view detail) = 0;
  // Events newest first, those with seq < `before` (0: from the newest).
  virtual Result<std::vector<AuditEvent>> Events(int limit, std::int64_t before) = 0;
};

// An SQLite database file (created when missing; WAL journal, full sync on
// commit). May be the same file as the history store.
Result<std::unique_ptr<QuarantineStore>> OpenSqliteQuarantineStore(const std::string& path);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_QUARANTINE_STORE_H_
