#include "audit/audit_output.h"

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>

namespace sendguard {
namespace {

using json = nlohmann::ordered_json;

json Strings(const std::set<std::string>& s) {
  return json(std::vector<std::string>(s.begin(), s.end()));
}

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json SummaryJson(const AuditReport& r) {
  const AuditSummary& s = r.summary;
  json intended = json::array();
  for (const IntendedTotals& t : r.intended) {
    intended.push_back({{"domain", t.domain},
                        {"suspect_domains", t.suspects},
                        {"messages", t.messages},
                        {"senders", t.senders},
                        {"first_seen", OrNull(t.first_seen)},
                        {"last_seen", OrNull(t.last_seen)}});
  }
  return {{"files", s.files},
          {"lines", s.read.lines},
          {"bytes", s.read.bytes},
          {"malformed_lines", s.read.malformed},
          {"mailbox_messages", s.read.messages},
          {"unreadable_messages", s.read.unreadable},
          {"deliveries", s.read.deliveries},
          {"history", s.learned_history ? "learned from the inputs" : "given"},
          {"history_domains", s.history_domains},
          {"domains_seen", s.domains_seen},
          {"suspect_domains", s.suspect_domains},
          {"suspect_messages", s.suspect_messages},
          {"suspect_deliveries", s.suspect_deliveries},
          {"suspect_senders", s.suspect_senders},
          {"first_seen", OrNull(s.first_seen)},
          {"last_seen", OrNull(s.last_seen)},
          {"before_since", s.before_since},
          {"undated", s.undated},
          {"per_day", s.per_day},
          {"intended", intended},
          {"errors", s.errors}};
}

std::string Join(const std::set<std::string>& s, const char* sep) {
  std::string out;
  for (const std::string& x : s) {
    if (!out.empty()) out += sep;
    out += x;
  }
  return out;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Day(const std::string& time) { return time.substr(0, 10); }

std::string Count(std::uint64_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

void WriteAuditJson(const AuditReport& r, std::ostream& out) {
  for (const SuspectDomain& s : r.suspects) {
    json j = {{"domain", s.domain},
              {"intended", s.intended},
              {"reason", s.reason},
              {"detail", s.detail},
              {"risk", s.risk},
              {"messages", s.messages},
              {"deliveries", s.deliveries},
              {"senders", s.senders.size()},
              {"sender_addresses", Strings(s.senders)},
              {"recipients", Strings(s.recipients)},
              {"recipient_count", s.recipient_count},
              {"first_seen", OrNull(s.first_seen)},
              {"last_seen", OrNull(s.last_seen)},
              {"relays", Strings(s.relays)},
              {"per_day", s.per_day}};
    out << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
  out << json{{"summary", SummaryJson(r)}}.dump(-1, ' ', false, json::error_handler_t::replace)
      << "\n";
}

void WriteAuditCsv(const AuditReport& r, std::ostream& out) {
  out << "domain,intended,reason,risk,messages,deliveries,senders,recipients,first_seen,"
         "last_seen,relays,sender_addresses\n";
  for (const SuspectDomain& s : r.suspects) {
    out << CsvField(s.domain) << ',' << CsvField(s.intended) << ',' << s.reason << ',' << s.risk
        << ',' << s.messages << ',' << s.deliveries << ',' << s.senders.size() << ','
        << s.recipient_count << ',' << s.first_seen << ',' << s.last_seen << ','
        << CsvField(Join(s.relays, ";")) << ',' << CsvField(Join(s.senders, ";")) << "\n";
  }
}

void WriteAuditTable(const AuditReport& r, std::ostream& out) {
  const AuditSummary& sum = r.summary;
  if (r.suspects.empty()) {
    out << "No deliveries to typo or lookalike domains found.\n";
  } else {
    std::size_t w_domain = 14, w_intended = 9;
    for (const SuspectDomain& s : r.suspects) {
      w_domain = std::max(w_domain, s.domain.size());
      w_intended = std::max(w_intended, s.intended.size());
    }
    auto row = [&](const std::string& a, const std::string& b, const std::string& c,
                   const std::string& d, const std::string& e, const std::string& f,
                   const std::string& g, const std::string& h) {
      out << std::left << std::setw(static_cast<int>(w_domain)) << a << "  "
          << std::setw(static_cast<int>(w_intended)) << b << "  " << std::setw(11) << c << "  "
          << std::right << std::setw(8) << d << "  " << std::setw(7) << e << "  " << std::left
          << std::setw(10) << f << "  " << std::setw(10) << g << "  " << h << "\n";
    };
    row("SUSPECT DOMAIN", "MEANT FOR", "REASON", "MESSAGES", "SENDERS", "FIRST SEEN", "LAST SEEN",
        "RELAYS");
    for (const SuspectDomain& s : r.suspects) {
      row(s.domain, s.intended, s.reason, std::to_string(s.messages),
          std::to_string(s.senders.size()), Day(s.first_seen), Day(s.last_seen),
          Join(s.relays, ","));
    }
    out << "\nBy intended domain:\n";
    for (const IntendedTotals& t : r.intended) {
      out << "  " << t.domain << ": " << Count(t.messages, "message") << " from "
          << Count(t.senders, "sender") << " to " << Count(t.suspects.size(), "lookalike domain")
          << "\n";
    }
  }
  out << "\n"
      << Count(sum.suspect_messages, "suspect message") << " (" << sum.suspect_deliveries
      << (sum.suspect_deliveries == 1 ? " delivery" : " deliveries") << ") from "
      << Count(sum.suspect_senders, "sender") << " to "
      << Count(sum.suspect_domains, "suspect domain");
  if (!sum.first_seen.empty()) out << ", " << Day(sum.first_seen) << " to " << Day(sum.last_seen);
  out << ".\nRead " << sum.files << " input" << (sum.files == 1 ? "" : "s") << ": "
      << sum.read.lines << " log lines, " << sum.read.messages << " mailbox messages, "
      << sum.read.deliveries << " deliveries to " << sum.domains_seen << " domains; "
      << sum.read.malformed << " malformed lines";
  if (sum.read.unreadable > 0) out << ", " << sum.read.unreadable << " unreadable messages";
  if (sum.before_since > 0) out << ", " << sum.before_since << " deliveries before --since";
  out << ".\nEstablished domains: " << sum.history_domains
      << (sum.learned_history ? " learned from the inputs" : " from the given history") << ".\n";
  for (const std::string& e : sum.errors) out << "error: " << e << "\n";
}

}  // namespace sendguard
