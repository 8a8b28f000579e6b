#include "contacts/message_groups.h"

#include "contacts/sender_contacts.h"

namespace sendguard {

void MessageGroups::Add(std::string_view message, std::string_view sender,
                        std::string_view recipient) {
  if (message.empty()) return;
  auto [it, added] = open_.try_emplace(std::string(message));
  if (added) {
    it->second.sender = std::string(sender);
    order_.push_back(it->first);
  }
  if (it->second.recipients.size() <= kMaxGroup) it->second.recipients.emplace_back(recipient);
  while (open_.size() > max_open_ && !order_.empty()) {
    const std::string oldest = std::move(order_.front());
    order_.pop_front();
    Close(oldest);
  }
}

void MessageGroups::Close(const std::string& message) {
  auto it = open_.find(message);
  if (it == open_.end()) return;
  Open o = std::move(it->second);
  open_.erase(it);
  if (done_) done_(o.sender, o.recipients);
}

void MessageGroups::Finish() {
  while (!order_.empty()) {
    const std::string oldest = std::move(order_.front());
    order_.pop_front();
    Close(oldest);
  }
}

}  // namespace sendguard
