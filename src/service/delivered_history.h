// What `serve` adds to the history as mail leaves: for every message the
// filter lets through, the sender's messages to each delivered recipient
// (with the display names the message gave them) and the counts per domain
// and address. Gathered in memory and written by a background thread every
// few seconds, off the filter's path; counts only, never content.

#ifndef SENDGUARD_SERVICE_DELIVERED_HISTORY_H_
#define SENDGUARD_SERVICE_DELIVERED_HISTORY_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "contacts/contact_collector.h"
#include "policy/decision.h"
#include "recipients/history_collector.h"
#include "sendguard/message.h"
#include "store/contact_store.h"
#include "store/history_store.h"

namespace sendguard {

struct DeliveredHistoryOptions {
  std::chrono::milliseconds interval = std::chrono::seconds(5);
  // Pending (sender, recipient) pairs and names at which newer messages are
  // no longer counted until the next write (the store is slow or lost).
  std::size_t max_pending = std::size_t{1} << 18;
};

class DeliveredHistory {
 public:
  // Called with the senders whose contacts a write changed (lower-cased),
  // so that a cache in front of the store forgets them.
  using Written = std::function<void(const std::vector<std::string>& senders)>;

  // Writes to `contacts` and `history`, which it owns; either may be null
  // (that part is not kept).
  DeliveredHistory(std::unique_ptr<ContactStore> contacts, std::unique_ptr<HistoryStore> history,
                   Written written, DeliveredHistoryOptions options = {});
  // Writes what is pending.
  ~DeliveredHistory();
  DeliveredHistory(const DeliveredHistory&) = delete;
  DeliveredHistory& operator=(const DeliveredHistory&) = delete;

  // Counts the recipients that `decision` lets `message` reach: all of them
  // when it is accepted, tagged or notified (or the policy is in audit
  // mode), those not suspect when only the suspects are held, none when it
  // is held or rejected whole. Thread-safe; never waits for the store.
  void Record(const Message& message, const Decision& decision);
  // Counts one message from `sender` delivered to `recipients` past the
  // filter: a held message released (as written or corrected), so that the
  // next message to those addresses is judged as to someone known. Thread-
  // safe; never waits for the store.
  void RecordReleased(std::string_view sender, const std::vector<std::string>& recipients);
  // Writes what is pending now.
  void Flush();

  struct Stats {
    std::uint64_t messages = 0;      // counted
    std::uint64_t dropped = 0;       // not counted: too much was pending
    std::uint64_t write_errors = 0;  // writes that failed (their counts are lost)
  };
  Stats stats() const;

 private:
  void Run();
  // Counts one message; `name_of` gives each recipient's display name.
  void Add(const std::string& sender, const std::vector<std::string>& delivered,
           const std::function<std::string(const std::string&)>& name_of);

  std::unique_ptr<ContactStore> contacts_;
  std::unique_ptr<HistoryStore> history_;
  Written written_;
  DeliveredHistoryOptions options_;

  mutable std::mutex mu_;  // what is pending and the stats
  ContactCollector pending_contacts_;
  HistoryCollector pending_history_;
  std::size_t pending_messages_ = 0;
  Stats stats_;

  std::mutex flush_mu_;  // one write at a time
  std::mutex run_mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool wake_ = false;
  std::thread worker_;
};

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_DELIVERED_HISTORY_H_
