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
  std::string tls_cert, tls_key;          // PEM files; HTTPS when both are set
};

// Reads the `http:` section into `out`; `name` is the file, for errors.
// Tokens need 16 characters or more; tls_cert and tls_key go together.
config_internal::Handler HttpSection(const std::string& name, HttpConfig* out);

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_HTTP_CONFIG_H_
