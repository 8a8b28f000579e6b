#include "contacts/contact_collector.h"

#include "contacts/sender_contacts.h"
#include "util/strings.h"

namespace sendguard {
namespace {

constexpr std::size_t kMaxName = 200;

std::string Address(std::string_view a) {
  a = TrimWhitespace(a);
  if (a.size() >= 2 && a.front() == '<' && a.back() == '>') a = a.substr(1, a.size() - 2);
  return AsciiLower(a);
}

}  // namespace

void ContactCollector::Add(std::string_view sender, std::string_view recipient,
                           std::string_view time, std::string_view name) {
  const std::string from = Address(sender);
  const std::string to = Address(recipient);
  if (from.find('@') == std::string::npos || to.find('@') == std::string::npos) return;
  if (from.find('\n') != std::string::npos || to.find('\n') != std::string::npos) return;
  ++added_;
  Seen& s = pairs_[from + '\n' + to];
  ++s.messages;
  if (!time.empty()) {
    if (s.first.empty() || time < s.first) s.first = std::string(time);
    if (time > s.last) s.last = std::string(time);
  }
  name = TrimWhitespace(name);
  if (!name.empty() && name.size() <= kMaxName && !EqualsIgnoreCase(name, to)) {
    ++names_[to + '\n' + std::string(name)];
  }
}

void ContactCollector::AddGroup(std::string_view sender,
                                const std::vector<std::string>& recipients) {
  const std::string from = Address(sender);
  if (from.find('@') == std::string::npos || recipients.size() < kMinGroup) return;
  std::vector<std::string> set;
  set.reserve(recipients.size());
  for (const std::string& r : recipients) set.push_back(Address(r));
  const std::uint64_t signature = RecipientGroupSignature(std::move(set));
  if (signature == 0) return;
  std::uint64_t& n = groups_[from][signature];
  if (n++ == 0) ++group_entries_;
}

ContactBatch ContactCollector::Take() {
  ContactBatch b;
  b.contacts.reserve(pairs_.size());
  for (auto& [key, s] : pairs_) {
    const std::size_t nl = key.find('\n');
    b.contacts.push_back(ContactCount{key.substr(0, nl), key.substr(nl + 1), s.messages,
                                      std::move(s.first), std::move(s.last)});
  }
  for (auto& [key, n] : names_) {
    const std::size_t nl = key.find('\n');
    b.names.push_back(NameCount{key.substr(0, nl), key.substr(nl + 1), n});
  }
  for (auto& [sender, counts] : groups_) {
    for (const auto& [signature, n] : counts) b.groups.push_back({sender, signature, n});
  }
  pairs_.clear();
  names_.clear();
  groups_.clear();
  group_entries_ = 0;
  return b;
}

}  // namespace sendguard
