// Durable storage of held messages (bytes, envelope, decision, status) and
// of the audit trail of what was done with them.

#ifndef SENDGUARD_STORE_QUARANTINE_STORE_H_
#define SENDGUARD_STORE_QUARANTINE_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sendguard/status.h"

namespace sendguard {

// Where a held message is in its life: held until an administrator (or its
// sender) releases or deletes it. A release the relay refuses puts it back.
enum class HeldStatus { kHeld, kReleased, kDeleted };

// "held", "released", "deleted": the names stores, the JSON and the command
// line use.
std::string_view HeldStatusName(HeldStatus status);
// The status called `name`; nullopt for any other string.
std::optional<HeldStatus> ParseHeldStatus(std::string_view name);

// Why one held recipient was held: a reason of the recipient analysis
// ("tld-typo", ...), with its human-readable detail.
struct HeldReason {
  std::string address, code, detail;
};

struct HeldMessage {
  std::string id;            // assigned by Hold: 32 hex digits, unguessable
  std::int64_t created = 0;  // Unix seconds, assigned by Hold
  std::string mail_from;
  std::vector<std::string> recipients;  // the envelope recipients that were held
  std::string subject;
  std::string action;  // "hold" (or "reject" when a rejected copy is kept)
  std::string rule;
  std::string reason;
  std::string decision_json;  // the decision as scan prints it: no content, masked samples
  // Held address -> its suggested correction, for the held recipients that
  // have one, in the decision's order (a later pair for the same address
  // wins).
  std::vector<std::pair<std::string, std::string>> corrections;
  // The decision's per-recipient reasons, in its order.
  std::vector<HeldReason> reasons;
  std::string raw;  // the message as received; empty in List results
  HeldStatus status = HeldStatus::kHeld;
  std::int64_t updated = 0;
  std::string actor;  // who changed the status last
  std::string note;   // e.g. "released to ops@army.mil"
};

// One entry of the trail of what was done with held mail (and console logins).
struct QuarantineEvent {
  std::int64_t seq = 0;
  std::int64_t time = 0;
  std::string kind;  // "held", "released", "deleted", "release-failed", ...
  std::string quarantine_id;
  std::string actor;
  std::string detail;
};

// The contract of every back end. Thread-safe: one object may serve any
// number of threads, and several objects (in several processes) may share
// one store. Every method is atomic: it takes effect completely or not at
// all, and no caller sees a part of another's change. A method that returns
// OK has made its change durable: it survives the process ending and the
// machine losing power.
class QuarantineStore {
 public:
  virtual ~QuarantineStore() = default;
  // Stores `m` (its id, created, status, updated, actor and note are
  // ignored) as held, with a new id and the time now, and records a "held"
  // event. Returns the id. The caller may tell the MTA the message is taken
  // once this returns.
  virtual Result<std::string> Hold(HeldMessage m) = 0;
  // Messages with `status` ("" for any, else a HeldStatusName) whose sender,
  // recipients, subject or rule contain `search` ("" for all;
  // case-insensitive for ASCII), newest first, without their bytes.
  virtual Result<std::vector<HeldMessage>> List(std::string_view status, std::string_view search,
                                                int limit, int offset) = 0;
  // How many messages are in each status, by HeldStatusName.
  virtual Result<std::map<std::string, std::int64_t>> CountByStatus() = 0;
  // One message with its bytes; NotFound when there is none.
  virtual Result<HeldMessage> Get(std::string_view id) = 0;
  // Moves a message from status `from` to `to`, records `actor` and `note`
  // and an event of kind HeldStatusName(to). FailedPrecondition when it is
  // not in `from` (or does not exist), so that of two admins releasing one
  // message at once, one wins and the other is told.
  virtual Status Transition(std::string_view id, HeldStatus from, HeldStatus to,
                            std::string_view actor, std::string_view note) = 0;
  // Records an event of `kind` about `quarantine_id`.
  virtual Status AddEvent(std::string_view kind, std::string_view quarantine_id,
                          std::string_view actor, std::string_view detail) = 0;
  // Events newest first, those with seq < `before` (0: from the newest).
  // Sequence numbers grow with time and are never reused.
  virtual Result<std::vector<QuarantineEvent>> Events(int limit, std::int64_t before) = 0;
  // Cheap enough to call for every health check: OK while the store can be
  // used; an error saying why not (e.g. its file was removed, made
  // read-only or damaged since it was opened). By default, whether
  // CountByStatus works.
  virtual Status Health() { return CountByStatus().status(); }
};

// An SQLite database file, created when missing; may be the same file as
// the history and console stores. WAL journal with synchronous=FULL: a
// held message is synced to disk before Hold returns, and readers never
// block the writer. One connection behind a mutex, so calls from several
// threads queue; other processes wait up to 5 s for a write lock. Adds the
// columns of typed held-message fields to a database made before them, and
// fills them once for its rows from their stored decisions.
Result<std::unique_ptr<QuarantineStore>> OpenSqliteQuarantineStore(const std::string& path);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_QUARANTINE_STORE_H_
