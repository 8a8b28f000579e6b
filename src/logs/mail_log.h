// Reading MTA logs: Postfix, Exim and Sendmail lines that name a message's
// envelope sender (Postfix qmgr "from=", Exim "<=", Sendmail "from=") or one
// delivered recipient (Postfix "status=sent", Exim "=>"/"->", Sendmail
// "stat=Sent").

#ifndef SENDGUARD_LOGS_MAIL_LOG_H_
#define SENDGUARD_LOGS_MAIL_LOG_H_

#include <optional>
#include <string>
#include <string_view>

namespace sendguard {

enum class LogFormat { kPostfix, kExim, kSendmail };

enum class LogLineKind {
  kOther,      // another program's line, a deferral, a bounce, a connect, ...
  kSender,     // a message's envelope sender: `address` (empty for "<>")
  kSent,       // one recipient delivered: `address`, `relay`
  kMalformed,  // looks like a sender or delivery line but cannot be read,
               // or has no time stamp at all
};

// What one log line says. The views point into the line given to
// ParseLogLine and are valid as long as it is.
struct LogLine {
  LogLineKind kind = LogLineKind::kOther;
  std::string_view time;      // as written: "Nov 29 10:00:01", "2026-11-29T10:00:01.5+01:00"
  std::string_view queue_id;  // the MTA's message id: "4F2A11234", "1tGxyz-000ABC-12"
  std::string_view address;   // as written (not lower-cased)
  std::string_view relay;     // next hop host without address or port; may be empty
};

// Classifies one line (without its line end; a trailing '\r' is ignored).
// Never fails: anything unrecognised is kOther or kMalformed.
LogLine ParseLogLine(std::string_view line, LogFormat format);

// One recipient delivered, as one log line tells it.
struct SentLine {
  std::string time;  // as written
  std::string queue_id;
  std::string recipient;  // lower-cased address
  std::string relay;      // may be empty
};

// The sent recipient a line records, or nullopt when the line is anything else.
std::optional<SentLine> ParseSentLine(std::string_view line, LogFormat format);

// Guesses the format from the first lines of a log; nullopt when none fits.
std::optional<LogFormat> DetectLogFormat(std::string_view head);

}  // namespace sendguard

#endif  // SENDGUARD_LOGS_MAIL_LOG_H_
