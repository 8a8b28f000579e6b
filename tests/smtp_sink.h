// An SMTP server on loopback for tests: takes every message (or refuses
// every recipient) and keeps what arrived, envelope and bytes.

#ifndef SENDGUARD_TESTS_SMTP_SINK_H_
#define SENDGUARD_TESTS_SMTP_SINK_H_

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sendguard::testing {

class SmtpSink {
 public:
  struct Mail {
    std::string mail_from;           // as in MAIL FROM:<...>, without the brackets
    std::vector<std::string> rcpts;  // as in RCPT TO:<...>
    std::string data;                // the message, dot-unstuffed, up to the final "."
  };

  // Listens on 127.0.0.1 on a free port. `refuse_recipients`: every RCPT
  // gets 550.
  explicit SmtpSink(bool refuse_recipients = false);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  // Whether it is listening.
  bool ok() const { return listener_ >= 0; }
  // "smtp://127.0.0.1:PORT".
  std::string url() const;
  // The messages taken so far.
  std::vector<Mail> mails();

 private:
  void Serve();
  void Session(int fd);

  bool refuse_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<Mail> mails_;
  std::thread thread_;
};

}  // namespace sendguard::testing

#endif  // SENDGUARD_TESTS_SMTP_SINK_H_
