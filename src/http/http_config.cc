#include "http/http_config.h"

#include "http/client_address.h"
#include "util/yaml_config.h"

namespace sendguard {

using namespace config_internal;  // NOLINT

Handler HttpSection(const std::string& name, HttpConfig* out) {
  return [=](const YAML::Node& n) {
    HttpConfig& h = *out;
    ForEachKey(name, n, "http",
               {
                   {"public_url",
                    [&](const YAML::Node& v) {
                      h.public_url = As<std::string>(name, v, "http.public_url");
                      if (h.public_url.rfind("http://", 0) != 0 &&
                          h.public_url.rfind("https://", 0) != 0) {
                        throw ConfigError(name, v, "http.public_url must start with https://");
                      }
                      while (!h.public_url.empty() && h.public_url.back() == '/')
                        h.public_url.pop_back();
                    }},
                   {"api_tokens", List(name, "http.api_tokens", &h.api_tokens)},
                   {"admin_tokens", List(name, "http.admin_tokens", &h.admin_tokens)},
                   {"link_ttl_hours",
                    Number<int>(name, "http.link_ttl_hours", &h.link_ttl_hours, 1, 24 * 90)},
                   {"sender_can_send_as_written",
                    Flag(name, "http.sender_can_send_as_written", &h.sender_can_send_as_written)},
                   {"max_body_bytes", Number<std::size_t>(name, "http.max_body_bytes",
                                                          &h.max_body_bytes, 1024, 1u << 30)},
                   {"timeout_seconds",
                    Number<int>(name, "http.timeout_seconds", &h.timeout_seconds, 1, 3600)},
                   {"header_timeout_seconds", Number<int>(name, "http.header_timeout_seconds",
                                                          &h.header_timeout_seconds, 1, 600)},
                   {"request_timeout_seconds", Number<int>(name, "http.request_timeout_seconds",
                                                           &h.request_timeout_seconds, 1, 3600)},
                   {"max_connections_per_client",
                    Number<std::size_t>(name, "http.max_connections_per_client",
                                        &h.max_connections_per_client, 1, 100000)},
                   {"trusted_proxies", List(name, "http.trusted_proxies", &h.trusted_proxies)},
                   {"tls_cert", Text(name, "http.tls_cert", &h.tls_cert)},
                   {"tls_key", Text(name, "http.tls_key", &h.tls_key)},
               });
    for (const auto* list : {&h.api_tokens, &h.admin_tokens}) {
      for (const std::string& t : *list) {
        if (t.size() < 16) throw ConfigError(name, n, "http tokens need 16 characters or more");
      }
    }
    if (h.request_timeout_seconds < h.header_timeout_seconds) {
      throw ConfigError(name, n,
                        "http.request_timeout_seconds must be at least header_timeout_seconds");
    }
    for (const std::string& p : h.trusted_proxies) {
      if (!IsIpAddress(p)) {
        throw ConfigError(name, n, "http.trusted_proxies holds IP addresses, not " + p);
      }
    }
    if (h.tls_cert.empty() != h.tls_key.empty()) {
      throw ConfigError(name, n, "http.tls_cert and http.tls_key go together");
    }
  };
}

}  // namespace sendguard
