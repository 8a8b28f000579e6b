// The `delivery:` and `notice:` sections of the configuration: where
// releases and notices are submitted, and what notices say.
//
//   delivery:
//     relay: smtp://127.0.0.1:10026      # releases and notices; must bypass the milter
//     timeout_ms: 30000
//   notice:
//     enabled: true
//     from: postmaster@example.mil
//     subject: "Your message was {action}: {subject}"
//     body: "..."                        # {action} {subject} {recipients} {reason} {suggestions}
//                                        # {id} {link}

#ifndef SENDGUARD_DELIVERY_DELIVERY_CONFIG_H_
#define SENDGUARD_DELIVERY_DELIVERY_CONFIG_H_

#include <string>

#include "delivery/notice.h"
#include "delivery/smtp_sender.h"
#include "util/yaml_section.h"

namespace sendguard {

// Reads `delivery:` into `out`; the relay is smtp:// or smtps://.
config_internal::Handler DeliverySection(const std::string& name, SmtpRelay* out);

// Reads `notice:` into `out`.
config_internal::Handler NoticeSection(const std::string& name, NoticeConfig* out);

}  // namespace sendguard

#endif  // SENDGUARD_DELIVERY_DELIVERY_CONFIG_H_
