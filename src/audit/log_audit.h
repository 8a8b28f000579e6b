// The retrospective audit: which past deliveries went to domains that look
// like typos or lookalikes of the organisation's established domains, and
// how much went to each.

#ifndef SENDGUARD_AUDIT_LOG_AUDIT_H_
#define SENDGUARD_AUDIT_LOG_AUDIT_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "logs/sent_mail.h"
#include "recipients/history.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/status.h"

namespace sendguard {

struct AuditInput {
  std::string path;
  SentFormat format;
};

struct AuditOptions {
  // Deliveries before this local time ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS")
  // are not reported; they still count towards the learned history.
  std::optional<std::string> since;
  ReadOptions read;  // its progress callback is replaced by `progress`
  // Called during each pass over the inputs (pass 1 of 2 learns the history).
  std::function<void(int pass, int passes, const std::string& path, const ReadStats&)> progress;
  // Recipients and relays kept per suspect domain for the report (all are
  // counted); bounds memory when a typo domain collected a lot.
  std::size_t max_listed = 100;
};

// Everything delivered to one suspect domain.
struct SuspectDomain {
  std::string domain;    // ASCII (punycode for IDNs)
  std::string intended;  // the established domain it was probably meant for
  std::string reason;    // tld-typo, typo, homoglyph, missing-dot
  std::string detail;
  std::string risk;                              // low, medium, high
  std::uint64_t messages = 0;                    // delivered messages, each counted once
  std::uint64_t deliveries = 0;                  // delivered recipients
  std::set<std::string> senders;                 // distinct envelope senders
  std::set<std::string> recipients;              // at most max_listed
  std::uint64_t recipient_count = 0;             // distinct recipients
  std::set<std::string> relays;                  // at most max_listed
  std::string first_seen, last_seen;             // "YYYY-MM-DD HH:MM:SS"
  std::map<std::string, std::uint64_t> per_day;  // "YYYY-MM-DD" → messages
};

struct AuditSummary {
  ReadStats read;
  std::uint64_t files = 0;
  bool learned_history = false;       // established domains came from the inputs
  std::uint64_t history_domains = 0;  // domains the judgement knew
  std::uint64_t domains_seen = 0;     // distinct recipient domains in the period
  std::uint64_t suspect_domains = 0;
  std::uint64_t suspect_messages = 0;  // distinct messages with a suspect recipient
  std::uint64_t suspect_deliveries = 0;
  std::uint64_t suspect_senders = 0;
  std::uint64_t before_since = 0;                // deliveries skipped by --since
  std::uint64_t undated = 0;                     // suspect deliveries with an unreadable time stamp
  std::string first_seen, last_seen;             // of suspect deliveries
  std::map<std::string, std::uint64_t> per_day;  // suspect messages per day
  std::vector<std::string> errors;               // inputs that could not be read
};

// All suspect domains that point at one intended domain.
struct IntendedTotals {
  std::string domain;
  std::vector<std::string> suspects;  // most messages first
  std::uint64_t messages = 0;         // sum over its suspect domains
  std::uint64_t senders = 0;          // distinct over its suspect domains
  std::string first_seen, last_seen;
};

struct AuditReport {
  std::vector<SuspectDomain> suspects;   // most messages first
  std::vector<IntendedTotals> intended;  // most messages first
  AuditSummary summary;
};

// Audits `inputs`. With `history` null, a first pass learns the established
// domains from the inputs themselves (messages per recipient domain); else
// `history` is used and the inputs are read once. Unreadable inputs are
// listed in summary.errors and the others still audited.
AuditReport RunAudit(const std::vector<AuditInput>& inputs, const RecipientOptions& recipients,
                     const History* history, const AuditOptions& options);

}  // namespace sendguard

#endif  // SENDGUARD_AUDIT_LOG_AUDIT_H_
