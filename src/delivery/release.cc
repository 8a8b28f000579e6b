#include "delivery/release.h"

namespace sendguard {

std::vector<std::string> SuggestedRecipients(const HeldMessage& h) {
  std::vector<std::string> out;
  for (const std::string& held : h.recipients) {
    std::string to = held;
    for (const auto& [address, suggestion] : h.corrections) {
      if (address == held) to = suggestion;
    }
    out.push_back(to);
  }
  return out;
}

bool HasSuggestion(const HeldMessage& h) { return SuggestedRecipients(h) != h.recipients; }

Result<std::vector<std::string>> ReleaseHeld(QuarantineStore& store, const SmtpRelay& relay,
                                             std::string_view id, ReleaseTo to,
                                             const std::vector<std::string>& addresses,
                                             std::string_view actor) {
  Result<HeldMessage> h = store.Get(id);
  if (!h.ok()) return h.status();
  if (h->status != HeldStatus::kHeld) {
    return FailedPreconditionError("message " + std::string(id) + " is " +
                                   std::string(HeldStatusName(h->status)) + ", not held");
  }
  std::vector<std::string> rcpts;
  switch (to) {
    case ReleaseTo::kAsWritten:
      rcpts = h->recipients;
      break;
    case ReleaseTo::kSuggestion:
      if (!HasSuggestion(*h)) {
        return FailedPreconditionError("message " + std::string(id) +
                                       " has no suggested recipient");
      }
      rcpts = SuggestedRecipients(*h);
      break;
    case ReleaseTo::kAddresses:
      rcpts = addresses;
      break;
  }
  if (rcpts.empty()) {
    return to == ReleaseTo::kAddresses ? InvalidArgumentError("no recipients to release to")
                                       : FailedPreconditionError("no recipients to release to");
  }
  std::string list;
  for (const std::string& r : rcpts) list += (list.empty() ? "" : ", ") + r;
  // The transition comes first: of two concurrent releases, one wins.
  if (Status st = store.Transition(id, HeldStatus::kHeld, HeldStatus::kReleased, actor,
                                   "released to " + list);
      !st.ok()) {
    return st;
  }
  Status sent = SendMail(relay, h->mail_from, rcpts, h->raw);
  if (!sent.ok()) {
    (void)store.Transition(id, HeldStatus::kReleased, HeldStatus::kHeld, actor,
                           "release failed: " + sent.message());
    (void)store.AddEvent("release-failed", id, actor, sent.message());
    return UnavailableError("the relay did not take the message: " + sent.message());
  }
  return rcpts;
}

Status DeleteHeld(QuarantineStore& store, std::string_view id, std::string_view actor) {
  Result<HeldMessage> h = store.Get(id);
  if (!h.ok()) return h.status();
  return store.Transition(id, HeldStatus::kHeld, HeldStatus::kDeleted, actor, "deleted");
}

}  // namespace sendguard
