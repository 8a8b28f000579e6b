#include "util/utc_day.h"

namespace sendguard {

std::string UtcDay(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string UtcDaysAgo(int days) {
  return UtcDay(std::time(nullptr) - static_cast<std::time_t>(days) * 86400);
}

}  // namespace sendguard
