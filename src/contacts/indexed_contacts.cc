#include "contacts/indexed_contacts.h"

#include <mutex>

namespace sendguard {

IndexedContacts::IndexedContacts(std::shared_ptr<const ContactIndex> index,
                                 std::shared_ptr<ContactCache> fresh,
                                 const std::vector<std::string>& changed)
    : index_(std::move(index)), fresh_(std::move(fresh)) {
  for (const std::string& s : changed) changed_.insert(SenderKey(s));
}

Result<std::shared_ptr<const ContactView>> IndexedContacts::Contacts(
    std::string_view sender) const {
  if (index_ == nullptr) return fresh_->Contacts(sender);
  const std::string key = SenderKey(sender);
  if (key.empty()) return std::shared_ptr<const ContactView>();
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    if (!changed_.contains(key)) return index_->Find(key);
  }
  return fresh_->Contacts(key);
}

void IndexedContacts::Forget(const std::vector<std::string>& senders) {
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    for (const std::string& s : senders) changed_.insert(SenderKey(s));
  }
  fresh_->Forget(senders);
}

}  // namespace sendguard
