#include "contacts/contact_cache.h"

#include "util/strings.h"

namespace sendguard {
namespace {

constexpr std::size_t kEntryOverhead = 128;

}  // namespace

std::string SenderKey(std::string_view sender) {
  std::string key = AsciiLower(TrimWhitespace(sender));
  if (key.size() >= 2 && key.front() == '<' && key.back() == '>')
    key = key.substr(1, key.size() - 2);
  return key;
}

ContactCache::ContactCache(ContactLoader load, std::size_t max_bytes)
    : load_(std::move(load)), max_bytes_(max_bytes) {}

Result<std::shared_ptr<const ContactView>> ContactCache::Contacts(std::string_view sender) const {
  const std::string key = SenderKey(sender);
  if (key.empty()) return std::shared_ptr<const ContactView>();
  std::uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    generation = generation_;
    if (auto it = entries_.find(key); it != entries_.end()) {
      order_.splice(order_.begin(), order_, it->second.lru);
      ++stats_.hits;
      return std::shared_ptr<const ContactView>(it->second.contacts);
    }
    ++stats_.misses;
  }
  Result<std::optional<SenderContacts>> loaded = [&] {
    std::lock_guard<std::mutex> lock(load_mu_);
    return load_(key);
  }();
  if (!loaded.ok()) return loaded.status();
  std::shared_ptr<const SenderContacts> c;
  if (loaded->has_value()) c = std::make_shared<const SenderContacts>(std::move(**loaded));
  Insert(key, c, generation);
  return std::shared_ptr<const ContactView>(std::move(c));
}

void ContactCache::Forget(const std::vector<std::string>& senders) {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  for (const std::string& s : senders) {
    auto it = entries_.find(SenderKey(s));
    if (it == entries_.end()) continue;
    stats_.bytes -= it->second.bytes;
    order_.erase(it->second.lru);
    entries_.erase(it);
  }
  stats_.senders = entries_.size();
}

void ContactCache::Insert(const std::string& sender, std::shared_ptr<const SenderContacts> c,
                          std::uint64_t generation) const {
  const std::size_t bytes = kEntryOverhead + sender.size() + (c ? c->bytes() : 0);
  if (bytes > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_) return;  // forgotten while it was read
  if (entries_.contains(sender)) return;  // another thread loaded it meanwhile
  while (!order_.empty() && stats_.bytes + bytes > max_bytes_) {
    auto last = entries_.find(order_.back());
    stats_.bytes -= last->second.bytes;
    entries_.erase(last);
    order_.pop_back();
    ++stats_.evictions;
  }
  order_.push_front(sender);
  entries_.emplace(sender, Entry{std::move(c), bytes, order_.begin()});
  stats_.bytes += bytes;
  stats_.senders = entries_.size();
}

ContactCache::Stats ContactCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  Stats s = stats_;
  s.senders = entries_.size();
  return s;
}

}  // namespace sendguard
