#include "service/metrics.h"

#include <cstdio>

namespace sendguard {
namespace {

using ByAction = std::array<std::atomic<std::uint64_t>, 5>;

// A counter family labelled by action and mode (enforce, audit).
void RenderByAction(const char* name, const char* help, const ByAction& enforce,
                    const ByAction& audit, std::string* out) {
  *out += std::string("# HELP ") + name + " " + help + "\n";
  *out += std::string("# TYPE ") + name + " counter\n";
  char line[256];
  for (Action a :
       {Action::kAccept, Action::kTag, Action::kNotify, Action::kHold, Action::kReject}) {
    auto i = static_cast<std::size_t>(a);
    for (const auto& [counts, mode] :
         {std::pair{&enforce, "enforce"}, std::pair{&audit, "audit"}}) {
      std::snprintf(line, sizeof line, "%s{action=\"%s\",mode=\"%s\"} %llu\n", name,
                    std::string(ActionName(a)).c_str(), mode,
                    static_cast<unsigned long long>((*counts)[i].load()));
      *out += line;
    }
  }
}

}  // namespace

void Metrics::CountDecision(Action action, bool audit, double latency_ms) {
  auto i = static_cast<std::size_t>(action);
  (audit ? audit_by_action_ : by_action_)[i].fetch_add(1, std::memory_order_relaxed);
  std::size_t b = 0;
  while (b < kBucketsMs.size() && latency_ms > kBucketsMs[b]) ++b;
  buckets_[b].fetch_add(1, std::memory_order_relaxed);
  latency_us_sum_.fetch_add(static_cast<std::uint64_t>(latency_ms * 1000),
                            std::memory_order_relaxed);
}

void Metrics::CountCheck(Action action, bool audit) {
  auto i = static_cast<std::size_t>(action);
  (audit ? audit_checks_by_action_ : checks_by_action_)[i].fetch_add(1, std::memory_order_relaxed);
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
  RenderByAction("sendguard_decisions_total", "Messages judged, by the action taken.", by_action_,
                 audit_by_action_, &out);
  RenderByAction("sendguard_checks_total", "Drafts checked through the API, by the action due.",
                 checks_by_action_, audit_checks_by_action_, &out);
  out +=
      "# HELP sendguard_errors_total Messages that could not be judged (failure mode applied).\n";
  out += "# TYPE sendguard_errors_total counter\n";
  out += "sendguard_errors_total " + std::to_string(errors_.load()) + "\n";
  out += "# HELP sendguard_check_errors_total Drafts that could not be checked.\n";
  out += "# TYPE sendguard_check_errors_total counter\n";
  out += "sendguard_check_errors_total " + std::to_string(check_errors_.load()) + "\n";
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
