// Days as the dashboard counts them: "YYYY-MM-DD", in UTC.

#ifndef SENDGUARD_UTIL_UTC_DAY_H_
#define SENDGUARD_UTIL_UTC_DAY_H_

#include <ctime>
#include <string>

namespace sendguard {

// The UTC day `t` falls on.
std::string UtcDay(std::time_t t);

// The UTC day `days` days before now (0: today).
std::string UtcDaysAgo(int days);

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_UTC_DAY_H_
