// Reading delivery records from MTA logs: Postfix (status=sent), Exim (=>
// and -> lines) and Sendmail (stat=Sent).

#ifndef SENDGUARD_LOGS_MAIL_LOG_H_
#define SENDGUARD_LOGS_MAIL_LOG_H_

#include <optional>
#include <string>
#include <string_view>

namespace sendguard {

enum class LogFormat { kPostfix, kExim, kSendmail };

// One recipient delivered, as one log line tells it.
struct Delivery {
  std::string time;       // as written: "Nov 29 10:00:01" or "2026-11-29 10:00:01"
  std::string queue_id;   // the MTA's message id: "4F2A11234", "1tGxyz-000ABC-12"
  std::string recipient;  // lower-cased address
  std::string relay;      // next hop host when the line names one; may be empty
};

// The delivery a line records, or nullopt when the line is anything else
// (a deferral, a bounce, another program's line, garbage).
std::optional<Delivery> ParseDeliveryLine(std::string_view line, LogFormat format);

// Guesses the format from the first lines of a log; nullopt when none fits.
std::optional<LogFormat> DetectLogFormat(std::string_view head);

}  // namespace sendguard

#endif  // SENDGUARD_LOGS_MAIL_LOG_H_
