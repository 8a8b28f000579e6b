// Helpers shared by the whole-run benchmarks.

#ifndef SENDGUARD_BENCH_BENCH_UTIL_H_
#define SENDGUARD_BENCH_BENCH_UTIL_H_

#include <sched.h>
#include <sys/resource.h>

namespace sendguard::bench {

// The process's peak resident set so far, in MB.
inline double PeakRssMb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// Runs the process on CPU 0 only, so figures are per core.
inline void PinToOneCore() {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(0, &set);
  sched_setaffinity(0, sizeof(set), &set);
}

}  // namespace sendguard::bench

#endif  // SENDGUARD_BENCH_BENCH_UTIL_H_
