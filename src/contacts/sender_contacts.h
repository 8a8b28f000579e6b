// Whom one sender writes to: the addresses, how often and since when, and
// the display names each was given. What a recipient is judged against
// when "this sender never wrote to that address" matters.

#ifndef SENDGUARD_CONTACTS_SENDER_CONTACTS_H_
#define SENDGUARD_CONTACTS_SENDER_CONTACTS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// One address a sender has written to.
struct Contact {
  std::string address;  // lower-cased
  std::uint64_t messages = 0;
  std::string first_seen;  // "YYYY-MM-DD HH:MM:SS" (UTC); "" when unknown
  std::string last_seen;
  std::vector<std::string> names;  // display names seen for it, as NameKey() made them
};

// What judging asks of one sender's contacts. Implemented in memory
// (SenderContacts) and over the on-disk index (ContactIndex), which must
// answer alike. Immutable; safe to share between threads.
class ContactView {
 public:
  // A contact as judging sees it: views into the implementation, valid as
  // long as it is.
  struct Known {
    std::string_view address;
    std::uint64_t messages = 0;
  };
  using DomainVisitor = std::function<void(std::string_view address, std::uint64_t messages)>;

  virtual ~ContactView() = default;
  // Whether the sender wrote to `address` (lower-cased).
  virtual bool Knows(std::string_view address) const = 0;
  // Calls `visit` for each contact at `domain` (lower-case ASCII), in
  // address order.
  virtual void ForEachInDomain(std::string_view domain, const DomainVisitor& visit) const = 0;
  // The busiest contact at another address than `except` that goes by
  // `name_key` (a NameKey), as a display name or spelled by its local part
  // (the first in (domain, address) order among equals); nullopt when none.
  virtual std::optional<Known> Named(std::string_view name_key, std::string_view except) const = 0;
  // The messages the sender sent to exactly the recipients whose
  // RecipientGroupSignature is `signature`; 0 when none.
  virtual std::uint64_t GroupMessages(std::uint64_t signature) const = 0;
  virtual bool empty() const = 0;
};

// Messages from one sender to one set of recipients.
struct GroupCount {
  std::uint64_t signature = 0;  // RecipientGroupSignature of the set
  std::uint64_t messages = 0;
};

// A sender's contacts in memory, searchable by address, by domain and by
// name.
class SenderContacts : public ContactView {
 public:
  SenderContacts() = default;
  // Lower-cases addresses and merges duplicates (counts add up, the seen
  // times widen, names join).
  explicit SenderContacts(std::vector<Contact> contacts, std::vector<GroupCount> groups = {});

  // The contact at `address` (lower-cased), or null.
  const Contact* Find(std::string_view address) const;
  // The contacts at `domain` (lower-case ASCII), in address order.
  std::span<const Contact> InDomain(std::string_view domain) const;
  // As Named(), the contact itself.
  const Contact* ByName(std::string_view name_key, std::string_view except) const;

  // Every name key a contact goes by (its display names, and the name its
  // local part spells), with the contact's index in contacts(): by key,
  // then busiest first, then in contacts() order.
  struct NameEntry {
    std::string key;
    std::uint32_t contact = 0;
  };
  const std::vector<NameEntry>& names() const { return names_; }

  const std::vector<Contact>& contacts() const { return contacts_; }
  // By signature, each once.
  const std::vector<GroupCount>& groups() const { return groups_; }
  // Rough bytes held, for a cache's budget.
  std::size_t bytes() const;

  bool Knows(std::string_view address) const override { return Find(address) != nullptr; }
  void ForEachInDomain(std::string_view domain, const DomainVisitor& visit) const override;
  std::optional<Known> Named(std::string_view name_key, std::string_view except) const override;
  std::uint64_t GroupMessages(std::uint64_t signature) const override;
  bool empty() const override { return contacts_.empty(); }

 private:
  std::vector<Contact> contacts_;  // by (domain, address)
  std::vector<NameEntry> names_;
  std::vector<GroupCount> groups_;
};

// Recipient sets of this size are counted as groups: fewer is one contact,
// more is a list or a mass mailing.
inline constexpr std::size_t kMinGroup = 2, kMaxGroup = 50;

// A number for a set of recipient addresses (lower-cased; order and
// repetitions do not matter), stable across builds and machines; 0 for a
// set of fewer than kMinGroup or more than kMaxGroup distinct addresses.
std::uint64_t RecipientGroupSignature(std::vector<std::string> addresses);

// A person's name reduced for comparison: lower-cased words, sorted, one
// space apart ("Smith, John" and "john smith" give "john smith"). Quotes,
// commas, dots and parenthesised comments are dropped. Empty when fewer
// than two words of two or more letters remain: one word names no one.
std::string NameKey(std::string_view display_name);

// The name a local part spells: "john.smith", "john_smith", "smith-john"
// give "john smith"; a sub-address ("+tag") is left out. Empty unless it
// splits into two or more words of letters, two or more each.
std::string LocalPartNameKey(std::string_view local_part);

// The part of `address` before the last '@' without a "+tag"
// sub-address, and the part after it.
std::string_view LocalOf(std::string_view address);
std::string_view DomainOf(std::string_view address);

}  // namespace sendguard

#endif  // SENDGUARD_CONTACTS_SENDER_CONTACTS_H_
