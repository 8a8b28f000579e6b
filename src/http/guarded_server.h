// An httplib::Server whose connections are guarded against slow and greedy
// clients: each request's head must arrive within a deadline and the whole
// request within another, one client address holds only so many
// connections, the listen backlog is deep enough for bursts, ambiguous
// request framing is refused (400) and the connection closed, and a
// shutdown ends idle and slow connections at once instead of waiting for
// them. TLS, when configured, is done here too (OpenSSL).

#ifndef SENDGUARD_HTTP_GUARDED_SERVER_H_
#define SENDGUARD_HTTP_GUARDED_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "http/client_slots.h"
#include "sendguard/status.h"

namespace sendguard {

class DeadlineStream;

struct ConnectionLimits {
  std::chrono::milliseconds header_timeout{std::chrono::seconds(10)};      // request line + headers
  std::chrono::milliseconds request_timeout{std::chrono::seconds(120)};    // + body
  std::chrono::milliseconds keep_alive_timeout{std::chrono::seconds(10)};  // idle between requests
  std::chrono::milliseconds io_timeout{std::chrono::seconds(30)};  // one write making no progress
  std::size_t keep_alive_max_requests = 1000;
  std::size_t per_client = 32;  // connections at once per client address
  std::vector<std::string> trusted_proxies =
      {};  // exempt from per_client; X-Forwarded-For believed
  int backlog = 1024;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);
  ~GuardedServer() override;

  // Serves HTTPS with the PEM certificate chain and key; InvalidArgument
  // when they cannot be loaded or do not match.
  Status UseTls(const std::string& cert_file, const std::string& key_file);

  // Binds like bind_to_port / bind_to_any_port (port 0) and listens with
  // the configured backlog; returns the port.
  Result<int> Bind(const std::string& host, int port);

  // Makes every connection end at its next wait for the client (idle,
  // reading slowly); a request being handled finishes. Call before stop().
  void BeginShutdown() { stopping_ = true; }

  // Called with each request once its headers are in, before its body is
  // read (use it instead of set_pre_routing_handler, which this class
  // keeps for its own checks): Handled to answer without reading the body.
  void SetBeforeBody(HandlerWithResponse handler) { before_body_ = std::move(handler); }

 private:
  struct Tls;

  bool process_and_close_socket(socket_t sock) override;
  void Serve(DeadlineStream& strm, const std::string& peer);

  const ConnectionLimits limits_;
  ClientSlots slots_;
  std::unique_ptr<Tls> tls_;
  std::atomic<bool> stopping_{false};
  HandlerWithResponse before_body_;
};

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_GUARDED_SERVER_H_
