// Content detection benchmark: the full built-in detector set (one pattern
// pass + validation + context) over text, against two references on the
// same text in the same run: a bare Vectorscan pass of the same primary
// patterns (the ceiling: no keywords, no start offsets, no confirmation) and
// `grep -cP` with the same primary patterns.
//
//   content_bench [--mb 64] [--chunk-kb 16] [--item-kb 8] [--text FILE] [--no-grep]
//
// Without --text the text is generated office prose (deterministic) with a
// sensitive item every --item-kb KB (0: none), cut into --chunk-kb pieces as
// the extracted text of messages would be.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "content/content_scanner.h"
#include "content/pattern_db.h"

namespace {

using namespace sendguard;  // NOLINT

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Generated office prose: common words with Zipf-like weights, numbers,
// dates, times, phone numbers, versions, links; a sensitive item every ~8 KB.
std::string MakeProse(std::size_t bytes, std::size_t item_every, unsigned seed) {
  static const char* kWords[] = {
      "the",      "of",       "and",      "to",      "a",       "in",       "for",      "is",
      "on",       "that",     "by",       "this",    "with",    "you",      "it",       "not",
      "or",       "be",       "are",      "from",    "at",      "as",       "your",     "all",
      "have",     "new",      "more",     "an",      "was",     "we",       "will",     "can",
      "us",       "about",    "if",       "my",      "has",     "our",      "one",      "other",
      "do",       "no",       "time",     "they",    "he",      "up",       "may",      "what",
      "which",    "their",    "news",     "out",     "use",     "any",      "there",    "see",
      "only",     "so",       "his",      "when",    "here",    "who",      "also",     "now",
      "help",     "get",      "view",     "first",   "been",    "would",    "how",      "were",
      "me",       "some",     "these",    "click",   "its",     "like",     "service",  "than",
      "find",     "price",    "date",     "back",    "top",     "people",   "had",      "list",
      "name",     "just",     "over",     "state",   "year",    "day",      "into",     "email",
      "two",      "health",   "world",    "next",    "used",    "go",       "work",     "last",
      "most",     "meeting",  "report",   "team",    "please",  "thanks",   "schedule", "budget",
      "review",   "project",  "office",   "account", "number",  "order",    "card",     "phone",
      "site",     "location", "position", "model",   "version", "training", "travel",   "plan",
      "update",   "support",  "contract", "payment", "patient", "medical",  "password", "login",
      "grid",     "route",    "security", "access",  "bank",    "transfer", "routing",  "passport",
      "document", "attached", "deadline", "quarter", "draft",
  };
  static const char* kItems[] = {
      "Card 4111 1111 1111 1111 exp 09/28.",
      "SSN: 212-09-4821.",
      "IBAN GB82 WEST 1234 5698 7654 32.",
      "Routing 021000021, account 4455667788.",
      "SECRET//NOFORN",
      "(CUI) roster follows.",
      "password: Tr0ub4dor&3",
      "key AKIAZ7XQW3RTY5UIOP2A",
      "Grid 18S UJ 23480 06470.",
      "Diagnosis: E11.9.",
      "DoD ID 1234567890.",
      "GPS 38.8977, -77.0365.",
  };
  std::mt19937 rng(seed);
  const std::size_t n = sizeof(kWords) / sizeof(kWords[0]);
  std::vector<double> weights(n);
  for (std::size_t i = 0; i < n; ++i) weights[i] = 1.0 / static_cast<double>(i + 8);
  std::discrete_distribution<std::size_t> word(weights.begin(), weights.end());
  std::uniform_int_distribution<int> pct(0, 99), digit(0, 9);
  std::string out;
  out.reserve(bytes + 256);
  std::size_t next_item = item_every > 0 ? item_every : SIZE_MAX;
  while (out.size() < bytes) {
    int words = 8 + pct(rng) % 14;
    for (int w = 0; w < words; ++w) {
      int r = pct(rng);
      std::string token = kWords[word(rng)];
      if (w == 0) token[0] = static_cast<char>(std::toupper(token[0]));
      if (r < 2)
        token = std::to_string(pct(rng) * 37 + digit(rng));
      else if (r == 2)
        token = std::to_string(1 + pct(rng) % 28) + " Dec";
      else if (r == 3)
        token = "+44 20 7946 0" + std::to_string(100 + pct(rng));
      else if (r == 4)
        token = "v" + std::to_string(digit(rng)) + "." + std::to_string(digit(rng));
      else if (r == 5 && pct(rng) < 20)
        token = "https://intranet.example.mil/docs/" + token;
      out += token;
      out += (w + 1 == words) ? ". " : " ";
    }
    if (pct(rng) < 15) out += "\n\n";
    if (out.size() >= next_item) {
      out += kItems[(next_item / item_every) % (sizeof(kItems) / sizeof(kItems[0]))];
      out += "\n";
      next_item += item_every;
    }
  }
  return out;
}

std::vector<std::string_view> Chunks(const std::string& text, std::size_t chunk) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = std::min(text.size(), at + chunk);
    // cut at a line end so that items are not split
    std::size_t nl = text.rfind('\n', end);
    if (end < text.size() && nl != std::string::npos && nl > at) end = nl + 1;
    out.push_back(std::string_view(text).substr(at, end - at));
    at = end;
  }
  return out;
}

