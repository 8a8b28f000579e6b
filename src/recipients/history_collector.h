// Counting outbound messages per recipient domain and address from
// deliveries (MTA logs) or sent messages (mailboxes), each message counted
// once per domain and per address however many log lines mention it.

#ifndef SENDGUARD_RECIPIENTS_HISTORY_COLLECTOR_H_
#define SENDGUARD_RECIPIENTS_HISTORY_COLLECTOR_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sendguard {

class HistoryCollector {
 public:
  // Remembers the last `window` queue ids to count each message once; log
  // lines of one message sit close together, so memory stays bounded.
  explicit HistoryCollector(std::size_t window = 100000) : window_(window) {}

  // One delivered recipient of the message `queue_id`. False when it was
  // counted for this message already (or has no domain).
  bool AddRecipient(std::string_view queue_id, std::string_view recipient);
  // One sent message and its recipients.
  void AddMessage(const std::vector<std::string>& recipients);

  std::uint64_t messages() const { return messages_; }
  // Counts per domain and per address, as History::Add and the store take them.
  std::vector<std::pair<std::string, std::uint64_t>> Counts() const;

 private:
  void Count(const std::string& key) { ++counts_[key]; }

  std::size_t window_;
  std::uint64_t messages_ = 0;
  std::unordered_map<std::string, std::uint64_t> counts_;
  std::unordered_map<std::string, std::unordered_set<std::string>> recent_;  // qid → keys counted
  std::deque<std::string> order_;
};

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_HISTORY_COLLECTOR_H_
