#include "delivery/delivery_config.h"

#include "util/yaml_config.h"

namespace sendguard {

using namespace config_internal;  // NOLINT

Handler DeliverySection(const std::string& name, SmtpRelay* out) {
  return [=](const YAML::Node& n) {
    ForEachKey(name, n, "delivery",
               {
                   {"relay",
                    [=](const YAML::Node& v) {
                      out->url = As<std::string>(name, v, "delivery.relay");
                      if (out->url.rfind("smtp://", 0) != 0 && out->url.rfind("smtps://", 0) != 0) {
                        throw ConfigError(name, v,
                                          "delivery.relay must be smtp://HOST:PORT "
                                          "or smtps://HOST:PORT");
                      }
                    }},
                   {"timeout_ms",
                    Number<long>(name, "delivery.timeout_ms", &out->timeout_ms, 100, 600000)},
               });
  };
}

Handler NoticeSection(const std::string& name, NoticeConfig* out) {
  return [=](const YAML::Node& n) {
    ForEachKey(name, n, "notice",
               {
                   {"enabled", Flag(name, "notice.enabled", &out->enabled)},
                   {"from", Text(name, "notice.from", &out->from)},
                   {"subject", Text(name, "notice.subject", &out->subject)},
                   {"body", Text(name, "notice.body", &out->body)},
               });
  };
}

}  // namespace sendguard
