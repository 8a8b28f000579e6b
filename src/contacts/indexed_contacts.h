// Senders' contacts from the on-disk index where it is current, and from
// the store (through a bounded cache) for the senders that changed since it
// was written: so what `serve` adds to the history counts at once, and the
// index is rebuilt when convenient (`sendguard learn`), not on every write.

#ifndef SENDGUARD_CONTACTS_INDEXED_CONTACTS_H_
#define SENDGUARD_CONTACTS_INDEXED_CONTACTS_H_

#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "contacts/contact_cache.h"
#include "contacts/contact_index.h"

namespace sendguard {

class IndexedContacts : public ContactSource {
 public:
  // `index` may be null (none written yet: every sender is read from
  // `fresh`); `changed` names the senders the store changed after the index
  // was written.
  IndexedContacts(std::shared_ptr<const ContactIndex> index, std::shared_ptr<ContactCache> fresh,
                  const std::vector<std::string>& changed);

  Result<std::shared_ptr<const ContactView>> Contacts(std::string_view sender) const override;

  // `senders`' contacts changed in the store: read them from there from now
  // on. Thread-safe.
  void Forget(const std::vector<std::string>& senders);

  const ContactIndex* index() const { return index_.get(); }
  const ContactCache& fresh() const { return *fresh_; }

 private:
  std::shared_ptr<const ContactIndex> index_;
  std::shared_ptr<ContactCache> fresh_;
  mutable std::shared_mutex mu_;
  std::unordered_set<std::string> changed_;
};

}  // namespace sendguard

#endif  // SENDGUARD_CONTACTS_INDEXED_CONTACTS_H_
