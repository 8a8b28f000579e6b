// What judging one recipient concludes: a risk, the reasons for it and the
// address as it was probably meant.

#ifndef SENDGUARD_RECIPIENTS_VERDICT_H_
#define SENDGUARD_RECIPIENTS_VERDICT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

enum class Risk { kNone = 0, kLow, kMedium, kHigh };
std::string_view RiskName(Risk risk);

struct RecipientReason {
  std::string code;    // tld-typo, typo, homoglyph, missing-dot, invalid-domain,
                       // first-contact, personal-webmail, address-typo,
                       // name-mismatch, new-for-sender, unusual-recipient,
                       // many-external-visible
  std::string detail;  // human-readable
};

struct RecipientVerdict {
  std::string address;
  std::string domain;  // ASCII, lower-case; empty when there is none
  Risk risk = Risk::kNone;
  bool external = true;  // not one of the organisation's own domains
  bool trusted = false;  // one of its own or trusted (partner) domains
  std::vector<RecipientReason> reasons;
  std::optional<std::string> suggestion;  // the address as it was probably meant

  // Adds a reason and raises the risk to at least `risk`.
  void Add(Risk risk, std::string code, std::string detail);
  bool Has(std::string_view code) const;
};

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_VERDICT_H_
