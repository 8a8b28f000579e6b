#include "http/guarded_server.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "http/client_address.h"
#include "http/deadline_stream.h"
#include "http/request_framing.h"

namespace sendguard {

using Clock = std::chrono::steady_clock;

struct GuardedServer::Tls {
  SSL_CTX* ctx = nullptr;
  ~Tls() { SSL_CTX_free(ctx); }
};

namespace {

// A TLS session on one connection, freed (after a close notify) when done.
struct TlsSession {
  SSL* ssl = nullptr;
  ~TlsSession() {
    if (ssl == nullptr) return;
    SSL_shutdown(ssl);
    SSL_free(ssl);
  }
};

std::string OpenSslError() {
  char buf[256];
  ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
  return buf;
}

// Completes the server side of the TLS handshake before `deadline`.
bool Handshake(SSL* ssl, int fd, const std::atomic<bool>& stop, Clock::time_point deadline) {
  for (;;) {
    const int r = SSL_accept(ssl);
    if (r == 1) return true;
    const int err = SSL_get_error(ssl, r);
    if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) return false;
    const auto now = Clock::now();
    if (stop || now >= deadline) return false;
    pollfd p{fd, static_cast<short>(err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    (void)::poll(&p, 1, static_cast<int>(std::min<long>(left.count(), 100)) + 1);
  }
}

// Tells a client over its limit why, without waiting for it, and lets go.
void Refuse(int fd) {
  static constexpr char kBusy[] =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
      "Retry-After: 5\r\nConnection: close\r\nContent-Length: 50\r\n\r\n"
      "{\"error\":\"too many connections from this address\"}";
  (void)::send(fd, kBusy, sizeof kBusy - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
}

std::string ForwardedFor(const httplib::Request& req) {
  std::string out;
  auto [from, to] = req.headers.equal_range("X-Forwarded-For");
  for (auto it = from; it != to; ++it) out += (out.empty() ? "" : ", ") + it->second;
  return out;
}

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits)
    : limits_(std::move(limits)), slots_(limits_.per_client) {
  // Refused framing is answered before routing, so before any body is read.
  set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    std::optional<std::string> bad = FramingError(req.headers);
    if (bad) {
      res.status = 400;
      res.set_content("{\"error\":\"ambiguous request framing: " + *bad + "\"}",
                      "application/json");
      return HandlerResponse::Handled;
    }
    return before_body_ ? before_body_(req, res) : HandlerResponse::Unhandled;
  });
}

GuardedServer::~GuardedServer() = default;

Status GuardedServer::UseTls(const std::string& cert_file, const std::string& key_file) {
  auto tls = std::make_unique<Tls>();
  tls->ctx = SSL_CTX_new(TLS_server_method());
  if (tls->ctx == nullptr) return InternalError("TLS: " + OpenSslError());
  SSL_CTX_set_min_proto_version(tls->ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(tls->ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_use_certificate_chain_file(tls->ctx, cert_file.c_str()) != 1) {
    return InvalidArgumentError("cannot load the TLS certificate " + cert_file + ": " +
                                OpenSslError());
  }
  if (SSL_CTX_use_PrivateKey_file(tls->ctx, key_file.c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(tls->ctx) != 1) {
    return InvalidArgumentError("cannot load the TLS key " + key_file + " for " + cert_file + ": " +
                                OpenSslError());
  }
  tls_ = std::move(tls);
  return OkStatus();
}

Result<int> GuardedServer::Bind(const std::string& host, int port) {
  if (port == 0) {
    port = bind_to_any_port(host);
    if (port < 0) return UnavailableError("cannot listen on " + host);
  } else if (!bind_to_port(host, port)) {
    return UnavailableError("cannot listen on " + host + ":" + std::to_string(port));
  }
  // httplib listens with a backlog of 5; Linux takes a second listen() on
  // a listening socket as a new backlog.
  if (::listen(svr_sock_, limits_.backlog) != 0) {
    return UnavailableError("cannot raise the listen backlog on " + host);
  }
  return port;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  std::string peer;
  int peer_port = 0;
  SocketAddress(sock, true, peer, peer_port);
  const bool limited = !IsTrustedProxy(peer, limits_.trusted_proxies);
  const ClientSlots::Slot slot = limited ? slots_.Take(peer) : ClientSlots::Slot();
  if (limited && !slot) {
    Refuse(sock);
    ::close(sock);
    return false;
  }
  ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
  {
    TlsSession session;
    if (tls_ != nullptr) {
      session.ssl = SSL_new(tls_->ctx);
      if (session.ssl == nullptr || SSL_set_fd(session.ssl, sock) != 1 ||
          !Handshake(session.ssl, sock, stopping_, Clock::now() + limits_.header_timeout)) {
        ::close(sock);
        return false;
      }
    }
    DeadlineStream strm(sock, session.ssl, stopping_, limits_.io_timeout);
    Serve(strm, peer);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return true;
}

void GuardedServer::Serve(DeadlineStream& strm, const std::string& peer) {
  for (std::size_t n = 0; n < limits_.keep_alive_max_requests && !stopping_; ++n) {
    strm.set_read_deadline(Clock::now() + limits_.keep_alive_timeout);
    if (!strm.WaitReadable()) return;  // idle too long, or shutting down
    const auto start = Clock::now();
    strm.set_read_deadline(start + limits_.header_timeout);
    strm.set_write_deadline(Clock::time_point::max());
    bool headers_in = false, must_close = false;
    std::uint64_t body_start = 0, body_length = 0;
    auto setup = [&](httplib::Request& req) {
      headers_in = true;
      body_start = strm.bytes_read();
      body_length = std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
      // Where a chunked body ends is known only to whoever read it all.
      if (req.has_header("Transfer-Encoding")) must_close = true;
      strm.set_read_deadline(start + limits_.request_timeout);
      strm.set_write_deadline(start + limits_.request_timeout + limits_.io_timeout);
      req.remote_addr = ClientAddress(peer, ForwardedFor(req), limits_.trusted_proxies);
      if (FramingError(req.headers)) {
        // The body cannot be told apart from a next request: say so, and close.
        must_close = true;
        req.headers.erase("Connection");
        req.headers.emplace("Connection", "close");
      }
    };
    bool closed = false;
    const bool last = n + 1 == limits_.keep_alive_max_requests || stopping_;
    // A request whose head did not arrive whole (in time) was answered 400
    // at most: what follows it on the connection cannot be trusted either.
    if (!process_request(strm, last, closed, setup) || !headers_in || closed || must_close) return;
    // A body answered without being read (refused before it, too large)
    // must not be taken for the next request.
    if (strm.bytes_read() - body_start < body_length) return;
  }
}

}  // namespace sendguard
