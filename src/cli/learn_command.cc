// sendguard learn: import outbound history into the store.

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "logs/line_reader.h"
#include "logs/mail_log.h"
#include "mail/message_source.h"
#include "recipients/history.h"
#include "recipients/history_collector.h"
#include "sendguard/parser.h"
#include "store/history_store.h"

namespace sendguard {
namespace {

struct LearnOptions {
  std::string format = "auto";
  std::string store = "sendguard.db";
  std::vector<std::string> paths;
};

// Recipients of a sent message: header recipients (a Sent folder has no envelope).
std::vector<std::string> SentRecipients(std::string_view raw) {
  Limits limits;
  limits.max_depth = 0;
  limits.max_text_bytes = 0;
  Result<Message> m = ParseMessage(raw, {}, limits);
  return m.ok() ? m->recipients() : std::vector<std::string>();
}

Status LearnLog(const std::string& path, LogFormat format, HistoryCollector* c, long* bad) {
  return ForEachLine(path, [&](std::string_view line) {
    if (std::optional<Delivery> d = ParseDeliveryLine(line, format)) {
      c->AddDelivery(d->queue_id, d->recipient);
    } else if (!line.empty()) {
      ++*bad;
    }
  });
}

Status LearnPath(const std::string& path, const std::string& format, HistoryCollector* c,
                 std::vector<std::pair<std::string, std::uint64_t>>* tsv, long* other_lines) {
  std::string f = format;
  if (f == "auto") {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      f = "maildir";  // Maildir or a directory of messages: read as mailboxes
    } else {
      Result<std::string> read = ReadHead(path, 16384);  // enough to tell the format
      if (!read.ok()) return read.status();
      const std::string& head = *read;
      if (head.rfind("From ", 0) == 0) {
        f = "mbox";
      } else if (std::optional<LogFormat> lf = DetectLogFormat(head)) {
        f = *lf == LogFormat::kPostfix ? "postfix" : *lf == LogFormat::kExim ? "exim" : "sendmail";
      } else if (head.find('\t') != std::string::npos) {
        f = "tsv";
      } else {
        return InvalidArgumentError(path + ": cannot tell the format; give --format");
      }
    }
  }
  if (f == "postfix") return LearnLog(path, LogFormat::kPostfix, c, other_lines);
  if (f == "exim") return LearnLog(path, LogFormat::kExim, c, other_lines);
  if (f == "sendmail") return LearnLog(path, LogFormat::kSendmail, c, other_lines);
  if (f == "tsv") {
    Result<History> h = History::LoadTsv(path);
    if (!h.ok()) return h.status();
    h->ForEachDomain([&](const std::string& d, std::uint64_t n) { tsv->emplace_back(d, n); });
    h->ForEachAddress([&](const std::string& a, std::uint64_t n) { tsv->emplace_back(a, n); });
    return OkStatus();
  }
  Status status;
  ForEachMessage(
      path, [&](const std::string&, std::string_view raw) { c->AddMessage(SentRecipients(raw)); },
      [&](const std::string&, const Status& s) { status = s; });
  return status;
}

int RunLearn(const LearnOptions& o) {
  HistoryCollector collector;
  std::vector<std::pair<std::string, std::uint64_t>> counts;
  long other_lines = 0;
  int exit_code = kExitOk;
  for (const std::string& p : o.paths) {
    Status s = LearnPath(p, o.format, &collector, &counts, &other_lines);
    if (!s.ok()) {
      std::cerr << "sendguard learn: " << s.message() << "\n";
      exit_code = kExitInputError;
    }
  }
  std::vector<std::pair<std::string, std::uint64_t>> collected = collector.Counts();
  counts.insert(counts.end(), collected.begin(), collected.end());
  Result<std::unique_ptr<HistoryStore>> store = OpenSqliteHistoryStore(o.store);
  if (!store.ok()) {
    std::cerr << "sendguard learn: " << store.status().message() << "\n";
    return kExitInputError;
  }
  if (Status s = (*store)->AddHistory(counts); !s.ok()) {
    std::cerr << "sendguard learn: " << s.message() << "\n";
    return kExitInputError;
  }
  std::cerr << "sendguard learn: " << collector.messages() << " messages, " << counts.size()
            << " domain and address counts added to " << o.store;
  if (other_lines > 0) std::cerr << " (" << other_lines << " log lines were not deliveries)";
  std::cerr << "\n";
  return exit_code;
}

}  // namespace

void RegisterLearn(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<LearnOptions>();
  CLI::App* cmd = app.add_subcommand(
      "learn", "Import outbound history (MTA logs, Sent mailboxes, TSV) into the store");
  cmd->add_option("PATH", opts->paths, "Log files (.gz too), mbox files, Maildir folders, TSV")
      ->required();
  cmd->add_option("--format", opts->format, "Input format (default: auto)")
      ->check(CLI::IsMember({"auto", "postfix", "exim", "sendmail", "mbox", "maildir", "tsv"}));
  cmd->add_option("--store", opts->store, "History store (SQLite); created when missing")
      ->capture_default_str();
  cmd->callback([opts, exit_code] { *exit_code = RunLearn(*opts); });
}

}  // namespace sendguard
