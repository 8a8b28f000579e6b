// Benchmark of OCR: the cost of reading one picture of a page, and of one
// message carrying a few pictures and a scanned PDF, through the whole
// parse (ParseMessage with the shipped limits).
//
//   ocr_bench [--runs N] [--no-cli]
//
// Runs on one core. Prints p50/p99 over N runs (default 20) of each, the
// process's peak RSS, and, unless --no-cli, the time the tesseract command
// (Debian package tesseract-ocr) takes on the same picture, as a ratio.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "sendguard/parser.h"
#include "tests/fixtures.h"

namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5));
  return v[i];
}

// Milliseconds of each of `runs` parses of `raw`; `texts` gets the OCR
// segments of the last one.
std::vector<double> Time(const std::string& raw, int runs, std::size_t* ocr_segments) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto r = sendguard::ParseMessage(raw);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    if (!r.ok()) continue;
    *ocr_segments = 0;
    for (const sendguard::TextSegment& t : r->texts()) {
      if (t.source.find("ocr") != std::string::npos) ++*ocr_segments;
    }
  }
  return ms;
}

void Print(const char* what, const std::vector<double>& ms, std::size_t segments) {
  std::printf("%-34s p50 %7.1f ms  p99 %7.1f ms  (%zu runs, %zu OCR text segments)\n", what,
              Percentile(ms, 0.5), Percentile(ms, 0.99), ms.size(), segments);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 20;
  bool cli = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--no-cli") == 0) {
      cli = false;
    } else {
      std::fprintf(stderr, "usage: ocr_bench [--runs N] [--no-cli]\n");
      return 2;
    }
  }
  sendguard::bench::PinToOneCore();
  using sendguard::testing::Attachment;
  const std::string png = Fixture("banner-page.png");
  const std::string one = sendguard::testing::MakeMessage(
      "ops@newcorp.example", "scan", {Attachment("image/png", "page.png", png)});
  const std::string several = sendguard::testing::MakeMessage(
      "ops@newcorp.example", "scans",
      {Attachment("image/png", "page.png", png),
       Attachment("image/jpeg", "page.jpg", Fixture("banner-page.jpg")),
       Attachment("image/tiff", "pages.tif", Fixture("banner-pages.tif")),
       Attachment("application/pdf", "scan.pdf", Fixture("banner-scan.pdf"))});
  std::size_t segments = 0;
  // Warm-up: the first use makes an engine (loads the language data).
  const auto start = std::chrono::steady_clock::now();
  (void)Time(one, 1, &segments);
  std::printf(
      "first message (engine initialisation included): %.1f ms\n",
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  const std::vector<double> page = Time(one, runs, &segments);
  Print("message with one 1100x560 page:", page, segments);
  const std::vector<double> message = Time(several, runs, &segments);
  Print("message with 5 pages (png,jpg,tif*2,pdf):", message, segments);
  std::printf("per page in that message: p50 %.1f ms\n", Percentile(message, 0.5) / 5);
  std::printf("peak RSS %.1f MB\n", sendguard::bench::PeakRssMb());
  if (!cli) return 0;
  const std::string path =
      std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/banner-page.png";
  const std::string cmd =
      "OMP_THREAD_LIMIT=1 taskset -c 0 tesseract '" + path + "' - >/dev/null 2>&1";
  std::vector<double> theirs;
  for (int i = 0; i < std::min(runs, 10); ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    if (std::system(cmd.c_str()) != 0) {
      std::fprintf(stderr, "the tesseract command failed (apt-get install tesseract-ocr)\n");
      return 1;
    }
    theirs.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf(
      "tesseract CLI on the same picture:  p50 %7.1f ms (process start and "
      "language data load included)\n",
      Percentile(theirs, 0.5));
  std::printf("ratio: one page through sendguard takes %.2fx the tesseract CLI's time\n",
              Percentile(page, 0.5) / Percentile(theirs, 0.5));
  return 0;
}
