// Durable storage of the per-sender history: messages from each sender to
// each recipient address, first and last seen, and the display names each
// address was given. Read one sender at a time, never whole.

#ifndef SENDGUARD_STORE_CONTACT_STORE_H_
#define SENDGUARD_STORE_CONTACT_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "contacts/contact_cache.h"
#include "contacts/contact_collector.h"
#include "contacts/indexed_contacts.h"
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

  // A number that grows with every AddContacts that changed something.
  virtual Result<std::uint64_t> Version() = 0;
  // The senders (lower-cased) whose contacts changed after `version`.
  virtual Result<std::vector<std::string>> ChangedSince(std::uint64_t version) = 0;
  // Every sender with contacts, lower-cased.
  virtual Result<std::vector<std::string>> Senders() = 0;
};

// Tables in the SQLite file `path` (created when missing), beside the
// other stores': addresses numbered once, pairs keyed by (sender,
// recipient) numbers, so that one sender's contacts are one range read.
Result<std::unique_ptr<ContactStore>> OpenSqliteContactStore(const std::string& path);

// A thread-safe ContactSource reading `store` through a cache of at most
// `cache_bytes`.
std::shared_ptr<ContactCache> CachedContacts(std::unique_ptr<ContactStore> store,
                                             std::size_t cache_bytes);

// Writes the contact index of everything in `store` to `index_path`, one
// sender at a time (see ContactIndex); returns the pairs written.
Result<std::uint64_t> WriteContactIndex(ContactStore& store, const std::string& index_path);

// The ContactSource of a process that judges: the index at `index_path`
// when there is one, and `store` (through a cache of `cache_bytes`) for the
// senders changed since it was written. An index that cannot be read, or
// that is newer than the store, is an error naming it (`sendguard learn`
// writes it again).
Result<std::shared_ptr<IndexedContacts>> OpenContacts(std::unique_ptr<ContactStore> store,
                                                      const std::string& index_path,
                                                      std::size_t cache_bytes);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_CONTACT_STORE_H_
