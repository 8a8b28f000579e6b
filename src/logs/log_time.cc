#include "logs/log_time.h"

#include <gmime/gmime.h>

#include <cstdio>
#include <ctime>
#include <memory>

#include "mail/gmime_init.h"

namespace sendguard {
namespace {

constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";

int Month(std::string_view name) {
  if (name.size() != 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (kMonths.substr(static_cast<std::size_t>(m) * 3, 3) == name) return m + 1;
  }
  return 0;
}

// The number in s[pos, pos+len), or -1 when any byte is not a digit.
int Number(std::string_view s, std::size_t pos, std::size_t len) {
  if (pos + len > s.size()) return -1;
  int n = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    char c = s[i];
    if (c == ' ' && i == pos && len == 2) continue;  // "Nov  5"
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::optional<std::string> Format(int y, int mo, int d, int h, int mi, int s) {
  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > DaysIn(y, mo) || h < 0 || h > 23 ||
      mi < 0 || mi > 59 || s < 0 || s > 60) {
    return std::nullopt;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
  return std::string(buf);
}

}  // namespace

YearHint YearHintFor(long long mtime) {
  std::time_t t = static_cast<std::time_t>(mtime);
  std::tm tm{};
  if (localtime_r(&t, &tm) == nullptr) return {};
  return {tm.tm_year + 1900, tm.tm_mon + 1};
}

std::optional<std::string> NormalizeLogTime(std::string_view s, YearHint hint) {
  if (s.size() >= 15 && s[3] == ' ' && s[6] == ' ' && s[9] == ':' && s[12] == ':') {
    int mo = Month(s.substr(0, 3));
    if (mo == 0) return std::nullopt;
    int y = mo > hint.month ? hint.year - 1 : hint.year;
    return Format(y, mo, Number(s, 4, 2), Number(s, 7, 2), Number(s, 10, 2), Number(s, 13, 2));
  }
  if (s.size() >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') &&
      s[13] == ':' && s[16] == ':') {
    if (s[8] == ' ') return std::nullopt;
    return Format(Number(s, 0, 4), Number(s, 5, 2), Number(s, 8, 2), Number(s, 11, 2),
                  Number(s, 14, 2), Number(s, 17, 2));
  }
  return std::nullopt;
}

std::optional<std::string> NormalizeMessageDate(std::string_view date) {
  EnsureGMimeInitialized();
  std::string copy(date);
  GDateTime* dt = g_mime_utils_header_decode_date(copy.c_str());
  if (dt == nullptr) return std::nullopt;
  std::unique_ptr<GDateTime, void (*)(GDateTime*)> holder(dt, g_date_time_unref);
  return Format(g_date_time_get_year(dt), g_date_time_get_month(dt),
                g_date_time_get_day_of_month(dt), g_date_time_get_hour(dt),
                g_date_time_get_minute(dt), g_date_time_get_second(dt));
}

}  // namespace sendguard
