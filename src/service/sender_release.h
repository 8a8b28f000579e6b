// What the sender of a held message may do from the page behind their
// signed link: send it to the suggested recipients, or as written. A
// sender's release never goes past a rule an administrator must lift: the
// whole policy is applied again to the message as it would go out, and only
// the rules about recipients alone, which a sender sending as written
// vouches for, are left out.

#ifndef SENDGUARD_SERVICE_SENDER_RELEASE_H_
#define SENDGUARD_SERVICE_SENDER_RELEASE_H_

#include <string>

#include "delivery/release.h"
#include "sendguard/status.h"
#include "service/checker.h"
#include "store/quarantine_store.h"

namespace sendguard {

// Whether the sender may release, and if not, why.
struct SenderVerdict {
  bool allowed = false;
  std::string rule = {};    // the rule that still holds or rejects it; "" when none does
  std::string reason = {};  // for the sender; "" when allowed
};

// Judges a release of `held` by its sender to `to` (kAsWritten or
// kSuggestion; kAddresses is never allowed). As written needs
// `as_written_allowed` (http.sender_can_send_as_written) and a hold by a
// rule about recipients alone that is still configured; the message is then
// judged for its held recipients without the recipient-only rules that at
// most hold. To the suggestion, it is judged for the suggested recipients
// by every rule. Allowed only when the policy's action (enforced or not) is
// below hold. FailedPrecondition when there is no suggestion to send to;
// InvalidArgument or Internal when the held bytes cannot be judged again
// (the caller must refuse the release). Records nothing. Thread-safe.
Result<SenderVerdict> JudgeSenderRelease(const Checker& checker, const HeldMessage& held,
                                         ReleaseTo to, bool as_written_allowed);

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_SENDER_RELEASE_H_
