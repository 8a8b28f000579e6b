// Log time stamps as sortable local times "YYYY-MM-DD HH:MM:SS".

#ifndef SENDGUARD_LOGS_LOG_TIME_H_
#define SENDGUARD_LOGS_LOG_TIME_H_

#include <optional>
#include <string>
#include <string_view>

namespace sendguard {

// RFC 3164 stamps ("Nov 29 10:00:01") carry no year. A log is read with the
// year and month it was last written (its modification time, or --year):
// a stamp whose month is later than that month is from the year before, so
// a log running from December into January dates both right.
struct YearHint {
  int year = 1970;
  int month = 12;  // 1..12
};

// The hint for a file last modified at `mtime` (seconds since the epoch),
// in local time.
YearHint YearHintFor(long long mtime);

// `stamp` as "YYYY-MM-DD HH:MM:SS", the local time as written (fractions and
// UTC offsets of ISO 8601 stamps are dropped), or nullopt when it is neither
// an RFC 3164 nor an ISO 8601 stamp with a valid date and time.
std::optional<std::string> NormalizeLogTime(std::string_view stamp, YearHint hint);

// An RFC 5322 Date header ("Sun, 29 Nov 2026 10:00:01 +0100") in the same
// form, in the header's own offset; nullopt when it cannot be read.
std::optional<std::string> NormalizeMessageDate(std::string_view date);

}  // namespace sendguard

#endif  // SENDGUARD_LOGS_LOG_TIME_H_
