#include "http/api_server.h"

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "http/api_internal.h"
#include "http/guarded_server.h"

namespace sendguard {

using http_internal::Api;

namespace {

ConnectionLimits ConnectionLimitsOf(const HttpConfig& cfg) {
  ConnectionLimits l;
  l.header_timeout = std::chrono::seconds(cfg.header_timeout_seconds);
  l.request_timeout = std::chrono::seconds(cfg.request_timeout_seconds);
  l.io_timeout = std::chrono::seconds(cfg.timeout_seconds);
  l.per_client = cfg.max_connections_per_client;
  l.trusted_proxies = cfg.trusted_proxies;
  return l;
}

}  // namespace

struct ApiServer::Impl {
  explicit Impl(ApiServices s) : api(std::move(s)) {}
  Api api;
  std::unique_ptr<GuardedServer> server;
  Status tls = OkStatus();
  int port = 0;
  std::string host;
  std::atomic<bool> stop_asked{false}, running{false}, done{false};
};

ApiServer::ApiServer(ApiServices services) : impl_(std::make_unique<Impl>(std::move(services))) {
  const HttpConfig& cfg = impl_->api.services().http;
  impl_->server = std::make_unique<GuardedServer>(ConnectionLimitsOf(cfg));
  if (!cfg.tls_cert.empty()) impl_->tls = impl_->server->UseTls(cfg.tls_cert, cfg.tls_key);
  GuardedServer& srv = *impl_->server;
  // Enough workers for many keep-alive clients at once; a connection holds
  // a worker while it is open.
  srv.new_task_queue = [] { return new httplib::ThreadPool(64); };
  srv.set_tcp_nodelay(true);  // headers and body go in separate writes: no Nagle delay
  srv.set_payload_max_length(cfg.max_body_bytes);
  // Strangers' bodies are refused before they are read.
  srv.SetBeforeBody([this](const httplib::Request& req, httplib::Response& res) {
    return impl_->api.AdmitBody(req, res) ? httplib::Server::HandlerResponse::Unhandled
                                          : httplib::Server::HandlerResponse::Handled;
  });
  srv.set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
  });
  srv.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::cerr << "sendguard http: " << req.method << " " << req.path
                  << ": internal error: " << what << "\n";
        Api::Error(res, 500, "internal error");
      });
  srv.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already said why
    switch (res.status) {
      case 404:
        Api::Error(res, 404, "no such resource");
        break;
      case 413:
        Api::Error(res, 413, "request body too large");
        break;
      case 400:
        Api::Error(res, 400, "bad request");
        break;
      default:
        Api::Error(res, res.status, "request failed");
    }
  });
  http_internal::RegisterCheck(srv, impl_->api);
  http_internal::RegisterQuarantine(srv, impl_->api);
  http_internal::RegisterConsole(srv, impl_->api);
  http_internal::RegisterSender(srv, impl_->api);
  http_internal::RegisterAssets(srv);
}

ApiServer::~ApiServer() { Stop(); }

Status ApiServer::Bind(const std::string& given) {
  // A bare port listens on loopback only.
  const bool bare_port =
      !given.empty() && given.find_first_not_of("0123456789") == std::string::npos;
  const std::string address = bare_port ? "127.0.0.1:" + given : given;
  std::size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return InvalidArgumentError("HTTP address must be HOST:PORT, not " + address);
  }
  std::string host = address.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int port = 0;
  try {
    port = std::stoi(address.substr(colon + 1));
  } catch (...) {
    return InvalidArgumentError("HTTP address must be HOST:PORT, not " + address);
  }
  if (port < 0 || port > 65535) return InvalidArgumentError("bad port in " + address);
  if (!impl_->tls.ok()) return impl_->tls;
  Result<int> bound = impl_->server->Bind(host, port);
  if (!bound.ok()) return UnavailableError("cannot listen on " + address);
  impl_->port = *bound;
  impl_->host = host;
  return OkStatus();
}

int ApiServer::port() const { return impl_->port; }

void ApiServer::Run() {
  impl_->running = true;
  if (!impl_->stop_asked) impl_->server->listen_after_bind();
  impl_->done = true;
}

// httplib's stop() does nothing until the listen loop runs, so a stop that
// comes between Run() starting and that loop waits for it, then stops it
// once.
void ApiServer::Stop() {
  if (!impl_ || !impl_->server) return;
  impl_->stop_asked = true;
  impl_->server->BeginShutdown();
  if (!impl_->running) return;  // Run() was not called, or sees stop_asked
  auto pause = [] { std::this_thread::sleep_for(std::chrono::milliseconds(1)); };
  while (!impl_->done && !impl_->server->is_running()) pause();
  if (!impl_->done) impl_->server->stop();
  while (!impl_->done) pause();
}

}  // namespace sendguard
