#include "recipients/history_collector.h"

#include "recipients/domain.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// The normalised domain of an address, or "" when it has none.
std::string DomainOf(std::string_view address) {
  Result<DomainName> d = ParseDomain(AddressDomainPart(address));
  return d.ok() ? d->ascii : std::string();
}

}  // namespace

bool HistoryCollector::AddRecipient(std::string_view queue_id, std::string_view recipient) {
  std::string address = AsciiLower(TrimWhitespace(recipient));
  std::string domain = DomainOf(address);
  if (domain.empty()) return false;
  std::string qid(queue_id);
  auto it = recent_.find(qid);
  if (it == recent_.end()) {
    ++messages_;
    it = recent_.emplace(qid, std::unordered_set<std::string>()).first;
    order_.push_back(qid);
    if (order_.size() > window_) {
      recent_.erase(order_.front());
      order_.pop_front();
    }
  }
  if (it->second.insert(domain).second) Count(domain);
  if (!it->second.insert(address).second) return false;
  Count(address);
  return true;
}

void HistoryCollector::AddMessage(const std::vector<std::string>& recipients) {
  ++messages_;
  std::unordered_set<std::string> counted;
  for (const std::string& r : recipients) {
    std::string address = AsciiLower(TrimWhitespace(r));
    std::string domain = DomainOf(address);
    if (domain.empty()) continue;
    if (counted.insert(domain).second) Count(domain);
    if (counted.insert(address).second) Count(address);
  }
}

std::vector<std::pair<std::string, std::uint64_t>> HistoryCollector::Counts() const {
  return {counts_.begin(), counts_.end()};
}

}  // namespace sendguard
