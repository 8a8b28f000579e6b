// Counters of the decisions on mail (and their latency) and of the checks
// of drafts, rendered in the Prometheus text format. Lock-free: every
// update is one atomic add.

#ifndef SENDGUARD_SERVICE_METRICS_H_
#define SENDGUARD_SERVICE_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

#include "policy/rules.h"

namespace sendguard {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in milliseconds.
  static constexpr std::array<double, 11> kBucketsMs = {1,   2,   5,   10,   20,  50,
                                                        100, 250, 500, 1000, 5000};

  void CountDecision(Action action, bool audit, double latency_ms);
  void CountError() { errors_.fetch_add(1, std::memory_order_relaxed); }
  void CountHeld() { held_.fetch_add(1, std::memory_order_relaxed); }
  // A draft checked through the API: counted apart from mail.
  void CountCheck(Action action, bool audit);
  void CountCheckError() { check_errors_.fetch_add(1, std::memory_order_relaxed); }

  // The latency below which `q` (0..1) of the decisions fell, from the
  // buckets (their upper bound); 0 when there were none.
  double LatencyQuantileMs(double q) const;
  std::uint64_t decisions() const;

  // # HELP / # TYPE lines and samples of every metric.
  std::string RenderPrometheus() const;

 private:
  std::array<std::atomic<std::uint64_t>, 5> by_action_{};  // indexed by Action
  std::array<std::atomic<std::uint64_t>, 5> audit_by_action_{};
  std::array<std::atomic<std::uint64_t>, 5> checks_by_action_{};
  std::array<std::atomic<std::uint64_t>, 5> audit_checks_by_action_{};
  std::atomic<std::uint64_t> errors_{0}, held_{0}, check_errors_{0};
  std::array<std::atomic<std::uint64_t>, kBucketsMs.size() + 1> buckets_{};  // last: +Inf
  std::atomic<std::uint64_t> latency_us_sum_{0};
};

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_METRICS_H_
