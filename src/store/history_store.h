// Durable storage of the outbound history (messages per domain and per
// address), so that `sendguard learn` runs feed every later command.

#ifndef SENDGUARD_STORE_HISTORY_STORE_H_
#define SENDGUARD_STORE_HISTORY_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "recipients/history.h"
#include "sendguard/status.h"

namespace sendguard {

// Whose history a reader wants.
struct HistoryQuery {
  // The sender's address, for the history of what that sender wrote to;
  // nullopt for the organisation's. Until per-sender history is kept, every
  // query, with a sender or not, gets the organisation-wide history.
  std::optional<std::string> sender;
};

// Reads history for the ones who judge recipients.
class HistoryReader {
 public:
  virtual ~HistoryReader() = default;
  // The history `query` asks for, complete (History::Finish done).
  virtual Result<History> ReadHistory(const HistoryQuery& query) = 0;
};

// The contract of every back end. Not thread-safe: an object is used by one
// thread at a time; separate objects (also in other processes) may use one
// store at once, and what they add adds up. AddHistory is atomic: all of its
// counts or none. What it added survives the process ending once it
// returns; a power loss may lose the latest additions (history is counts, a
// little less of it is harmless).
class HistoryStore : public HistoryReader {
 public:
  // Adds message counts per domain or address (keys as History::Add takes
  // them).
  virtual Status AddHistory(const std::vector<std::pair<std::string, std::uint64_t>>& counts) = 0;
  // The organisation-wide history: ReadHistory of a query without sender.
  Result<History> LoadHistory() { return ReadHistory(HistoryQuery{}); }
};

// An SQLite database file, created when missing; may be the same file as
// the quarantine and console stores. WAL journal with synchronous=NORMAL
// (a commit survives a crash of the process, the last ones may be lost on
// power failure), so readers never block the writer; writers wait up to
// 5 s for each other.
Result<std::unique_ptr<HistoryStore>> OpenSqliteHistoryStore(const std::string& path);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_HISTORY_STORE_H_
