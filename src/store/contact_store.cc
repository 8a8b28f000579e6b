#include "store/contact_store.h"

namespace sendguard {

std::shared_ptr<ContactCache> CachedContacts(std::unique_ptr<ContactStore> store,
                                             std::size_t cache_bytes) {
  std::shared_ptr<ContactStore> shared(std::move(store));
  return std::make_shared<ContactCache>(
      [shared](const std::string& sender) { return shared->ReadContacts(sender); }, cache_bytes);
}

Result<std::uint64_t> WriteContactIndex(ContactStore& store, const std::string& index_path) {
  // The version first: what changes while the index is written is newer
  // than it, and read from the store by OpenContacts.
  Result<std::uint64_t> version = store.Version();
  if (!version.ok()) return version.status();
  Result<std::vector<std::string>> senders = store.Senders();
  if (!senders.ok()) return senders.status();
  Result<std::unique_ptr<ContactIndexWriter>> writer = ContactIndexWriter::Create(index_path);
  if (!writer.ok()) return writer.status();
  std::uint64_t pairs = 0;
  for (const std::string& sender : *senders) {
    Result<std::optional<SenderContacts>> c = store.ReadContacts(sender);
    if (!c.ok()) return c.status();
    if (!c->has_value()) continue;
    if (Status s = (*writer)->Add(sender, **c); !s.ok()) return s;
    pairs += (*c)->contacts().size();
  }
  if (Status s = (*writer)->Finish(*version); !s.ok()) return s;
  return pairs;
}

Result<std::shared_ptr<IndexedContacts>> OpenContacts(std::unique_ptr<ContactStore> store,
                                                      const std::string& index_path,
                                                      std::size_t cache_bytes) {
  Result<std::uint64_t> version = store->Version();
  if (!version.ok()) return version.status();
  std::shared_ptr<const ContactIndex> index;
  std::vector<std::string> changed;
  if (Result<std::shared_ptr<const ContactIndex>> i = ContactIndex::Open(index_path); i.ok()) {
    if ((*i)->version() > *version) {
      return FailedPreconditionError("the contact index " + index_path +
                                     " is newer than its store (was the store restored?); "
                                     "remove it or run sendguard learn to write it again");
    }
    Result<std::vector<std::string>> c = store->ChangedSince((*i)->version());
    if (!c.ok()) return c.status();
    index = std::move(i).value();
    changed = std::move(c).value();
  } else if (i.status().code() != StatusCode::kNotFound) {
    return Status(i.status().code(),
                  i.status().message() + "; remove it or run sendguard learn to write it again");
  }
  return std::make_shared<IndexedContacts>(std::move(index),
                                           CachedContacts(std::move(store), cache_bytes), changed);
}

}  // namespace sendguard
