#include "sendguard/message.h"

#include <unordered_set>

#include "util/strings.h"

namespace sendguard {

std::optional<std::string> Message::header(std::string_view name) const {
  for (const Header& h : d_.headers) {
    if (EqualsIgnoreCase(h.name, name)) return h.value;
  }
  return std::nullopt;
}

std::vector<std::string> Message::recipients() const {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  auto add = [&](const std::string& a) {
    std::string key = AsciiLower(a);
    if (!a.empty() && seen.insert(key).second) out.push_back(a);
  };
  if (!d_.envelope.rcpt_to.empty()) {
    for (const std::string& r : d_.envelope.rcpt_to) add(r);
    return out;
  }
  for (const auto* list : {&d_.to, &d_.cc, &d_.bcc}) {
    for (const Address& a : *list) add(a.address);
  }
  return out;
}

std::string Message::AllText() const {
  std::string out;
  for (const TextSegment& t : d_.texts) {
    if (!out.empty()) out += "\n\n";
    out += t.text;
  }
  return out;
}

}  // namespace sendguard
