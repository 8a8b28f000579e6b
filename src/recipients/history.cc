#include "recipients/history.h"

#include <charconv>

#include "util/mapped_file.h"
#include "util/strings.h"

namespace sendguard {

void History::Add(std::string_view key, std::uint64_t messages) {
  std::string k = AsciiLower(TrimWhitespace(key));
  while (!k.empty() && k.back() == '.') k.pop_back();
  if (k.empty()) return;
  std::size_t at = k.rfind('@');
  if (at == std::string::npos) {
    domains_[k] += messages;
    return;
  }
  addresses_[k] += messages;
  address_domains_[k.substr(at + 1)] += messages;
}

void History::Finish() {
  for (const auto& [domain, n] : address_domains_) domains_.try_emplace(domain, n);
  address_domains_.clear();
}

std::uint64_t History::DomainMessages(std::string_view d) const {
  auto it = domains_.find(d);
  return it == domains_.end() ? 0 : it->second;
}

std::uint64_t History::AddressMessages(std::string_view a) const {
  auto it = addresses_.find(AsciiLower(a));
  return it == addresses_.end() ? 0 : it->second;
}

void History::ForEachDomain(const std::function<void(const std::string&, std::uint64_t)>& f) const {
  for (const auto& [d, n] : domains_) f(d, n);
}

void History::ForEachAddress(
    const std::function<void(const std::string&, std::uint64_t)>& f) const {
  for (const auto& [a, n] : addresses_) f(a, n);
}

Result<History> History::LoadTsv(const std::string& path) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  std::string_view data = file->data();
  History h;
  std::size_t line_no = 0, pos = 0;
  while (pos < data.size()) {
    std::size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimWhitespace(line).empty() || line.front() == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return InvalidArgumentError(path + ":" + std::to_string(line_no) +
                                  ": expected 'domain-or-address<TAB>count'");
    }
    std::string_view count = TrimWhitespace(line.substr(tab + 1));
    std::uint64_t n = 0;
    auto [p, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
    if (ec != std::errc() || p != count.data() + count.size()) {
      return InvalidArgumentError(path + ":" + std::to_string(line_no) + ": count '" +
                                  std::string(count) + "' is not a whole number");
    }
    h.Add(line.substr(0, tab), n);
  }
  h.Finish();
  return h;
}

}  // namespace sendguard
