// Where a decision was asked for: mail on its way out, or a draft a mail
// client checks before it is sent. The records keep the two apart, so a
// draft checked and then sent is not counted as two messages.

#ifndef SENDGUARD_SERVICE_ORIGIN_H_
#define SENDGUARD_SERVICE_ORIGIN_H_

#include <string_view>

namespace sendguard {

enum class Origin {
  kMailFlow,  // the milter: the MTA waits for the decision
  kCheck,     // POST /api/v1/check: a draft, nothing is delivered or held
};

// "milter" or "check", as the decision journal writes it.
constexpr std::string_view OriginName(Origin origin) {
  return origin == Origin::kCheck ? "check" : "milter";
}

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_ORIGIN_H_
