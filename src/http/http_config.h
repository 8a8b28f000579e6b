// The `http:` section of the configuration: the HTTP API and console.
//
//   http:
//     public_url: https://sendguard.example.mil   # base of links in notices
//     api_tokens: [...]                  # for POST /api/v1/check; loopback only without
//     admin_tokens: [...]                # API access with admin rights
//     link_ttl_hours: 72
//     sender_can_send_as_written: true
//     max_body_bytes: 33554432
//     timeout_seconds: 30
//     header_timeout_seconds: 10         # a request's line and headers arrive within it
//     request_timeout_seconds: 120       # and the whole request within this
//     max_connections_per_client: 32
//     trusted_proxies: [127.0.0.1]       # reverse proxies whose X-Forwarded-For is believed
//     tls_cert: /etc/sendguard/cert.pem  # with tls_key: HTTPS
//     tls_key: /etc/sendguard/key.pem

#ifndef SENDGUARD_HTTP_HTTP_CONFIG_H_
#define SENDGUARD_HTTP_HTTP_CONFIG_H_

#include <cstddef>
#include <string>
#include <vector>

#include "util/yaml_section.h"

namespace sendguard {

// The HTTP API and console (served with serve.http).
struct HttpConfig {
  // Base URL of the console as senders and admins reach it, for the links
  // in notices ("https://sendguard.example.mil").
  std::string public_url = "http://127.0.0.1:8025";
  // Bearer tokens for POST /api/v1/check. With none, only loopback clients may check.
  std::vector<std::string> api_tokens;
  // Bearer tokens with the administrator's rights over the API (scripts,
  // Prometheus); people use accounts (`sendguard admin add`).
  std::vector<std::string> admin_tokens;
  int link_ttl_hours = 72;  // how long a sender's link works
  // Whether a sender may have a held message sent as written (not only to
  // the suggested address) from their link; never for a message held by a
  // rule about content.
  bool sender_can_send_as_written = true;
  std::size_t max_body_bytes = 32 << 20;  // requests larger are refused (413)
  int timeout_seconds = 30;               // per read and write
  // A request's line and headers must arrive within header_timeout_seconds
  // of its first byte, and all of it within request_timeout_seconds,
  // however slowly the client sends.
  int header_timeout_seconds = 10;
  int request_timeout_seconds = 120;
  // Connections one client address may have open at once; more are
  // answered 503 and closed. Trusted proxies are not limited.
  std::size_t max_connections_per_client = 32;  // half the 64 workers
  // Reverse proxies in front of the console (their addresses, as the
  // server sees them). From them, the client is the address they name in
  // X-Forwarded-For: it is what login throttling and the loopback rule see.
  std::vector<std::string> trusted_proxies;
  std::string tls_cert, tls_key;  // PEM files; HTTPS when both are set
};

// Reads the `http:` section into `out`; `name` is the file, for errors.
// Tokens need 16 characters or more; tls_cert and tls_key go together.
config_internal::Handler HttpSection(const std::string& name, HttpConfig* out);

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_HTTP_CONFIG_H_
