// Reading sent mail, one delivered recipient at a time, from MTA logs (Postfix,
// Exim, Sendmail; rotated and compressed files too) or Sent mailboxes (mbox,
// Maildir), in constant memory.

#ifndef SENDGUARD_LOGS_SENT_MAIL_H_
#define SENDGUARD_LOGS_SENT_MAIL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "logs/log_time.h"
#include "logs/mail_log.h"
#include "sendguard/status.h"

namespace sendguard {

// What a file of sent mail is: an MTA log in one of the LogFormats, or a
// Sent mailbox (an mbox file or a Maildir folder).
struct SentFormat {
  std::optional<LogFormat> log;  // nullopt: a mailbox
  bool operator==(const SentFormat&) const = default;
};

// "postfix", "exim", "sendmail", "mbox"/"maildir" (both a mailbox); nullopt otherwise.
std::optional<SentFormat> ParseSentFormat(std::string_view name);

// The format of `path` from its first bytes (a directory is a mailbox);
// an error naming the file when it cannot be told.
Result<SentFormat> DetectSentFormat(const std::string& path);

// One delivered recipient. Views are valid during the visitor call only.
struct SentRecipient {
  std::string_view message;    // the message: a queue id, or the mailbox entry ("Sent#12")
  std::string_view sender;     // the envelope sender (From of a mailbox message); may be empty
  std::string_view recipient;  // as written
  std::string_view name;       // its display name in To/Cc/Bcc (mailboxes only); may be empty
  std::string_view relay;      // next hop when the log names it
  std::string_view stamp;      // the time as written (log stamp or Date header)
  bool from_log = true;
  YearHint year;

  // The time as "YYYY-MM-DD HH:MM:SS", or nullopt when the stamp is unreadable.
  std::optional<std::string> Time() const;
};

struct ReadStats {
  std::uint64_t lines = 0;       // log lines read (0 for mailboxes)
  std::uint64_t bytes = 0;       // log bytes read, decompressed
  std::uint64_t file_bytes = 0;  // of which from the file being read
  std::uint64_t malformed = 0;   // lines that looked like MTA records but could not be read
  std::uint64_t messages = 0;    // mailbox messages read
  std::uint64_t unreadable = 0;  // mailbox messages that could not be parsed
  std::uint64_t deliveries = 0;  // recipients visited
};

struct ReadOptions {
  std::optional<YearHint> year;  // for RFC 3164 stamps; default: from the file's mtime
  // Whether deliveries need their sender (false: the sender lines are skipped).
  bool senders = true;
  // About how many recent messages' senders are remembered to pair them with
  // their deliveries (the lines of one message sit close together in a log;
  // a delivery deferred for longer may come without its sender).
  std::size_t sender_window = 1 << 20;
  // Called about every `progress_every` log lines and after each file.
  std::function<void(const std::string& path, const ReadStats&)> progress;
  std::uint64_t progress_every = 1 << 20;
};

using SentVisitor = std::function<void(const SentRecipient&)>;

// Visits every delivered recipient in `path`, read as `format`, adding to
// `*stats`. Malformed lines and unparseable messages are counted, never
// fatal; the error is for a file that cannot be opened or decompressed.
Status ReadSentMail(const std::string& path, SentFormat format, const ReadOptions& options,
                    const SentVisitor& visit, ReadStats* stats);

}  // namespace sendguard

#endif  // SENDGUARD_LOGS_SENT_MAIL_H_
