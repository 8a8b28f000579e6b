// Senders' contacts looked up by those who judge recipients, through a
// bounded cache: the per-sender history of a large organisation (10^8
// sender/recipient pairs) is never loaded whole into a process.

#ifndef SENDGUARD_CONTACTS_CONTACT_CACHE_H_
#define SENDGUARD_CONTACTS_CONTACT_CACHE_H_

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "contacts/sender_contacts.h"
#include "sendguard/status.h"

namespace sendguard {

// Where judging finds what a sender has written to.
class ContactSource {
 public:
  virtual ~ContactSource() = default;
  // The contacts of `sender` (an address, any case); null when nothing is
  // known of that sender. An error when they cannot be read (the store is
  // lost): a mail filter then follows its failure mode. Thread-safe.
  virtual Result<std::shared_ptr<const ContactView>> Contacts(std::string_view sender) const = 0;
};

// The lower-cased bare address a sender is looked up by ("<Ann@X>" gives
// "ann@x"); empty for the null sender.
std::string SenderKey(std::string_view sender);

// Reads one sender's contacts from a store: nullopt when the store knows
// nothing of the sender. Called by one thread at a time.
using ContactLoader =
    std::function<Result<std::optional<SenderContacts>>(const std::string& sender)>;

// A ContactSource over a loader that keeps the most recently used senders'
// contacts, up to `max_bytes` (senders known to have none count too). What
// the loader fails to read is not cached.
class ContactCache : public ContactSource {
 public:
  ContactCache(ContactLoader load, std::size_t max_bytes);

  Result<std::shared_ptr<const ContactView>> Contacts(std::string_view sender) const override;

  // Drops what is kept of `senders` (addresses, any case), whose contacts
  // changed in the store: the next look-up reads them again. A load under
  // way when this is called is not kept either.
  void Forget(const std::vector<std::string>& senders);

  struct Stats {
    std::uint64_t hits = 0, misses = 0, evictions = 0;
    std::size_t bytes = 0, senders = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::shared_ptr<const SenderContacts> contacts;  // null: none known
    std::size_t bytes = 0;
    std::list<std::string>::iterator lru;
  };
  void Insert(const std::string& sender, std::shared_ptr<const SenderContacts> c,
              std::uint64_t generation) const;

  ContactLoader load_;
  std::size_t max_bytes_;
  mutable std::mutex mu_;       // the map, the order and the stats
  mutable std::mutex load_mu_;  // one load at a time
  mutable std::unordered_map<std::string, Entry> entries_;
  mutable std::list<std::string> order_;  // most recent first
  mutable Stats stats_;
  mutable std::uint64_t generation_ = 0;  // Forget calls so far
};

}  // namespace sendguard

#endif  // SENDGUARD_CONTACTS_CONTACT_CACHE_H_
