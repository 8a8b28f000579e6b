#include "store/contact_store.h"

namespace sendguard {

std::shared_ptr<ContactSource> CachedContacts(std::unique_ptr<ContactStore> store,
                                              std::size_t cache_bytes) {
  std::shared_ptr<ContactStore> shared(std::move(store));
  return std::make_shared<ContactCache>(
      [shared](const std::string& sender) { return shared->ReadContacts(sender); }, cache_bytes);
}

}  // namespace sendguard
