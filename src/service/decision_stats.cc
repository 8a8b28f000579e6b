#include "service/decision_stats.h"

#include <ctime>
#include <functional>
#include <iostream>

#include "recipients/domain.h"
#include "util/utc_day.h"

namespace sendguard {
namespace {

bool IsTypoReason(const std::string& code) {
  return code == "tld-typo" || code == "typo" || code == "homoglyph" || code == "missing-dot";
}

}  // namespace

DecisionStats::DecisionStats(ConsoleStore* store, std::chrono::milliseconds interval)
    : store_(store), interval_(interval), worker_([this] { Run(); }) {}

DecisionStats::~DecisionStats() {
  {
    std::lock_guard<std::mutex> lock(run_mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  worker_.join();
  Flush();
}

void DecisionStats::Record(const Decision& d, Origin origin) {
  const std::string day = UtcDaysAgo(0);
  const std::string action = std::string(origin == Origin::kCheck ? "check-" : "") +
                             std::string(ActionName(d.policy_action)) + (d.audit ? "-audit" : "");
  const std::string rule = d.rule.empty() ? "-" : d.rule;
  Shard& shard = shards_[std::hash<std::thread::id>{}(std::this_thread::get_id()) % shards_.size()];
  std::lock_guard<std::mutex> lock(shard.mu);
  ++shard.counts[Key{day, action, rule, ""}].second;
  for (const RecipientVerdict& r : d.recipients) {
    if (!r.suggestion || r.reasons.empty() || !IsTypoReason(r.reasons.front().code)) continue;
    auto& entry = shard.counts[Key{day, action, rule, r.domain}];
    entry.first = std::string(AddressDomainPart(*r.suggestion));
    ++entry.second;
  }
}

void DecisionStats::Flush() {
  std::lock_guard<std::mutex> flushing(flush_mu_);
  std::vector<DecisionCount> rows;
  for (Shard& shard : shards_) {
    std::map<Key, std::pair<std::string, std::int64_t>> taken;
    {
      std::lock_guard<std::mutex> lock(shard.mu);
      taken.swap(shard.counts);
    }
    for (const auto& [key, value] : taken) {
      rows.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key),
                      value.first, value.second});
    }
  }
  if (Status s = store_->AddDecisionCounts(rows); !s.ok()) {
    std::cerr << "sendguard: dashboard counts not saved: " << s.message() << "\n";
  }
}

void DecisionStats::Run() {
  std::unique_lock<std::mutex> lock(run_mu_);
  while (!stopping_) {
    cv_.wait_for(lock, interval_, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    Flush();
    lock.lock();
  }
}

}  // namespace sendguard
