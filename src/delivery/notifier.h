// Sends sender notices in the background, so that a slow relay never holds
// up the mail filter. Messages queued when it is destroyed are still sent.

#ifndef SENDGUARD_DELIVERY_NOTIFIER_H_
#define SENDGUARD_DELIVERY_NOTIFIER_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "delivery/notice.h"
#include "delivery/smtp_sender.h"

namespace sendguard {

class Notifier {
 public:
  Notifier(SmtpRelay relay, NoticeConfig config);
  ~Notifier();
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;

  // Queues a notice to `facts.sender`; a sender that is empty (a bounce)
  // gets none. At most kMaxQueue notices wait; more are dropped and logged.
  void Notify(NoticeFacts facts);

  static constexpr std::size_t kMaxQueue = 10000;

 private:
  void Run();

  SmtpRelay relay_;
  NoticeConfig config_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<NoticeFacts> queue_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace sendguard

#endif  // SENDGUARD_DELIVERY_NOTIFIER_H_