struct Timing {
  double seconds;
  std::size_t events;
};

Timing FullPass(const ContentScanner& s, const std::vector<std::string_view>& chunks,
                std::map<std::string, std::size_t>* by_detector) {
  double t0 = Now();
  std::size_t findings = 0;
  for (std::string_view c : chunks) {
    Result<std::vector<Finding>> f = s.ScanText(c, "body");
    if (!f.ok()) std::abort();
    for (const Finding& x : *f) {
      findings += static_cast<std::size_t>(x.count);
      (*by_detector)[x.detector + "/" + std::string(ConfidenceName(x.confidence))] +=
          static_cast<std::size_t>(x.count);
    }
  }
  return {Now() - t0, findings};
}

Timing BarePass(const PatternDb& db, const std::vector<std::string_view>& chunks) {
  std::size_t matches = 0;
  Result<PatternDb::Scratch> scratch = db.NewScratch();
  if (!scratch.ok()) std::abort();
  double t0 = Now();
  for (std::string_view c : chunks) {
    Status st = db.Scan(
        c, *scratch,
        [](void* arg, unsigned, std::size_t, std::size_t) { ++*static_cast<std::size_t*>(arg); },
        &matches);
    if (!st.ok()) std::abort();
  }
  return {Now() - t0, matches};
}

