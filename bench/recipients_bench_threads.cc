// What a new thread pays the first time it judges a recipient and converts a
// charset (the milter starts a thread per MTA connection): the ICU objects
// and caches it needs, against the same work on a warm thread and against
// an empty thread.
//
//   build/recipients_bench_threads [--threads N]
//
// Uses only calls whose signatures predate the process-wide pools, so the
// same file measures the code before and after them.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "mail/charset.h"
#include "recipients/domain.h"
#include "recipients/skeleton.h"

namespace sendguard {
namespace {

// One recipient's ICU work (IDNA, public suffix, confusable skeleton with
// Latin folding, mixed-script check) and two charset conversions.
std::size_t Work() {
  std::size_t n = 0;
  Result<DomainName> d = ParseDomain("\xD0\xB0rmy.mil");  // Cyrillic а
  if (d.ok()) {
    n += Skeleton(d->unicode).size();
    n += HasMixedScriptLabel(d->unicode) ? 1 : 0;
  }
  n += ToUtf8("\xD0\xD2\xC9\xD7\xC5\xD4", "koi8-r").size();
  n += ToUtf8("caf\xE9", "windows-1252").size();
  return n;
}

// Start, (work,) join: one thread's wall time in microseconds.
double MicrosForThread(bool work, std::size_t* sink) {
  auto start = std::chrono::steady_clock::now();
  std::thread t([&] {
    if (work) *sink += Work();
  });
  t.join();
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
      .count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double MicrosWarm(int rounds) {
  std::size_t sink = Work();
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < rounds; ++i) sink += Work();
  double us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  if (sink == 1) std::puts("");
  return us / rounds;
}

}  // namespace
}  // namespace sendguard

int main(int argc, char** argv) {
  int threads = 2000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0) threads = std::atoi(argv[i + 1]);
  }
  std::size_t sink = 0;
  (void)sendguard::MicrosForThread(true, &sink);  // process-wide start-up out of the figures
  // Empty and working threads alternate, so that the VM's noise hits both;
  // medians, as a few threads are descheduled for milliseconds.
  std::vector<double> empty, fresh;
  for (int i = 0; i < threads; ++i) {
    empty.push_back(sendguard::MicrosForThread(false, &sink));
    fresh.push_back(sendguard::MicrosForThread(true, &sink));
  }
  const double e = sendguard::Median(empty), f = sendguard::Median(fresh);
  const double warm = sendguard::MicrosWarm(threads);
  std::printf(
      "threads %d (medians): empty thread %.1f us, thread doing the work %.1f us, "
      "the work on a warm thread %.1f us; first-use cost per new thread %.1f us\n",
      threads, e, f, warm, f - e - warm);
  if (sink == 1) std::puts("");
  return 0;
}
