// Submitting a message by SMTP (libcurl): releases from quarantine and
// sender notices.

#ifndef SENDGUARD_DELIVERY_SMTP_SENDER_H_
#define SENDGUARD_DELIVERY_SMTP_SENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "sendguard/status.h"

namespace sendguard {

struct SmtpRelay {
  // smtp://host:port (or smtps://). For releases this must be a listener
  // that does not pass mail through the sendguard milter again, e.g. a
  // Postfix smtpd with "-o smtpd_milters=" on a loopback port.
  std::string url = "smtp://127.0.0.1:10026";
  long timeout_ms = 30000;
};

// Sends `raw` from `mail_from` to `recipients` through `relay`. Fails with
// the server's reply when any step is refused.
Status SendMail(const SmtpRelay& relay, const std::string& mail_from,
                const std::vector<std::string>& recipients, std::string_view raw);

}  // namespace sendguard

#endif  // SENDGUARD_DELIVERY_SMTP_SENDER_H_
