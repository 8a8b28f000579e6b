// Releasing and deleting held messages: the one place that moves a message
// out of the quarantine, for the command line, the console and senders'
// links alike. A release that the relay refuses puts the message back in
// the quarantine, so that nothing is lost.

#ifndef SENDGUARD_DELIVERY_RELEASE_H_
#define SENDGUARD_DELIVERY_RELEASE_H_

#include <string>
#include <string_view>
#include <vector>

#include "delivery/smtp_sender.h"
#include "sendguard/status.h"
#include "store/quarantine_store.h"

namespace sendguard {

// The held recipients with each replaced by its suggested correction
// (held.corrections), when it has one.
std::vector<std::string> SuggestedRecipients(const HeldMessage& held);

// Whether any held recipient has a suggested correction.
bool HasSuggestion(const HeldMessage& held);

enum class ReleaseTo {
  kAsWritten,   // the recipients that were held
  kSuggestion,  // their suggested corrections
  kAddresses,   // the addresses given
};

// Delivers the held message `id` through `relay` and records `actor`: the
// message is released, with the note "released to <addresses>". Returns the
// addresses it went to. NotFound for an unknown id; FailedPrecondition when
// it is no longer held (released or deleted already: a message is released
// at most once), `to` is kSuggestion without suggestions, or kAsWritten and
// it has no recipients; InvalidArgument for kAddresses with no `addresses`;
// Unavailable when the relay refused (the message is held again, with a
// "release-failed" event).
Result<std::vector<std::string>> ReleaseHeld(QuarantineStore& store, const SmtpRelay& relay,
                                             std::string_view id, ReleaseTo to,
                                             const std::vector<std::string>& addresses,
                                             std::string_view actor);

// Marks the held message `id` deleted (it is kept, for the audit trail).
// NotFound for an unknown id; FailedPrecondition when it is no longer held.
Status DeleteHeld(QuarantineStore& store, std::string_view id, std::string_view actor);

}  // namespace sendguard

#endif  // SENDGUARD_DELIVERY_RELEASE_H_
