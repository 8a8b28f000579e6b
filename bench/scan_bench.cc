// Whole-run benchmark of message parsing + decoding + text extraction.
//
//   scan_bench [--seconds S] [--ocr-pages N] [--mailparser] PATH...
//
// Loads every message under PATH into memory, then parses them all, over and
// over, on one core for at least S seconds (default 5), and prints messages/s,
// MB/s and the process's peak RSS. With --mailparser it then runs the npm
// package mailparser over the same files (bench/mailparser_bench.js, one
// core) and prints the ratio. --ocr-pages sets limits.ocr_pages (0: no OCR).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "mail/message_source.h"
#include "sendguard/parser.h"

namespace {}  // namespace

int main(int argc, char** argv) {
  double seconds = 5;
  bool mailparser = false;
  sendguard::Limits limits;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (std::strcmp(argv[i], "--ocr-pages") == 0 && i + 1 < argc) {
      limits.ocr_pages = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--mailparser") == 0) {
      mailparser = true;
    } else {
      paths.emplace_back(argv[i]);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr,
                 "usage: scan_bench [--seconds S] [--ocr-pages N] [--mailparser] PATH...\n");
    return 2;
  }
  sendguard::bench::PinToOneCore();
  std::vector<std::string> messages;
  std::size_t bytes = 0;
  for (const std::string& p : paths) {
    sendguard::ForEachMessage(
        p,
        [&](const std::string&, std::string_view raw) {
          messages.emplace_back(raw);
          bytes += raw.size();
        },
        [](const std::string& s, const sendguard::Status& e) {
          std::fprintf(stderr, "skip %s: %s\n", s.c_str(), e.message().c_str());
        });
  }
  if (messages.empty()) {
    std::fprintf(stderr, "no messages found\n");
    return 1;
  }
  double rss_loaded = sendguard::bench::PeakRssMb();
  // Warm-up pass (first-use initialisation of GMime, ICU, poppler).
  std::size_t text_bytes = 0;
  for (const std::string& m : messages) {
    auto r = sendguard::ParseMessage(m, {}, limits);
    if (r.ok()) text_bytes += r->AllText().size();
  }
  auto start = std::chrono::steady_clock::now();
  std::size_t done = 0, passes = 0;
  double elapsed = 0;
  while (elapsed < seconds) {
    for (const std::string& m : messages) {
      auto r = sendguard::ParseMessage(m, {}, limits);
      if (!r.ok()) continue;
    }
    done += messages.size();
    ++passes;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  double msgs_per_s = static_cast<double>(done) / elapsed;
  double mb_per_s = static_cast<double>(bytes * passes) / elapsed / 1e6;
  std::printf(
      "sendguard: %zu messages (%.1f MB) x %zu passes in %.2f s: %.0f messages/s, %.1f MB/s, "
      "peak RSS %.1f MB (%.1f MB after loading input), %zu bytes of text per pass\n",
      messages.size(), static_cast<double>(bytes) / 1e6, passes, elapsed, msgs_per_s, mb_per_s,
      sendguard::bench::PeakRssMb(), rss_loaded, text_bytes);
  if (!mailparser) return 0;
  std::string cmd = "taskset -c 0 node \"" + std::string(SENDGUARD_BENCH_DIR) +
                    "/mailparser_bench.js\" --seconds " + std::to_string(seconds);
  for (const std::string& p : paths) cmd += " \"" + p + "\"";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return 1;
  char line[512];
  double theirs = 0;
  while (std::fgets(line, sizeof(line), pipe) != nullptr) {
    std::fputs(line, stdout);
    const char* key = std::strstr(line, "messages/s=");
    if (key != nullptr) theirs = std::atof(key + std::strlen("messages/s="));
  }
  int rc = pclose(pipe);
  if (rc != 0 || theirs <= 0) {
    std::fprintf(stderr, "mailparser run failed (is bench/node_modules installed?)\n");
    return 1;
  }
  std::printf("ratio: sendguard is %.1fx mailparser in messages/s\n", msgs_per_s / theirs);
  return 0;
}
