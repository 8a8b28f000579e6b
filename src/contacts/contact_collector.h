// Counting, per sender, the messages to each recipient address (with the
// first and last time seen) and the display names each address was
// given, in bounded memory: the counts are handed over in batches that add
// up in a store.

#ifndef SENDGUARD_CONTACTS_CONTACT_COLLECTOR_H_
#define SENDGUARD_CONTACTS_CONTACT_COLLECTOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sendguard {

// Messages from one sender to one recipient address.
struct ContactCount {
  std::string sender;     // lower-cased address
  std::string recipient;  // lower-cased address
  std::uint64_t messages = 0;
  std::string first_seen;  // "YYYY-MM-DD HH:MM:SS"; "" when unknown
  std::string last_seen;
};

// Messages that gave `address` the display name `name` (as written).
struct NameCount {
  std::string address;
  std::string name;
  std::uint64_t messages = 0;
};

// Messages from `sender` to exactly the recipient set with `signature`
// (RecipientGroupSignature).
struct SenderGroupCount {
  std::string sender;  // lower-cased address
  std::uint64_t signature = 0;
  std::uint64_t messages = 0;
};

struct ContactBatch {
  std::vector<ContactCount> contacts;
  std::vector<NameCount> names;
  std::vector<SenderGroupCount> groups;
  bool empty() const { return contacts.empty() && names.empty() && groups.empty(); }
};

class ContactCollector {
 public:
  // full() once `max_pairs` distinct (sender, recipient) pairs and names
  // are held.
  explicit ContactCollector(std::size_t max_pairs = std::size_t{1} << 20) : max_pairs_(max_pairs) {}

  // One message from `sender` delivered to `recipient` at `time` ("" when
  // unknown), which gave it the display name `name` ("" for none). A
  // message without a sender or a recipient without '@' is not counted.
  void Add(std::string_view sender, std::string_view recipient, std::string_view time,
           std::string_view name);

  // One message from `sender` to all of `recipients` (as written): counted
  // as a group when they are kMinGroup to kMaxGroup addresses.
  void AddGroup(std::string_view sender, const std::vector<std::string>& recipients);

  bool full() const { return pairs_.size() + names_.size() + group_entries_ >= max_pairs_; }
  std::uint64_t added() const { return added_; }

  // What was collected since the last Take, which starts afresh.
  ContactBatch Take();

 private:
  struct Seen {
    std::uint64_t messages = 0;
    std::string first, last;
  };
  std::size_t max_pairs_;
  std::uint64_t added_ = 0;
  std::unordered_map<std::string, Seen> pairs_;           // sender '\n' recipient
  std::unordered_map<std::string, std::uint64_t> names_;  // address '\n' name
  std::unordered_map<std::string, std::unordered_map<std::uint64_t, std::uint64_t>>
      groups_;  // sender -> signature -> messages
  std::size_t group_entries_ = 0;
};

}  // namespace sendguard

#endif  // SENDGUARD_CONTACTS_CONTACT_COLLECTOR_H_
