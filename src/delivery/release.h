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

// The held recipients with each replaced by its suggested correction, when
// the stored decision has one.
std::vector<std::string> SuggestedRecipients(const HeldMessage& held);

// Whether any held recipient has a suggested correction.
bool HasSuggestion(const HeldMessage& held);

enum class ReleaseTo {
  kAsWritten,   // the recipients that were held
  kSuggestion,  // their suggested corrections
  kAddresses,   // the addresses given
};

// Delivers the held message `id` through `relay` and records `actor`.
// Returns the addresses it went to. NotFound for an unknown id;
// InvalidArgument when it is no longer held (released or deleted already:
// a message is released at most once) or `to` is kSuggestion without
// suggestions; Unavailable when the relay refused (the message is held again).
Result<std::vector<std::string>> ReleaseHeld(QuarantineStore& store, const SmtpRelay& relay,
                                             std::string_view id, ReleaseTo to,
                                             const std::vector<std::string>& addresses,
                                             std::string_view actor);

// Marks the held message `id` deleted (it is kept, for the audit trail).
Status DeleteHeld(QuarantineStore& store, std::string_view id, std::string_view actor);

}  // namespace sendguard

#endif  // SENDGUARD_DELIVERY_RELEASE_H_
