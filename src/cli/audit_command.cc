// sendguard audit: find past deliveries to typo and lookalike domains.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "audit/audit_output.h"
#include "audit/log_audit.h"
#include "cli/commands.h"
#include "cli/context_flags.h"
#include "logs/log_time.h"

namespace sendguard {
namespace {

struct AuditFlags {
  ContextFlags context;
  std::string format = "auto";
  std::string since;
  int year = 0;
  bool json = false;
  bool csv = false;
  bool quiet = false;
  std::string report;
  std::vector<std::string> paths;
};

std::string Now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %z", &tm);
  return buf;
}

// "pass 1/2  maillog.1.gz  12.3M lines  2104 MB  45%" on one terminal line.
class Progress {
 public:
  void Show(int pass, int passes, const std::string& path, const ReadStats& st) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    if (path != path_) {
      path_ = path;
      std::error_code ec;
      auto size = std::filesystem::file_size(path, ec);
      bool compressed = path.ends_with(".gz") || path.ends_with(".bz2") || path.ends_with(".xz");
      size_ = ec || compressed ? 0 : size;  // no percentage for compressed files
    }
    std::fprintf(stderr, "\rpass %d/%d  %s  %.1fM lines  %llu MB", pass, passes,
                 std::filesystem::path(path).filename().c_str(), st.lines / 1e6,
                 static_cast<unsigned long long>(st.bytes >> 20));
    if (size_ > 0) {
      double pct = 100.0 * static_cast<double>(st.file_bytes) / static_cast<double>(size_);
      std::fprintf(stderr, "  %3.0f%%", std::min(pct, 100.0));
    }
    std::fprintf(stderr, "\033[K");
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  std::chrono::steady_clock::time_point last_{};
  std::string path_;
  std::uintmax_t size_ = 0;
  bool shown_ = false;
};

bool ValidSince(const std::string& s) {
  if (s.size() != 10 && s.size() != 19) return false;
  return NormalizeLogTime(s.size() == 10 ? s + " 00:00:00" : s, YearHint{}).has_value();
}

int RunAudit(const AuditFlags& f) {
  const char* me = "sendguard audit: ";
  if (!f.since.empty() && !ValidSince(f.since)) {
    std::cerr << me << "--since wants YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\", not " << f.since
              << "\n";
    return kExitUsage;
  }
  Result<Config> config = LoadConfigFlag(f.context);
  if (!config.ok()) {
    std::cerr << me << config.status().message() << "\n";
    return kExitUsage;
  }
  std::optional<History> history;
  if (!f.context.history.empty() || !f.context.store.empty()) {
    Result<History> h = LoadHistoryFlags(f.context);
    if (!h.ok()) {
      std::cerr << me << h.status().message() << "\n";
      return kExitUsage;
    }
    history = std::move(h).value();
  }
  std::vector<AuditInput> inputs;
  int exit_code = kExitOk;
  for (const std::string& p : f.paths) {
    if (f.format != "auto") {
      inputs.push_back({p, *ParseSentFormat(f.format)});
      continue;
    }
    Result<SentFormat> detected = DetectSentFormat(p);
    if (!detected.ok()) {
      std::cerr << me << detected.status().message() << "\n";
      exit_code = kExitInputError;
      continue;
    }
    inputs.push_back({p, *detected});
  }
  AuditOptions options;
  if (!f.since.empty()) options.since = f.since;
  if (f.year > 0) options.read.year = YearHint{f.year, 12};
  Progress progress;
  if (!f.quiet && isatty(STDERR_FILENO)) {
    options.progress = [&](int pass, int passes, const std::string& path, const ReadStats& st) {
      progress.Show(pass, passes, path, st);
    };
  }
  AuditReport report =
      sendguard::RunAudit(inputs, config->recipients, history ? &*history : nullptr, options);
  progress.Clear();
  for (const std::string& e : report.summary.errors) {
    std::cerr << me << e << "\n";
    exit_code = kExitInputError;
  }
  if (f.json) {
    WriteAuditJson(report, std::cout);
  } else if (f.csv) {
    WriteAuditCsv(report, std::cout);
  } else {
    WriteAuditTable(report, std::cout);
  }
  std::cout.flush();
  if (!f.report.empty()) {
    std::ofstream out(f.report, std::ios::binary | std::ios::trunc);
    WriteAuditHtml(report, Now(), out);
    out.close();
    if (!out) {
      std::cerr << me << "cannot write " << f.report << "\n";
      return kExitInputError;
    }
  }
  return exit_code;
}

}  // namespace

void RegisterAudit(CLI::App& app, int* exit_code) {
  auto f = std::make_shared<AuditFlags>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "Find past deliveries to typo and lookalike domains in MTA logs or Sent mailboxes");
  cmd->add_option("PATH", f->paths,
                  "Postfix/Exim/Sendmail logs (rotated, .gz/.bz2/.xz too), mbox files, Maildirs")
      ->required();
  AddContextFlags(cmd, &f->context);
  cmd->add_option("--format", f->format, "Input format (default: auto)")
      ->check(CLI::IsMember({"auto", "postfix", "exim", "sendmail", "mbox", "maildir"}));
  cmd->add_option("--since", f->since, "Report deliveries from this date: YYYY-MM-DD");
  cmd->add_option("--year", f->year,
                  "Year of syslog time stamps without one (default: from the file's date)")
      ->check(CLI::Range(1970, 9999));
  auto* json = cmd->add_flag("--json", f->json, "JSON Lines: one object per suspect domain");
  cmd->add_flag("--csv", f->csv, "CSV: one row per suspect domain")->excludes(json);
  cmd->add_option("--report", f->report, "Also write a self-contained HTML report to FILE");
  cmd->add_flag("--quiet", f->quiet, "No progress on the terminal");
  cmd->callback([f, exit_code] { *exit_code = RunAudit(*f); });
}

}  // namespace sendguard
