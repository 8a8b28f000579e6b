// What the web console keeps besides the quarantine: administrator
// accounts (argon2id password hashes), server secrets (the key that signs
// sender links), and daily decision counts for the dashboard.

#ifndef SENDGUARD_STORE_CONSOLE_STORE_H_
#define SENDGUARD_STORE_CONSOLE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sendguard/status.h"

namespace sendguard {

// Decisions of one kind on one day: `count` messages got `action` from
// `rule`; for a mistyped recipient, `domain` is the suspect domain and
// `intended` the one meant ("" otherwise).
struct DecisionCount {
  std::string day;  // "YYYY-MM-DD", UTC
  std::string action;
  std::string rule;
  std::string domain;
  std::string intended;
  std::int64_t count = 0;
};

// The contract of every back end. Thread-safe: one object may serve any
// number of threads, and several objects (in several processes) may share
// one store. Every method is atomic, and what it changed survives the
// process ending once it returns.
class ConsoleStore {
 public:
  virtual ~ConsoleStore() = default;
  // Creates the account or changes its password. Passwords are kept only as
  // salted argon2id hashes. Names: 1-64 of [A-Za-z0-9._@-].
  virtual Status SetPassword(std::string_view user, std::string_view password) = 0;
  // Whether `password` is the account's; false for an unknown account (after
  // the same work as for a known one).
  virtual Result<bool> CheckPassword(std::string_view user, std::string_view password) = 0;
  virtual Result<std::vector<std::string>> Accounts() = 0;
  // The secret called `name`: `bytes` random bytes made on first use and
  // kept, so that links signed before a restart stay valid. Every caller,
  // in every process, gets the same bytes for one name.
  virtual Result<std::string> Secret(std::string_view name, std::size_t bytes) = 0;
  // Adds the counts (same day/action/rule/domain rows are summed), all of
  // them or none; concurrent additions add up.
  virtual Status AddDecisionCounts(const std::vector<DecisionCount>& counts) = 0;
  // Every row from `since_day` on, by day.
  virtual Result<std::vector<DecisionCount>> DecisionCounts(std::string_view since_day) = 0;
};

// The console tables in an SQLite file, created when missing (may be the
// quarantine's file). WAL journal with synchronous=NORMAL (the latest
// changes may be lost on power failure); one connection behind a mutex, so
// calls from several threads queue.
Result<std::unique_ptr<ConsoleStore>> OpenSqliteConsoleStore(const std::string& path);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_CONSOLE_STORE_H_
