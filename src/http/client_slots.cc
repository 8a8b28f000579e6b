#include "http/client_slots.h"

namespace sendguard {

ClientSlots::Slot::~Slot() {
  if (owner_ != nullptr) owner_->Give(address_);
}

ClientSlots::Slot ClientSlots::Take(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  std::size_t& n = held_[address];
  if (n >= per_client_) {
    if (n == 0) held_.erase(address);
    return Slot();
  }
  ++n;
  return Slot(this, address);
}

std::size_t ClientSlots::Held(const std::string& address) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = held_.find(address);
  return it == held_.end() ? 0 : it->second;
}

void ClientSlots::Give(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = held_.find(address);
  if (it != held_.end() && --it->second == 0) held_.erase(it);
}

}  // namespace sendguard
