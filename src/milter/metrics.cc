#include "milter/metrics.h"

#include <cstdio>

namespace sendguard {

void Metrics::CountDecision(Action action, bool audit, double latency_ms) {
  auto i = static_cast<std::size_t>(action);
  (audit ? audit_by_action_ : by_action_)[i].fetch_add(1, std::memory_order_relaxed);
  std::size_t b = 0;
  while (b < kBucketsMs.size() && latency_ms > kBucketsMs[b]) ++b;
  buckets_[b].fetch_add(1, std::memory_order_relaxed);
  latency_us_sum_.fetch_add(static_cast<std::uint64_t>(latency_ms * 1000),
                            std::memory_order_relaxed);
}

std::uint64_t Metrics::decisions() const {
  std::uint64_t n = 0;
  for (const auto& b : buckets_) n += b.load(std::memory_order_relaxed);
  return n;
}

double Metrics::LatencyQuantileMs(double q) const {
  const std::uint64_t total = decisions();
  if (total == 0) return 0;
  const auto want = static_cast<std::uint64_t>(q * static_cast<double>(total) + 0.999999);
  std::uint64_t seen = 0;
  for (std::size_t b = 0; b < buckets_.size(); ++b) {
    seen += buckets_[b].load(std::memory_order_relaxed);
    if (seen >= want) return b < kBucketsMs.size() ? kBucketsMs[b] : kBucketsMs.back() * 2;
  }
  return kBucketsMs.back() * 2;
}

std::string Metrics::RenderPrometheus() const {
  std::string out;
  char line[256];
  out += "# HELP sendguard_decisions_total Messages judged, by the action taken.\n";
  out += "# TYPE sendguard_decisions_total counter\n";
  for (Action a :
       {Action::kAccept, Action::kTag, Action::kNotify, Action::kHold, Action::kReject}) {
    auto i = static_cast<std::size_t>(a);
    std::snprintf(
        line, sizeof line, "sendguard_decisions_total{action=\"%s\",mode=\"enforce\"} %llu\n",
        std::string(ActionName(a)).c_str(), static_cast<unsigned long long>(by_action_[i].load()));
    out += line;
    std::snprintf(line, sizeof line,
                  "sendguard_decisions_total{action=\"%s\",mode=\"audit\"} %llu\n",
                  std::string(ActionName(a)).c_str(),
                  static_cast<unsigned long long>(audit_by_action_[i].load()));
    out += line;
  }
  out +=
      "# HELP sendguard_errors_total Messages that could not be judged (failure mode applied).\n";
  out += "# TYPE sendguard_errors_total counter\n";
  out += "sendguard_errors_total " + std::to_string(errors_.load()) + "\n";
  out += "# HELP sendguard_held_total Messages stored in quarantine.\n";
  out += "# TYPE sendguard_held_total counter\n";
  out += "sendguard_held_total " + std::to_string(held_.load()) + "\n";
  out += "# HELP sendguard_decision_seconds Time from end of message to decision.\n";
  out += "# TYPE sendguard_decision_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t b = 0; b < buckets_.size(); ++b) {
    cumulative += buckets_[b].load();
    if (b < kBucketsMs.size()) {
      std::snprintf(line, sizeof line, "sendguard_decision_seconds_bucket{le=\"%g\"} %llu\n",
                    kBucketsMs[b] / 1000.0, static_cast<unsigned long long>(cumulative));
    } else {
      std::snprintf(line, sizeof line, "sendguard_decision_seconds_bucket{le=\"+Inf\"} %llu\n",
                    static_cast<unsigned long long>(cumulative));
    }
    out += line;
  }
  std::snprintf(line, sizeof line, "sendguard_decision_seconds_sum %.6f\n",
                static_cast<double>(latency_us_sum_.load()) / 1e6);
  out += line;
  out += "sendguard_decision_seconds_count " + std::to_string(cumulative) + "\n";
  return out;
}

}  // namespace sendguard
