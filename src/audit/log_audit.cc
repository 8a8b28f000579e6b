#include "audit/log_audit.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "recipients/domain.h"
#include "util/strings.h"

namespace sendguard {
namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

// The lower-case ASCII domain of `address` in `*buf`; false when it has none.
// ASCII domains are only lower-cased (the hot path); others go through IDNA.
bool DomainKey(std::string_view address, std::string* buf) {
  std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at + 1 >= address.size()) return false;
  std::string_view d = address.substr(at + 1);
  while (!d.empty() && (d.back() == '.' || d.back() == '>')) d.remove_suffix(1);
  if (d.empty()) return false;
  buf->resize(d.size());
  for (std::size_t i = 0; i < d.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(d[i]);
    if (c >= 0x80) {
      Result<DomainName> parsed = ParseDomain(d);
      if (!parsed.ok()) return false;
      *buf = parsed->ascii;
      return true;
    }
    (*buf)[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return true;
}

// The message a delivery belongs to: queue ids are reused by MTAs over
// time, so the sender is part of the key.
std::string MessageKey(const SentRecipient& e) {
  std::string key(e.message);
  key.push_back('\x1f');
  key.append(e.sender);
  return key;
}

// "YYYY-MM-DD" → "YYYY-MM-DD 00:00:00"; full stamps unchanged.
std::string SinceBound(const std::string& since) {
  return since.size() == 10 ? since + " 00:00:00" : since;
}

// Messages per recipient domain, each message counted once per domain.
class DomainCounter {
 public:
  void Add(const SentRecipient& e) {
    if (!DomainKey(e.recipient, &key_)) return;
    auto it = counts_.find(std::string_view(key_));
    if (it == counts_.end()) it = counts_.emplace(key_, Entry{}).first;
    if (it->second.last_message != e.message || it->second.messages == 0) {
      ++it->second.messages;
      it->second.last_message.assign(e.message);
    }
  }
  History ToHistory() const {
    History h;
    for (const auto& [domain, entry] : counts_) h.Add(domain, entry.messages);
    h.Finish();
    return h;
  }

 private:
  struct Entry {
    std::uint64_t messages = 0;
    std::string last_message;  // deliveries of one message come together
  };
  StringMap<Entry> counts_;
  std::string key_;
};

bool IsLookalike(const RecipientVerdict& v, const RecipientReason** reason) {
  if (!v.suggestion) return false;
  for (const RecipientReason& r : v.reasons) {
    if (r.code == "tld-typo" || r.code == "typo" || r.code == "homoglyph" ||
        r.code == "missing-dot") {
      *reason = &r;
      return true;
    }
  }
  return false;
}

class Auditor {
 public:
  Auditor(const RecipientAnalyzer& analyzer, const AuditOptions& options, AuditReport* report)
      : analyzer_(analyzer), options_(options), report_(report) {
    if (options.since) since_ = SinceBound(*options.since);
  }

  void Visit(const SentRecipient& e) {
    std::optional<std::string> time;
    if (!since_.empty()) {
      time = CachedTime(e);
      if (time && *time < since_) {
        ++report_->summary.before_since;
        return;
      }
    }
    if (!DomainKey(e.recipient, &key_)) return;
    auto it = judged_.find(std::string_view(key_));
    // Verdicts depend on the domain alone (the sender is passed along but not
    // used yet), so each domain is judged once, for its first delivery.
    if (it == judged_.end()) it = judged_.emplace(key_, Judge(e)).first;
    if (it->second < 0) return;
    SuspectDomain& s = report_->suspects[static_cast<std::size_t>(it->second)];
    if (!time) time = e.Time();
    Record(e, time, &s, &messages_[static_cast<std::size_t>(it->second)]);
  }

  void Finish() {
    AuditSummary& sum = report_->summary;
    sum.domains_seen = judged_.size();
    sum.suspect_messages = all_messages_.size();
    sum.suspect_senders = all_senders_.size();
    std::vector<SuspectDomain>& v = report_->suspects;
    std::erase_if(v, [](const SuspectDomain& s) { return s.deliveries == 0; });
    std::sort(v.begin(), v.end(), [](const SuspectDomain& a, const SuspectDomain& b) {
      return a.messages != b.messages ? a.messages > b.messages : a.domain < b.domain;
    });
    sum.suspect_domains = v.size();
    Totals();
  }

 private:
  int Judge(const SentRecipient& e) {
    RecipientVerdict v = analyzer_.Analyze(e.recipient, RecipientQuery{e.sender, {}});
    const RecipientReason* reason = nullptr;
    if (!IsLookalike(v, &reason)) return -1;
    SuspectDomain s;
    s.domain = v.domain;
    s.intended = std::string(AddressDomainPart(*v.suggestion));
    s.reason = reason->code;
    s.detail = reason->detail;
    s.risk = std::string(RiskName(v.risk));
    report_->suspects.push_back(std::move(s));
    messages_.emplace_back();
    return static_cast<int>(report_->suspects.size() - 1);
  }

  void Totals() {
    std::map<std::string, IntendedTotals> by;
    std::map<std::string, std::set<std::string>> senders;
    for (const SuspectDomain& s : report_->suspects) {
      IntendedTotals& t = by[s.intended];
      t.domain = s.intended;
      t.suspects.push_back(s.domain);
      t.messages += s.messages;
      senders[s.intended].insert(s.senders.begin(), s.senders.end());
      if (!s.first_seen.empty() && (t.first_seen.empty() || s.first_seen < t.first_seen))
        t.first_seen = s.first_seen;
      if (s.last_seen > t.last_seen) t.last_seen = s.last_seen;
    }
    for (auto& [domain, t] : by) {
      t.senders = senders[domain].size();
      report_->intended.push_back(std::move(t));
    }
    std::sort(report_->intended.begin(), report_->intended.end(),
              [](const IntendedTotals& a, const IntendedTotals& b) {
                return a.messages != b.messages ? a.messages > b.messages : a.domain < b.domain;
              });
  }

  std::optional<std::string> CachedTime(const SentRecipient& e) {
    if (e.stamp != last_stamp_ || !last_time_) {
      last_stamp_.assign(e.stamp);
      last_time_ = e.Time();
    }
    return last_time_;
  }

  void Record(const SentRecipient& e, const std::optional<std::string>& time, SuspectDomain* s,
              std::unordered_set<std::string>* domain_messages) {
    AuditSummary& sum = report_->summary;
    ++s->deliveries;
    ++sum.suspect_deliveries;
    std::string key = MessageKey(e);
    bool new_for_domain = domain_messages->insert(key).second;
    bool new_overall = all_messages_.insert(key).second;
    if (new_for_domain) ++s->messages;
    std::string sender = AsciiLower(e.sender);
    if (!sender.empty()) {
      s->senders.insert(sender);
      all_senders_.insert(sender);
    }
    std::string recipient = AsciiLower(TrimWhitespace(e.recipient));
    if (!s->recipients.contains(recipient)) {
      ++s->recipient_count;  // exact while under the cap; a lower bound past it
      if (s->recipients.size() < options_.max_listed) s->recipients.insert(recipient);
    }
    if (!e.relay.empty() && s->relays.size() < options_.max_listed) {
      s->relays.insert(AsciiLower(e.relay));
    }
    if (!time) {
      ++sum.undated;
      return;
    }
    auto widen = [&](std::string* first, std::string* last) {
      if (first->empty() || *time < *first) *first = *time;
      if (last->empty() || *time > *last) *last = *time;
    };
    widen(&s->first_seen, &s->last_seen);
    widen(&sum.first_seen, &sum.last_seen);
    std::string day = time->substr(0, 10);
    if (new_for_domain) ++s->per_day[day];
    if (new_overall) ++sum.per_day[day];
  }

  const RecipientAnalyzer& analyzer_;
  const AuditOptions& options_;
  AuditReport* report_;
  std::string since_;
  std::string key_;
  std::string last_stamp_;
  std::optional<std::string> last_time_;
  StringMap<int> judged_;  // domain → index in report_->suspects, or -1
  std::vector<std::unordered_set<std::string>> messages_;  // per suspect
  std::unordered_set<std::string> all_messages_;
  std::set<std::string> all_senders_;
};

void ReadAll(const std::vector<AuditInput>& inputs, const ReadOptions& read,
             const SentVisitor& visit, ReadStats* stats, std::vector<std::string>* errors) {
  for (const AuditInput& in : inputs) {
    Status s = ReadSentMail(in.path, in.format, read, visit, stats);
    if (!s.ok() && errors != nullptr) errors->push_back(s.message());
  }
}

}  // namespace

AuditReport RunAudit(const std::vector<AuditInput>& inputs, const RecipientOptions& recipients,
                     const History* history, const AuditOptions& options) {
  AuditReport report;
  report.summary.files = inputs.size();
  const int passes = history == nullptr ? 2 : 1;
  auto read_for = [&](int pass) {
    ReadOptions read = options.read;
    read.senders = pass == passes;  // learning needs recipients only
    read.progress = nullptr;
    if (options.progress) {
      read.progress = [&options, pass, passes](const std::string& path, const ReadStats& st) {
        options.progress(pass, passes, path, st);
      };
    }
    return read;
  };
  History learned;
  if (history == nullptr) {
    DomainCounter counter;
    ReadStats first_pass;
    ReadAll(
        inputs, read_for(1), [&](const SentRecipient& e) { counter.Add(e); }, &first_pass, nullptr);
    learned = counter.ToHistory();
    history = &learned;
    report.summary.learned_history = true;
  }
  report.summary.history_domains = history->domain_count();
  RecipientAnalyzer analyzer(recipients, *history);
  Auditor auditor(analyzer, options, &report);
  ReadAll(
      inputs, read_for(passes), [&](const SentRecipient& e) { auditor.Visit(e); },
      &report.summary.read, &report.summary.errors);
  auditor.Finish();
  return report;
}

}  // namespace sendguard
