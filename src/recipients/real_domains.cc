#include "recipients/real_domains.h"

#include <algorithm>

#include "util/strings.h"

namespace sendguard {
namespace real_domains_data {
extern const std::string_view kBundledLists;  // generated: cmake/embed_domain_lists.cmake
}  // namespace real_domains_data

const RealDomains& RealDomains::Bundled() {
  static const auto* bundled = new RealDomains(FromText(real_domains_data::kBundledLists));
  return *bundled;
}

RealDomains RealDomains::FromText(std::string_view text) {
  RealDomains r;
  std::string_view all = text;
  while (!all.empty()) {
    std::size_t end = all.find('\n');
    std::string_view line = TrimWhitespace(all.substr(0, end));
    all = end == std::string_view::npos ? std::string_view() : all.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    if (line.back() == '.') line.remove_suffix(1);
    if (!line.empty()) r.names_.push_back(AsciiLower(line));
  }
  std::sort(r.names_.begin(), r.names_.end());
  r.names_.erase(std::unique(r.names_.begin(), r.names_.end()), r.names_.end());
  return r;
}

bool RealDomains::Contains(std::string_view ascii_domain) const {
  return std::binary_search(names_.begin(), names_.end(), ascii_domain);
}

}  // namespace sendguard
