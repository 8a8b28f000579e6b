// The HTTP API and web console of `sendguard serve --http`: pre-send checks
// for mail clients, review and release of held mail for administrators,
// the sender's page behind a signed link, metrics and health.
//
// Every request is treated as hostile: bodies are size-limited, reads and
// writes time out, errors are JSON {"error": ...} with a 4xx status, and no
// handler's failure takes the server down (it becomes a 500 and is logged).

#ifndef SENDGUARD_HTTP_API_SERVER_H_
#define SENDGUARD_HTTP_API_SERVER_H_

#include <memory>
#include <string>

#include "delivery/smtp_sender.h"
#include "http/http_config.h"
#include "policy/context.h"
#include "sendguard/status.h"
#include "service/checker.h"
#include "service/delivered_history.h"
#include "service/metrics.h"
#include "service/sender_links.h"
#include "store/console_store.h"
#include "store/quarantine_store.h"

namespace sendguard {

struct ApiServices {
  const Checker* checker = nullptr;       // required: judges and records /api/v1/check
  QuarantineStore* quarantine = nullptr;  // required
  ConsoleStore* console = nullptr;        // required: accounts, dashboard counts
  const SenderLinks* links = nullptr;     // required: senders' links
  const Metrics* metrics = nullptr;       // optional: /metrics
  // Optional: released messages are added to the history through it.
  DeliveredHistory* delivered = nullptr;
  SmtpRelay relay;  // where releases go
  HttpConfig http;
};

class ApiServer {
 public:
  explicit ApiServer(ApiServices services);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Listens on "HOST:PORT" or "PORT" (loopback); port 0: any free port.
  // HTTPS when the config names a certificate and key.
  Status Bind(const std::string& address);
  int port() const;
  // Serves until Stop(); returns when stopped.
  void Run();
  // Thread-safe; makes Run() return (or not start serving), and returns once
  // it has, when Run() was called.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_API_SERVER_H_
