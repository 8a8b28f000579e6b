// sendguard learn: import outbound history into the store.

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "contacts/contact_collector.h"
#include "contacts/contact_index.h"
#include "contacts/message_groups.h"
#include "logs/line_reader.h"
#include "logs/sent_mail.h"
#include "recipients/history.h"
#include "recipients/history_collector.h"
#include "store/stores.h"

namespace sendguard {
namespace {

struct LearnOptions {
  std::string format = "auto";
  std::string store = "sendguard.db";
  std::vector<std::string> paths;
};

Status LearnTsv(const std::string& path, std::vector<std::pair<std::string, std::uint64_t>>* tsv) {
  Result<History> h = History::LoadTsv(path);
  if (!h.ok()) return h.status();
  h->ForEachDomain([&](const std::string& d, std::uint64_t n) { tsv->emplace_back(d, n); });
  h->ForEachAddress([&](const std::string& a, std::uint64_t n) { tsv->emplace_back(a, n); });
  return OkStatus();
}

// Where what is read goes: domain and address counts, and per-sender
// counts, handed to the store in batches as they fill up.
struct Learning {
  HistoryCollector history;
  ContactCollector contacts;
  // Each message's recipients together, counted as the sender's group.
  MessageGroups groups{[this](const std::string& sender, const std::vector<std::string>& to) {
    contacts.AddGroup(sender, to);
    if (contacts.full()) Flush();
  }};
  ContactStore* store = nullptr;
  Status flushed;  // the first batch the store refused
  std::uint64_t pairs = 0;

  void Add(const SentRecipient& e) {
    if (!history.AddRecipient(e.message, e.recipient) || e.sender.empty()) return;
    contacts.Add(e.sender, e.recipient, e.Time().value_or(""), e.name);
    groups.Add(e.message, e.sender, e.recipient);
    if (contacts.full()) Flush();
  }
  void Flush() {
    ContactBatch b = contacts.Take();
    pairs += b.contacts.size();
    if (Status s = store->AddContacts(b); !s.ok() && flushed.ok()) flushed = s;
  }
};

Status LearnPath(const std::string& path, const std::string& format, Learning* c,
                 std::vector<std::pair<std::string, std::uint64_t>>* tsv, ReadStats* stats) {
  if (format == "tsv") return LearnTsv(path, tsv);
  std::optional<SentFormat> in = ParseSentFormat(format);
  if (!in) {
    Result<SentFormat> detected = DetectSentFormat(path);
    if (!detected.ok()) {
      Result<std::string> head = ReadHead(path, 16384);
      if (head.ok() && head->find('\t') != std::string::npos) return LearnTsv(path, tsv);
      return detected.status();
    }
    in = *detected;
  }
  return ReadSentMail(
      path, *in, ReadOptions{}, [&](const SentRecipient& e) { c->Add(e); }, stats);
}

int RunLearn(const LearnOptions& o) {
  Result<Stores> stores = OpenStores(o.store, {.history = true, .contacts = true});
  if (!stores.ok()) {
    std::cerr << "sendguard learn: " << stores.status().message() << "\n";
    return kExitInputError;
  }
  Learning learning;
  learning.store = stores->contacts.get();
  std::vector<std::pair<std::string, std::uint64_t>> counts;
  ReadStats stats;
  int exit_code = kExitOk;
  for (const std::string& p : o.paths) {
    Status s = LearnPath(p, o.format, &learning, &counts, &stats);
    if (!s.ok()) {
      std::cerr << "sendguard learn: " << s.message() << "\n";
      exit_code = kExitInputError;
    }
  }
  learning.groups.Finish();
  learning.Flush();
  if (!learning.flushed.ok()) {
    std::cerr << "sendguard learn: " << learning.flushed.message() << "\n";
    return kExitInputError;
  }
  std::vector<std::pair<std::string, std::uint64_t>> collected = learning.history.Counts();
  counts.insert(counts.end(), collected.begin(), collected.end());
  if (Status s = stores->history->AddHistory(counts); !s.ok()) {
    std::cerr << "sendguard learn: " << s.message() << "\n";
    return kExitInputError;
  }
  std::cerr << "sendguard learn: " << learning.history.messages() << " messages, " << counts.size()
            << " domain and address counts, " << learning.pairs
            << " sender and recipient counts added to " << o.store;
  if (stats.malformed > 0) std::cerr << " (" << stats.malformed << " malformed log lines skipped)";
  if (stats.unreadable > 0) std::cerr << " (" << stats.unreadable << " unreadable messages)";
  std::cerr << "\n";
  // The whole per-sender history again, in the layout judging reads in place.
  const std::string index = ContactIndexPath(o.store);
  Result<std::uint64_t> indexed = WriteContactIndex(*stores->contacts, index);
  if (!indexed.ok()) {
    std::cerr << "sendguard learn: " << indexed.status().message() << "\n";
    return kExitInputError;
  }
  std::cerr << "sendguard learn: contact index of " << *indexed << " pairs written to " << index
            << "\n";
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
