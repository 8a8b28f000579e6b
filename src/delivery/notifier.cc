#include "delivery/notifier.h"

#include <iostream>

namespace sendguard {

Notifier::Notifier(SmtpRelay relay, NoticeConfig config)
    : relay_(std::move(relay)), config_(std::move(config)), worker_([this] { Run(); }) {}

Notifier::~Notifier() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

void Notifier::Notify(NoticeFacts facts) {
  if (!config_.enabled || facts.sender.empty()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (queue_.size() >= kMaxQueue) {
      std::cerr << "sendguard: notice queue full; no notice to " << facts.sender << "\n";
      return;
    }
    queue_.push_back(std::move(facts));
  }
  cv_.notify_one();
}

void Notifier::Run() {
  for (;;) {
    NoticeFacts facts;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything was sent
      facts = std::move(queue_.front());
      queue_.pop_front();
    }
    // Notices go out with the null sender, so that they never bounce back.
    Status st = SendMail(relay_, "", {facts.sender}, ComposeNotice(config_, facts));
    if (!st.ok()) {
      std::cerr << "sendguard: notice to " << facts.sender << " failed: " << st.message() << "\n";
    }
  }
}

}  // namespace sendguard
