#include "service/delivered_history.h"

#include <algorithm>
#include <ctime>
#include <iostream>
#include <set>

#include "mail/display_name.h"
#include "util/strings.h"

namespace sendguard {
namespace {

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

// The recipients a decision lets the message reach.
std::vector<std::string> Delivered(const Message& message, const Decision& d) {
  std::vector<std::string> all = message.recipients();
  if (d.action < Action::kHold) return all;
  if (!d.partial) return {};
  std::erase_if(all, [&](const std::string& r) {
    return std::any_of(d.suspects.begin(), d.suspects.end(),
                       [&](const std::string& s) { return EqualsIgnoreCase(s, r); });
  });
  return all;
}

}  // namespace

DeliveredHistory::DeliveredHistory(std::unique_ptr<ContactStore> contacts,
                                   std::unique_ptr<HistoryStore> history, Written written,
                                   DeliveredHistoryOptions options)
    : contacts_(std::move(contacts)),
      history_(std::move(history)),
      written_(std::move(written)),
      options_(options),
      pending_contacts_(options.max_pending),
      worker_([this] { Run(); }) {}

DeliveredHistory::~DeliveredHistory() {
  {
    std::lock_guard<std::mutex> lock(run_mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  worker_.join();
  Flush();
}

void DeliveredHistory::Record(const Message& message, const Decision& decision) {
  const std::vector<std::string> delivered = Delivered(message, decision);
  if (delivered.empty()) return;
  Add(std::string(TrimWhitespace(MessageSender(message))), delivered,
      [&](const std::string& r) { return std::string(DisplayNameOf(message, r)); });
}

void DeliveredHistory::RecordReleased(std::string_view sender,
                                      const std::vector<std::string>& recipients) {
  if (recipients.empty()) return;
  Add(std::string(TrimWhitespace(sender)), recipients,
      [](const std::string&) { return std::string(); });
}

void DeliveredHistory::Add(const std::string& sender, const std::vector<std::string>& delivered,
                           const std::function<std::string(const std::string&)>& name_of) {
  const std::string now = sender.empty() ? std::string() : UtcNow();
  bool full = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (pending_contacts_.full() || pending_messages_ >= options_.max_pending) {
      ++stats_.dropped;
      return;
    }
    if (history_ != nullptr) pending_history_.AddMessage(delivered);
    if (contacts_ != nullptr && !sender.empty()) {
      for (const std::string& r : delivered) {
        pending_contacts_.Add(sender, r, now, name_of(r));
      }
      pending_contacts_.AddGroup(sender, delivered);
    }
    ++pending_messages_;
    ++stats_.messages;
    full = pending_contacts_.full() || pending_messages_ >= options_.max_pending;
  }
  if (full) {
    {
      std::lock_guard<std::mutex> lock(run_mu_);
      wake_ = true;
    }
    cv_.notify_all();
  }
}

void DeliveredHistory::Flush() {
  std::lock_guard<std::mutex> flushing(flush_mu_);
  ContactBatch batch;
  HistoryCollector history;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (pending_messages_ == 0) return;
    batch = pending_contacts_.Take();
    std::swap(history, pending_history_);
    pending_messages_ = 0;
  }
  std::uint64_t errors = 0;
  if (history_ != nullptr && history.messages() > 0) {
    if (Status s = history_->AddHistory(history.Counts()); !s.ok()) {
      std::cerr << "sendguard: delivered mail not added to the history: " << s.message() << "\n";
      ++errors;
    }
  }
  if (contacts_ != nullptr && !batch.empty()) {
    if (Status s = contacts_->AddContacts(batch); !s.ok()) {
      std::cerr << "sendguard: delivered mail not added to the senders' history: " << s.message()
                << "\n";
      ++errors;
    } else if (written_) {
      std::set<std::string> senders;
      for (const ContactCount& c : batch.contacts) senders.insert(c.sender);
      written_(std::vector<std::string>(senders.begin(), senders.end()));
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  stats_.write_errors += errors;
}

DeliveredHistory::Stats DeliveredHistory::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void DeliveredHistory::Run() {
  std::unique_lock<std::mutex> lock(run_mu_);
  while (!stopping_) {
    cv_.wait_for(lock, options_.interval, [this] { return stopping_ || wake_; });
    if (stopping_) break;
    wake_ = false;
    lock.unlock();
    Flush();
    lock.lock();
  }
}

}  // namespace sendguard
