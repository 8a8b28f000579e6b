// Durable storage of the per-sender history: messages from each sender to
// each recipient address, first and last seen, and the display names each
// address was given. Read one sender at a time, never whole.

#ifndef SENDGUARD_STORE_CONTACT_STORE_H_
#define SENDGUARD_STORE_CONTACT_STORE_H_

#include <memory>
#include <optional>
#include <string>

#include "contacts/contact_cache.h"
#include "contacts/contact_collector.h"
#include "contacts/sender_contacts.h"
#include "sendguard/status.h"

namespace sendguard {

// The contract of every back end, as HistoryStore's: one thread at a time
// per object, several objects (and processes) at once on one store; what
// AddContacts adds adds up, atomically.
class ContactStore {
 public:
  virtual ~ContactStore() = default;
  // Adds the batch's counts: messages add up, first and last seen widen.
  virtual Status AddContacts(const ContactBatch& batch) = 0;
  // What `sender` (lower-cased) wrote to, with the names of those
  // addresses; nullopt when the store knows nothing of the sender.
  virtual Result<std::optional<SenderContacts>> ReadContacts(const std::string& sender) = 0;
};

// Tables in the SQLite file `path` (created when missing), beside the
// other stores': addresses numbered once, pairs keyed by (sender,
// recipient) numbers, so that one sender's contacts are one range read.
Result<std::unique_ptr<ContactStore>> OpenSqliteContactStore(const std::string& path);

// A thread-safe ContactSource reading `store` through a cache of at most
// `cache_bytes`.
std::shared_ptr<ContactSource> CachedContacts(std::unique_ptr<ContactStore> store,
                                              std::size_t cache_bytes);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_CONTACT_STORE_H_
