// Daily decision counts for the console's dashboard: decisions by action
// and rule, and the typo domains caught. Counted in memory (sharded, so
// filter threads do not contend) and written to the console store in the
// background every few seconds and when it is destroyed.

#ifndef SENDGUARD_SERVICE_DECISION_STATS_H_
#define SENDGUARD_SERVICE_DECISION_STATS_H_

#include <array>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include "policy/decision.h"
#include "service/origin.h"
#include "store/console_store.h"

namespace sendguard {

class DecisionStats {
 public:
  // `store` must outlive this object.
  explicit DecisionStats(ConsoleStore* store,
                         std::chrono::milliseconds interval = std::chrono::seconds(2));
  ~DecisionStats();
  DecisionStats(const DecisionStats&) = delete;
  DecisionStats& operator=(const DecisionStats&) = delete;

  // Counts one decision on the current (UTC) day. Its action is counted as
  // the policy's ("hold", "hold-audit" in audit mode); a draft's check
  // with the prefix "check-" ("check-hold"), apart from mail.
  void Record(const Decision& decision, Origin origin = Origin::kMailFlow);
  // Writes what was counted so far.
  void Flush();

 private:
  using Key =
      std::tuple<std::string, std::string, std::string, std::string>;  // day action rule domain
  struct Shard {
    std::mutex mu;
    std::map<Key, std::pair<std::string, std::int64_t>> counts;  // → intended, count
  };
  void Run();

  ConsoleStore* store_;
  std::chrono::milliseconds interval_;
  std::array<Shard, 16> shards_;
  std::mutex flush_mu_;
  std::mutex run_mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_DECISION_STATS_H_
