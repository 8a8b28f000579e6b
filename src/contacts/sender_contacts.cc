#include "contacts/sender_contacts.h"

#include <algorithm>
#include <tuple>

#include "util/fnv1a.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool ByDomainThenAddress(const Contact& a, const Contact& b) {
  return std::forward_as_tuple(DomainOf(a.address), a.address) <
         std::forward_as_tuple(DomainOf(b.address), b.address);
}

bool IsLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }

// Sorted words joined by a space; empty unless two or more words of two or
// more characters, each of letters only when `letters_only`.
std::string KeyOf(std::vector<std::string> words, bool letters_only) {
  std::erase_if(words, [&](const std::string& w) {
    return w.size() < 2 || (letters_only && !std::all_of(w.begin(), w.end(), [](char c) {
                              return IsLetter(static_cast<unsigned char>(c));
                            }));
  });
  if (words.size() < 2) return {};
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.size() < 2) return {};
  std::string key;
  for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
  return key;
}

}  // namespace

std::string_view DomainOf(std::string_view address) {
  const std::size_t at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view() : address.substr(at + 1);
}

std::string_view LocalOf(std::string_view address) {
  const std::size_t at = address.rfind('@');
  std::string_view local = at == std::string_view::npos ? address : address.substr(0, at);
  const std::size_t plus = local.find('+');
  return plus == std::string_view::npos || plus == 0 ? local : local.substr(0, plus);
}

SenderContacts::SenderContacts(std::vector<Contact> contacts, std::vector<GroupCount> groups) {
  std::sort(groups.begin(), groups.end(),
            [](const GroupCount& a, const GroupCount& b) { return a.signature < b.signature; });
  for (const GroupCount& g : groups) {
    if (g.signature == 0) continue;
    if (!groups_.empty() && groups_.back().signature == g.signature) {
      groups_.back().messages += g.messages;
    } else {
      groups_.push_back(g);
    }
  }
  for (Contact& c : contacts) c.address = AsciiLower(c.address);
  std::sort(contacts.begin(), contacts.end(), ByDomainThenAddress);
  for (Contact& c : contacts) {
    if (!contacts_.empty() && contacts_.back().address == c.address) {
      Contact& kept = contacts_.back();
      kept.messages += c.messages;
      if (!c.first_seen.empty() && (kept.first_seen.empty() || c.first_seen < kept.first_seen)) {
        kept.first_seen = c.first_seen;
      }
      kept.last_seen = std::max(kept.last_seen, c.last_seen);
      kept.names.insert(kept.names.end(), c.names.begin(), c.names.end());
    } else {
      contacts_.push_back(std::move(c));
    }
  }
  for (std::uint32_t i = 0; i < contacts_.size(); ++i) {
    Contact& c = contacts_[i];
    std::sort(c.names.begin(), c.names.end());
    c.names.erase(std::unique(c.names.begin(), c.names.end()), c.names.end());
    for (const std::string& name : c.names) {
      if (!name.empty()) names_.push_back({name, i});
    }
    std::string spelled = LocalPartNameKey(LocalOf(c.address));
    if (!spelled.empty() && !std::binary_search(c.names.begin(), c.names.end(), spelled)) {
      names_.push_back({std::move(spelled), i});
    }
  }
  std::sort(names_.begin(), names_.end(), [&](const NameEntry& a, const NameEntry& b) {
    return std::forward_as_tuple(a.key, contacts_[b.contact].messages, a.contact) <
           std::forward_as_tuple(b.key, contacts_[a.contact].messages, b.contact);
  });
}

const Contact* SenderContacts::Find(std::string_view address) const {
  Contact probe;
  probe.address = AsciiLower(address);
  auto it = std::lower_bound(contacts_.begin(), contacts_.end(), probe, ByDomainThenAddress);
  return it != contacts_.end() && it->address == probe.address ? &*it : nullptr;
}

std::span<const Contact> SenderContacts::InDomain(std::string_view domain) const {
  auto lo = std::lower_bound(
      contacts_.begin(), contacts_.end(), domain,
      [](const Contact& c, std::string_view d) { return DomainOf(c.address) < d; });
  auto hi = std::upper_bound(lo, contacts_.end(), domain, [](std::string_view d, const Contact& c) {
    return d < DomainOf(c.address);
  });
  return {lo, hi};
}

const Contact* SenderContacts::ByName(std::string_view name_key, std::string_view except) const {
  if (name_key.empty()) return nullptr;
  auto it = std::lower_bound(names_.begin(), names_.end(), name_key,
                             [](const NameEntry& e, std::string_view k) { return e.key < k; });
  for (; it != names_.end() && it->key == name_key; ++it) {
    const Contact& c = contacts_[it->contact];
    if (c.address != except) return &c;
  }
  return nullptr;
}

void SenderContacts::ForEachInDomain(std::string_view domain, const DomainVisitor& visit) const {
  for (const Contact& c : InDomain(domain)) visit(c.address, c.messages);
}

std::optional<ContactView::Known> SenderContacts::Named(std::string_view name_key,
                                                        std::string_view except) const {
  const Contact* c = ByName(name_key, except);
  if (c == nullptr) return std::nullopt;
  return Known{c->address, c->messages};
}

std::uint64_t SenderContacts::GroupMessages(std::uint64_t signature) const {
  auto it = std::lower_bound(groups_.begin(), groups_.end(), signature,
                             [](const GroupCount& g, std::uint64_t s) { return g.signature < s; });
  return it != groups_.end() && it->signature == signature ? it->messages : 0;
}

std::uint64_t RecipientGroupSignature(std::vector<std::string> addresses) {
  for (std::string& a : addresses) a = AsciiLower(a);
  std::sort(addresses.begin(), addresses.end());
  addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
  if (addresses.size() < kMinGroup || addresses.size() > kMaxGroup) return 0;
  std::uint64_t h = kFnv1aStart;  // over the sorted set, one address a line
  for (const std::string& a : addresses) h = Fnv1a("\n", Fnv1a(a, h));
  return h == 0 ? 1 : h;
}

std::size_t SenderContacts::bytes() const {
  std::size_t n = sizeof(*this) + contacts_.capacity() * sizeof(Contact) +
                  names_.capacity() * sizeof(NameEntry) + groups_.capacity() * sizeof(GroupCount);
  for (const NameEntry& e : names_) n += e.key.capacity();
  for (const Contact& c : contacts_) {
    n += c.address.capacity() + c.names.capacity() * sizeof(std::string);
    for (const std::string& name : c.names) n += name.capacity();
  }
  return n;
}

std::string NameKey(std::string_view display_name) {
  std::vector<std::string> words;
  std::string word;
  int comment = 0;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char ch : display_name) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '(') {
      flush();
      ++comment;
    } else if (c == ')') {
      if (comment > 0) --comment;
    } else if (comment > 0) {
      continue;
    } else if (c == ' ' || c == '\t' || c == ',' || c == '.' || c == '"' || c == '\'' || c == ';' ||
               c == '<' || c == '>') {
      flush();
    } else {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  flush();
  return KeyOf(std::move(words), /*letters_only=*/false);
}

std::string LocalPartNameKey(std::string_view local_part) {
  const std::size_t plus = local_part.find('+');
  if (plus != std::string_view::npos) local_part = local_part.substr(0, plus);
  std::vector<std::string> words;
  std::string word;
  for (char ch : local_part) {
    if (ch == '.' || ch == '_' || ch == '-') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return KeyOf(std::move(words), /*letters_only=*/true);
}

}  // namespace sendguard
