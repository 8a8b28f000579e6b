#include "recipients/verdict.h"

#include <algorithm>

namespace sendguard {

std::string_view RiskName(Risk risk) {
  switch (risk) {
    case Risk::kNone:
      return "none";
    case Risk::kLow:
      return "low";
    case Risk::kMedium:
      return "medium";
    case Risk::kHigh:
      return "high";
  }
  return "none";
}

void RecipientVerdict::Add(Risk r, std::string code, std::string detail) {
  risk = std::max(risk, r);
  reasons.push_back({std::move(code), std::move(detail)});
}

bool RecipientVerdict::Has(std::string_view code) const {
  return std::any_of(reasons.begin(), reasons.end(),
                     [&](const RecipientReason& r) { return r.code == code; });
}

}  // namespace sendguard
