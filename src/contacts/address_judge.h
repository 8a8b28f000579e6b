// Judging each recipient of one message in context: its domain (typos,
// lookalikes: RecipientAnalyzer), then its address against whom the sender
// writes to and what the organisation mails (address-typo, name-mismatch,
// new-for-sender), then the message as a whole (unusual-recipient,
// many-external-visible).

#ifndef SENDGUARD_CONTACTS_ADDRESS_JUDGE_H_
#define SENDGUARD_CONTACTS_ADDRESS_JUDGE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "contacts/sender_contacts.h"
#include "recipients/history.h"
#include "recipients/recipient_analyzer.h"
#include "recipients/verdict.h"
#include "sendguard/message.h"

namespace sendguard {

// One message's recipients, as they are judged. Views and spans must stay
// valid during the call they are passed to.
struct MessageRecipients {
  std::string_view sender;  // the envelope sender, else From; may be empty
  // What the sender has written to; null when nothing is known of the
  // sender (no sender, or none in the history): no per-sender reasons then.
  const ContactView* contacts = nullptr;
  std::span<const std::string> recipients;  // every recipient, in order
  std::span<const Address> visible;         // To and Cc, with display names
  std::span<const Address> hidden;          // Bcc, for display names only
};

class AddressJudge {
 public:
  // `domains` and `history` must outlive the judge; the options are
  // `domains`' own (per_sender, mailing_lists, role_local_parts, visible_*).
  AddressJudge(const RecipientAnalyzer& domains, const History& history);

  // A verdict per recipient of `m`, in the order of m.recipients.
  // Thread-safe.
  std::vector<RecipientVerdict> JudgeMessage(const MessageRecipients& m) const;

  // One recipient, with the display name the message gives it ("" for none).
  RecipientVerdict Judge(std::string_view address, std::string_view display_name,
                         const MessageRecipients& m) const;

 private:
  struct Target {
    std::string address;
    std::uint64_t messages = 0;
    bool sender_contact = false;
  };
  // The known address at the same domain one slip from `address`'s local
  // part that it was most probably meant for.
  std::optional<Target> NearestAddress(std::string_view address, const ContactView* c) const;
  void JudgeAddress(std::string_view display_name, const MessageRecipients& m,
                    RecipientVerdict* v) const;
  void MarkVisible(const MessageRecipients& m, std::vector<RecipientVerdict>* verdicts) const;
  // unusual-recipient: an external first contact added to recipients the
  // sender mails together; `names` are the recipients' display names.
  void MarkUnusual(const MessageRecipients& m, std::span<const std::string_view> names,
                   std::vector<RecipientVerdict>* verdicts) const;
  // The member of `members` that `address` (with `display_name`) was
  // probably meant for: the same name, the same local part at another
  // domain, or a local part one slip away; nullopt when none is.
  std::optional<std::string> SimilarMember(std::string_view address, std::string_view display_name,
                                           std::span<const std::string> members,
                                           const ContactView& c) const;

  const RecipientAnalyzer& domains_;
  const History& history_;
  const RecipientOptions& options_;
  std::unordered_set<std::string> mailing_lists_;
  std::unordered_set<std::string> roles_;
  // The organisation's addresses at one domain, only those mailed often
  // enough to be typo targets. A one-slip neighbour keeps the first or the
  // last letter (local parts have three or more), so only those two
  // buckets are compared.
  struct DomainAddresses {
    std::vector<std::pair<std::string, std::uint64_t>> locals;  // by (first letter, length)
    std::vector<std::uint32_t> by_last;  // into locals, by (last letter, length)
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, DomainAddresses, Hash, std::equal_to<>> by_domain_;
};

}  // namespace sendguard

#endif  // SENDGUARD_CONTACTS_ADDRESS_JUDGE_H_
