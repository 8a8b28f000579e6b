// Durable storage of the outbound history (messages per domain and per
// address), so that `sendguard learn` runs feed every later command.

#ifndef SENDGUARD_STORE_HISTORY_STORE_H_
#define SENDGUARD_STORE_HISTORY_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "recipients/history.h"
#include "sendguard/status.h"

namespace sendguard {

class HistoryStore {
 public:
  virtual ~HistoryStore() = default;
  // Adds message counts per domain or address (keys as History::Add takes
  // them), atomically: all of them or none.
  virtual Status AddHistory(const std::vector<std::pair<std::string, std::uint64_t>>& counts) = 0;
  // The whole history.
  virtual Result<History> LoadHistory() = 0;
};

// An SQLite database file (created when missing; WAL journal, so readers
// never block the writer). Not thread-safe: one per thread.
Result<std::unique_ptr<HistoryStore>> OpenSqliteHistoryStore(const std::string& path);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_HISTORY_STORE_H_
