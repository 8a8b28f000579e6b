// Judging each recipient: is the domain a typo or lookalike of the domain
// that was probably meant, and what does the organisation's history say
// about it (first contact, personal webmail, internal or external)?

#ifndef SENDGUARD_RECIPIENTS_RECIPIENT_ANALYZER_H_
#define SENDGUARD_RECIPIENTS_RECIPIENT_ANALYZER_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "recipients/history.h"
#include "recipients/known_domains.h"
#include "recipients/real_domains.h"
#include "recipients/two_slip_index.h"
#include "recipients/typo_index.h"
#include "recipients/verdict.h"

namespace sendguard {

struct RecipientOptions {
  std::vector<std::string> own_domains;        // the organisation's (internal) domains
  std::vector<std::string> trusted_domains;    // partners: never typos, never first contact
  std::vector<std::string> protected_domains;  // typo targets even without history
  // Suffixes whose one-edit neighbours are typos even with no history.
  std::vector<std::string> sensitive_suffixes = {BuiltinSensitiveSuffixes().begin(),
                                                 BuiltinSensitiveSuffixes().end()};
  std::vector<std::string> extra_webmail_domains;
  // Whether the bundled lists of real domains (RealDomains::Bundled(): US
  // .gov and .mil) are typo targets without history.
  bool bundled_domains = true;
  // A near domain is only a typo target when it has at least this many times
  // the candidate's messages: partner1.com (500) and partner11.com (400) are
  // both legitimate, army.ml (30) next to army.mil (9000) is not.
  double min_ratio = 20.0;
  // A history domain below this many messages is not a typo target.
  std::uint64_t min_intended_messages = 5;
  // A domain with this many messages is established: never flagged as a typo.
  std::uint64_t established_messages = 1000;
  // How many of the busiest established domains with long labels are
  // targets of two slips (blackbelly.com.bd for blackberry.com.bd).
  std::size_t two_slip_targets = 4096;

  // Judging the address against whom its sender writes to (address-typo,
  // name-mismatch, new-for-sender), when the sender's history is known.
  bool per_sender = true;
  // The organisation's mailing lists: never judged against a sender.
  std::vector<std::string> mailing_lists;
  // Local parts of role addresses, legitimate however near a known one.
  std::vector<std::string> role_local_parts = {
      "info",    "sales", "support", "admin", "contact",   "office",     "help",
      "billing", "hr",    "jobs",    "press", "media",     "marketing",  "accounts",
      "finance", "legal", "orders",  "abuse", "noc",       "postmaster", "webmaster",
      "service", "team",  "hello",   "mail",  "enquiries", "inquiries",  "reception"};
  // A message with more external addresses than this in To and Cc, from
  // more domains than visible_domains, shows them all to each other.
  std::size_t visible_external = 10;
  std::size_t visible_domains = 3;
  // Memory for the senders' histories read from the store, most recent kept.
  std::size_t contact_cache_mb = 256;
};

// What else is known about the message a recipient is judged for. Not used
// yet: the verdict depends on the address alone. It is here so that
// judging by the sender ("whom this sender writes to") changes no
// signature. Views must stay valid during the Analyze call.
struct RecipientQuery {
  std::string_view sender;  // the envelope sender, else the From address; may be empty
  // Every recipient of the message, the judged one included; may be empty.
  std::span<const std::string> recipients;
};

class RecipientAnalyzer {
 public:
  // Builds the typo index over the history's domains, the configured
  // domains and the built-in ones. `history` must outlive the analyzer.
  RecipientAnalyzer(RecipientOptions options, const History& history);
  ~RecipientAnalyzer();

  // Judges one recipient address of the message `query` describes.
  // Thread-safe.
  RecipientVerdict Analyze(std::string_view address, const RecipientQuery& query) const;

  const TypoIndex& index() const { return *index_; }
  const RecipientOptions& options() const { return options_; }

 private:
  struct Scored;
  bool IsOwn(const DomainName& d) const;
  bool IsTrusted(const DomainName& d) const;
  bool IsWebmail(const DomainName& d) const;
  bool IsReal(const DomainName& d) const;  // in the bundled lists
  // The likeliest intended domain for the probed candidate. A candidate
  // that is itself real (bundled) is only measured against history.
  std::optional<Scored> BestNearMiss(const TypoIndex::Probe& probe,
                                     std::uint64_t candidate_messages, bool candidate_real) const;
  // A suffix one slip from a sensitive one (army.ml for .mil) with no real
  // domain to suggest: a weak reason of its own.
  std::optional<Scored> NearSensitiveSuffix(const DomainName& d) const;
  // A first contact two slips from a busy domain's long label.
  std::optional<Scored> TwoSlips(const DomainName& d) const;
  void BuildTwoSlipIndex();

  RecipientOptions options_;
  const History& history_;
  void MarkQuietHistoryDomains();

  std::unique_ptr<TypoIndex> index_;
  std::unique_ptr<TwoSlipIndex> two_slips_;
  // Per index entry: 1 when the history domain, looked up exactly, is near
  // no domain with enough more traffic (BestNearMiss finds nothing), worked
  // out once at construction: a known domain then costs one probe instead
  // of a search, with the same verdict.
  std::vector<std::uint8_t> quiet_;
  std::unordered_set<std::string> webmail_;
};

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_RECIPIENT_ANALYZER_H_
