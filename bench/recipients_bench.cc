// Recipient engine benchmark: accuracy on generated sets, recall on typos
// that dnstwist generates, lookup throughput from 1k to 1M history domains,
// and a side-by-side run of the npm packages mailcheck and
// @zootools/email-spell-checker on the same addresses.
//
//   recipients_bench [--seconds S] [--sizes 1000,100000,1000000] [--no-dnstwist] [--no-npm]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "recipients/recipient_analyzer.h"
#include "tests/typo_generator.h"

namespace {

using namespace sendguard;  // NOLINT

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string Run(const std::string& cmd) {
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return "";
  std::string out;
  char buf[4096];
  while (std::fgets(buf, sizeof(buf), p) != nullptr) out += buf;
  pclose(p);
  return out;
}

struct Analyzed {
  testing::TypoSet set;
  History history;
  std::unique_ptr<RecipientAnalyzer> analyzer;
};

std::unique_ptr<Analyzed> MakeAnalyzed() {
  auto a = std::make_unique<Analyzed>();
  a->set = testing::MakeTypoSet(3000, 2000, 42);
  for (const auto& e : a->set.established) a->history.Add(e.domain, e.messages);
  a->history.Finish();
  a->analyzer = std::make_unique<RecipientAnalyzer>(RecipientOptions{}, a->history);
  return a;
}

void Accuracy(const Analyzed& a) {
  std::printf("\n== accuracy: %zu established domains, %zu typos, %zu unrelated far domains\n",
              a.set.established.size(), a.set.typos.size(), a.set.unrelated.size());
  std::map<std::string, std::pair<int, int>> per_kind;
  int right = 0;
  for (const auto& t : a.set.typos) {
    RecipientVerdict v = a.analyzer->Analyze("u@" + t.typed, {});
    bool ok = v.risk >= Risk::kMedium && v.suggestion == "u@" + t.intended;
    per_kind[t.kind].first += ok;
    per_kind[t.kind].second += 1;
    right += ok;
  }
  std::printf("%-14s %8s %8s\n", "kind", "recall", "n");
  for (const auto& [kind, c] : per_kind) {
    std::printf("%-14s %7.2f%% %8d\n", kind.c_str(), 100.0 * c.first / c.second, c.second);
  }
  std::printf("%-14s %7.2f%% %8zu\n", "all", 100.0 * right / a.set.typos.size(),
              a.set.typos.size());
  auto fp_rate = [&](const std::vector<std::string>& domains, const char* what) {
    int flagged = 0;
    for (const std::string& d : domains)
      flagged += a.analyzer->Analyze("u@" + d, {}).suggestion.has_value();
    std::printf("typo flags on %s: %d of %zu (%.2f%%)\n", what, flagged, domains.size(),
                domains.empty() ? 0.0 : 100.0 * flagged / domains.size());
  };
  std::vector<std::string> established;
  for (const auto& e : a.set.established) established.push_back(e.domain);
  fp_rate(established, "established domains");
  fp_rate(a.set.subdomains, "their subdomains");
  fp_rate(a.set.unrelated, "unrelated far domains");
  // Real domains: the private section of the public suffix list (blogspot.com, ...).
  std::vector<std::string> real;
  std::ifstream psl("/usr/share/publicsuffix/public_suffix_list.dat");
  std::string line;
  bool priv = false;
  while (std::getline(psl, line)) {
    if (line.find("===BEGIN PRIVATE DOMAINS===") != std::string::npos) priv = true;
    if (!priv || line.empty() || line[0] == '/' || line[0] == '*' || line[0] == '!') continue;
    if (std::count(line.begin(), line.end(), '.') != 1) continue;
    real.push_back(line);
  }
  fp_rate(real, "real domains (public suffix list, private section)");
}

void Dnstwist(const Analyzed& a) {
  if (Run("command -v dnstwist").empty()) {
    std::printf("\n== dnstwist: not installed, skipped\n");
    return;
  }
  const char* fuzzers[] = {"addition",      "bitsquatting", "homoglyph",  "hyphenation",
                           "insertion",     "omission",     "repetition", "replacement",
                           "transposition", "vowel-swap"};
  std::printf("\n== recall on dnstwist's permutations of 100 established .com/.org/.mil domains\n");
  std::printf("%-14s %8s %8s\n", "fuzzer", "recall", "n");
  std::vector<std::string> targets;
  for (const auto& e : a.set.established) {
    if (targets.size() >= 100) break;
    if (e.domain.find('-') == std::string::npos &&
        (e.domain.ends_with(".com") || e.domain.ends_with(".org") || e.domain.ends_with(".mil"))) {
      targets.push_back(e.domain);
    }
  }
  int total_right = 0, total = 0;
  for (const char* f : fuzzers) {
    int right = 0, n = 0;
    for (const std::string& d : targets) {
      std::istringstream out(
          Run(std::string("dnstwist --format list --fuzzers ") + f + " " + d + " 2>/dev/null"));
      std::string typed;
      while (std::getline(out, typed)) {
        if (typed.empty() || typed == d || a.history.DomainMessages(typed) > 0) continue;
        ++n;
        RecipientVerdict v = a.analyzer->Analyze("u@" + typed, {});
        right += v.risk >= Risk::kMedium && v.suggestion == "u@" + d;
      }
    }
    total_right += right;
    total += n;
    std::printf("%-14s %7.2f%% %8d\n", f, n ? 100.0 * right / n : 0.0, n);
  }
  std::printf("%-14s %7.2f%% %8d\n", "all", total ? 100.0 * total_right / total : 0.0, total);
}

// Lookups per second over `queries`, repeated for `seconds`.
double Rate(const RecipientAnalyzer& analyzer, const std::vector<std::string>& queries,
            double seconds) {
  std::size_t done = 0, flagged = 0;
  double start = Now(), elapsed = 0;
  while (elapsed < seconds) {
    for (const std::string& q : queries) flagged += analyzer.Analyze(q, {}).suggestion.has_value();
    done += queries.size();
    elapsed = Now() - start;
  }
  if (flagged == 0) std::printf("(no query was flagged)\n");
  return done / elapsed;
}

void Throughput(const std::vector<std::size_t>& sizes, double seconds) {
  std::printf("\n== lookup throughput, one core (%.0f s per size and mix)\n", seconds);
  std::printf(
      "traffic mix: 80%% recipients at history domains, 10%% typos of them, 10%% new domains\n");
  std::printf("miss mix:    50%% typos, 50%% new domains (every lookup searches the index)\n");
  std::printf("%10s %10s %16s %16s %10s %12s\n", "domains", "build s", "traffic/s", "miss/s",
              "index MB", "peak RSS MB");
  for (std::size_t n : sizes) {
    std::vector<std::string> domains = testing::MakeRandomDomains(n, 1234 + n);
    History h;
    std::mt19937_64 rng(99);
    for (const std::string& d : domains) h.Add(d, 50 + rng() % 5000);
    h.Finish();
    double t0 = Now();
    RecipientAnalyzer analyzer({}, h);
    double build = Now() - t0;
    std::vector<std::string> fresh = testing::MakeRandomDomains(10000, 777);
    auto typo = [&] {
      std::string d = domains[rng() % domains.size()];
      std::size_t p = 1 + rng() % 3;
      return "user@" + d.substr(0, p) + d.substr(p + 1);
    };
    std::vector<std::string> traffic, miss;
    for (int i = 0; i < 10000; ++i) {
      int r = static_cast<int>(rng() % 10);
      traffic.push_back(r < 8    ? "user@" + domains[rng() % domains.size()]
                        : r == 8 ? typo()
                                 : "user@" + fresh[i]);
      miss.push_back(i % 2 == 0 ? typo() : "user@" + fresh[i]);
    }
    double traffic_rate = Rate(analyzer, traffic, seconds);
    double miss_rate = Rate(analyzer, miss, seconds);
    std::printf("%10zu %10.2f %16.0f %16.0f %10.1f %12.1f\n", n, build, traffic_rate, miss_rate,
                analyzer.index().memory_bytes() / 1e6, bench::PeakRssMb());
  }
}

void VersusNpm(const Analyzed& a, double seconds) {
  // The same cases for everyone: 2,000 typos across kinds, 1,000 established
  // addresses, 1,000 unrelated ones; the domain list is the history.
  nlohmann::json input;
  input["domains"] = nlohmann::json::array();
  for (const auto& e : a.set.established) input["domains"].push_back(e.domain);
  input["cases"] = nlohmann::json::array();
  std::vector<std::pair<std::string, std::string>> cases;  // address, expected ("" = clean)
  for (std::size_t i = 0; i < a.set.typos.size() && cases.size() < 2000;
       i += a.set.typos.size() / 2000 + 1) {
    cases.push_back({"user@" + a.set.typos[i].typed, "user@" + a.set.typos[i].intended});
  }
  for (std::size_t i = 0; i < 1000 && i < a.set.established.size(); ++i) {
    cases.push_back({"user@" + a.set.established[i].domain, ""});
  }
  for (std::size_t i = 0; i < 1000 && i < a.set.unrelated.size(); ++i) {
    cases.push_back({"user@" + a.set.unrelated[i], ""});
  }
  for (const auto& [addr, exp] : cases) {
    input["cases"].push_back(
        {{"address", addr},
         {"expected", exp.empty() ? nlohmann::json(nullptr) : nlohmann::json(exp)}});
  }
  int fixed = 0, typos = 0, wrong = 0, clean_flagged = 0, clean = 0;
  for (const auto& [addr, exp] : cases) {
    RecipientVerdict v = a.analyzer->Analyze(addr, {});
    if (!exp.empty()) {
      ++typos;
      if (v.suggestion == exp) {
        ++fixed;
      } else if (v.suggestion) {
        ++wrong;
      }
    } else {
      ++clean;
      clean_flagged += v.suggestion.has_value();
    }
  }
  std::size_t done = 0;
  double start = Now(), elapsed = 0;
  while (elapsed < seconds) {
    for (const auto& c : cases) (void)a.analyzer->Analyze(c.first, {});
    done += cases.size();
    elapsed = Now() - start;
  }
  std::printf("\n== side by side on %zu addresses, %zu-domain list\n", cases.size(),
              a.set.established.size());
  std::printf(
      "sendguard: typos_fixed=%d/%d wrong_suggestions=%d clean_flagged=%d/%d lookups/s=%.0f\n",
      fixed, typos, wrong, clean_flagged, clean, done / elapsed);
  std::string path = "/tmp/sendguard_spellcheck_cases.json";
  std::ofstream(path) << input.dump();
  std::string cmd = "taskset -c 0 node \"" + std::string(SENDGUARD_BENCH_DIR) +
                    "/spellcheck_bench.js\" " + path + " --seconds " + std::to_string(seconds);
  std::string out = Run(cmd + " 2>&1");
  std::fputs(
      out.empty() ? "npm references failed to run (bench/node_modules missing?)\n" : out.c_str(),
      stdout);
  std::remove(path.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  std::vector<std::size_t> sizes = {1000, 100000, 1000000};
  bool dnstwist = true, npm = true;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (!std::strcmp(argv[i], "--sizes") && i + 1 < argc) {
      sizes.clear();
      std::stringstream ss(argv[++i]);
      std::string s;
      while (std::getline(ss, s, ',')) sizes.push_back(std::stoul(s));
    } else if (!std::strcmp(argv[i], "--no-dnstwist")) {
      dnstwist = false;
    } else if (!std::strcmp(argv[i], "--no-npm")) {
      npm = false;
    }
  }
  bench::PinToOneCore();
  auto analyzed = MakeAnalyzed();
  Accuracy(*analyzed);
  if (dnstwist) Dnstwist(*analyzed);
  if (npm) VersusNpm(*analyzed, seconds);
  Throughput(sizes, seconds);
  return 0;
}
