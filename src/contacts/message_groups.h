// A message's recipients put back together from events that each name one
// (a log's delivery lines, interleaved with other messages'; a mailbox's
// recipients, one message after another), so that the set a sender mailed
// together can be counted. Bounded: at most `max_open` messages are held,
// the oldest handed on first when more arrive.

#ifndef SENDGUARD_CONTACTS_MESSAGE_GROUPS_H_
#define SENDGUARD_CONTACTS_MESSAGE_GROUPS_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sendguard {

class MessageGroups {
 public:
  // Called once per message with its sender and recipients, as written.
  using Done =
      std::function<void(const std::string& sender, const std::vector<std::string>& recipients)>;

  explicit MessageGroups(Done done, std::size_t max_open = 65536)
      : done_(std::move(done)), max_open_(max_open) {}

  // `recipient` of `message` (an id unique in the input: a queue id, a
  // mailbox position) from `sender`. A message with more recipients than
  // fit a group is still handed on, with the first kMaxGroup + 1 only.
  void Add(std::string_view message, std::string_view sender, std::string_view recipient);
  // Hands on every message still held (what is held when the object is
  // destroyed is dropped).
  void Finish();

 private:
  struct Open {
    std::string sender;
    std::vector<std::string> recipients;
  };
  void Close(const std::string& message);

  Done done_;
  std::size_t max_open_;
  std::unordered_map<std::string, Open> open_;
  std::deque<std::string> order_;  // the open messages, oldest first
};

}  // namespace sendguard

#endif  // SENDGUARD_CONTACTS_MESSAGE_GROUPS_H_