// grep -cP over the file with every primary pattern in one alternation.
Timing GrepPass(const std::vector<PatternSpec>& patterns, const std::string& file) {
  std::string alternation;
  for (const PatternSpec& p : patterns) {
    if (!alternation.empty()) alternation += "|";
    alternation +=
        (p.flags & kPatternCaseless) ? "(?i:" + p.expression + ")" : "(?:" + p.expression + ")";
  }
  std::string pattern_file = file + ".pattern";
  std::ofstream(pattern_file) << alternation;
  std::string cmd = "LC_ALL=C grep -cP \"$(cat '" + pattern_file + "')\" '" + file + "'";
  double t0 = Now();
  FILE* p = popen(cmd.c_str(), "r");
  char buf[64] = {0};
  if (p == nullptr || std::fgets(buf, sizeof buf, p) == nullptr) {
    if (p != nullptr) pclose(p);
    std::remove(pattern_file.c_str());
    return {-1, 0};
  }
  int rc = pclose(p);
  double t = Now() - t0;
  std::remove(pattern_file.c_str());
  if (rc != 0 && std::atoll(buf) == 0) return {-1, 0};
  return {t, static_cast<std::size_t>(std::atoll(buf))};
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mb = 64, chunk_kb = 16, item_kb = 8;
  std::string text_file;
  bool grep = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc)
      mb = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--chunk-kb" && i + 1 < argc)
      chunk_kb = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--text" && i + 1 < argc)
      text_file = argv[++i];
    else if (a == "--item-kb" && i + 1 < argc)
      item_kb = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--no-grep")
      grep = false;
    else {
      std::fprintf(
          stderr,
          "usage: content_bench [--mb N] [--chunk-kb N] [--item-kb N] [--text FILE] [--no-grep]\n");
      return 2;
    }
  }
  bench::PinToOneCore();
  std::string text;
  if (!text_file.empty()) {
    std::ifstream in(text_file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  } else {
    text = MakeProse(mb << 20, item_kb << 10, 7);
  }
  const double text_mb = static_cast<double>(text.size()) / 1e6;

  double t0 = Now();
  Result<std::shared_ptr<const ContentScanner>> scanner = ContentScanner::Builtin();
  if (!scanner.ok()) {
    std::fprintf(stderr, "%s\n", scanner.status().ToString().c_str());
    return 1;
  }
  const double compile_ms = (Now() - t0) * 1000;
  std::vector<PatternSpec> primary;
  for (const DetectorDef& d : (*scanner)->detectors()) {
    for (const std::string& t : d.triggers) primary.push_back({t, d.trigger_flags});
  }
  Result<PatternDb> bare = PatternDb::Compile(primary);
  if (!bare.ok()) {
    std::fprintf(stderr, "%s\n", bare.status().ToString().c_str());
    return 1;
  }
  // The cost of each ingredient of the full pass, on top of the bare one.
  std::vector<PatternSpec> with_start = primary, with_keywords = primary;
  for (PatternSpec& p : with_start) p.flags |= kPatternReportStart;
  for (const DetectorDef& d : (*scanner)->detectors()) {
    for (const auto* list : {&d.keywords, &d.strong_keywords, &d.false_positive_keywords}) {
      for (const std::string& k : *list)
        with_keywords.push_back({"\\b(?:" + k + ")", kPatternCaseless});
    }
  }
  Result<PatternDb> start_db = PatternDb::Compile(with_start);
  Result<PatternDb> keyword_db = PatternDb::Compile(with_keywords);
  if (!start_db.ok() || !keyword_db.ok()) return 1;
  std::vector<std::string_view> chunks = Chunks(text, chunk_kb << 10);
  std::printf(
      "content_bench: %.1f MB of %s in %zu chunks of ~%zu KB; %zu detectors, %zu primary "
      "patterns; compile %.0f ms\n",
      text_mb, text_file.empty() ? "generated prose" : text_file.c_str(), chunks.size(), chunk_kb,
      (*scanner)->detectors().size(), primary.size(), compile_ms);

  // Best of three for each in-process pass.
  Timing full{1e9, 0}, bare_t{1e9, 0};
  std::map<std::string, std::size_t> by_detector;
  for (int round = 0; round < 3; ++round) {
    by_detector.clear();
    Timing f = FullPass(**scanner, chunks, &by_detector);
    if (f.seconds < full.seconds) full = f;
    Timing b = BarePass(*bare, chunks);
    if (b.seconds < bare_t.seconds) bare_t = b;
  }
  std::printf("%-34s %9.1f MB/s  (%zu findings)\n", "sendguard full detection",
              text_mb / full.seconds, full.events);
  std::string found;
  for (const auto& [k, n] : by_detector) found += " " + k + ":" + std::to_string(n);
  std::printf("  findings by detector/confidence:%s\n", found.c_str());
  std::printf("%-34s %9.1f MB/s  (%zu raw matches)\n", "bare vectorscan, primary patterns",
              text_mb / bare_t.seconds, bare_t.events);
  std::printf("%-34s %9.0f %%\n", "full / bare", 100.0 * bare_t.seconds / full.seconds);
  Timing ts = BarePass(*start_db, chunks), tk = BarePass(*keyword_db, chunks);
  std::printf("%-34s %9.1f MB/s\n", "  bare + start offsets", text_mb / ts.seconds);
  std::printf("%-34s %9.1f MB/s  (%zu raw matches)\n", "  bare + keywords", text_mb / tk.seconds,
              tk.events);
  if (grep) {
    char path[] = "/tmp/content_bench_XXXXXX";
    int fd = mkstemp(path);
    if (fd >= 0) {
      close(fd);
      std::ofstream(path, std::ios::binary) << text;
      Timing g = GrepPass(primary, path);
      std::remove(path);
      if (g.seconds > 0) {
        std::printf("%-34s %9.1f MB/s  (%zu matching lines)\n", "grep -cP, primary patterns",
                    text_mb / g.seconds, g.events);
        std::printf("%-34s %9.1f x\n", "full / grep -cP", g.seconds / full.seconds);
      } else {
        std::printf("grep -cP: could not run (grep with PCRE missing?)\n");
      }
    }
  }
  std::printf("%-34s %9.1f MB\n", "peak RSS", bench::PeakRssMb());
  return 0;
}
