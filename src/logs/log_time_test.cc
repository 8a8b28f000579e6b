#include "logs/log_time.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(LogTimeTest, SyslogStampsTakeTheYearFromTheHint) {
  YearHint hint{2026, 11};
  EXPECT_EQ(NormalizeLogTime("Nov 29 10:00:01", hint), "2026-11-29 10:00:01");
  EXPECT_EQ(NormalizeLogTime("Nov  5 09:08:07", hint), "2026-11-05 09:08:07");
  // December in a log last written in November is the year before.
  EXPECT_EQ(NormalizeLogTime("Dec 31 23:59:59", hint), "2025-12-31 23:59:59");
  EXPECT_EQ(NormalizeLogTime("Feb 29 12:00:00", YearHint{2028, 12}), "2028-02-29 12:00:00");
}

TEST(LogTimeTest, IsoStampsKeepTheirLocalTime) {
  EXPECT_EQ(NormalizeLogTime("2026-11-29T10:00:01.123456+01:00", {}), "2026-11-29 10:00:01");
  EXPECT_EQ(NormalizeLogTime("2026-11-29 10:00:01", {}), "2026-11-29 10:00:01");
}

TEST(LogTimeTest, RejectsImpossibleStamps) {
  YearHint hint{2026, 12};
  for (const char* bad :
       {"Foo 29 10:00:01", "Feb 30 10:00:01", "Nov 29 25:00:01", "Nov xx 10:00:01",
        "2026-13-01 10:00:01", "2026-02-29 10:00:01", "2026-11-29X10:00:01", "", "Nov 29"}) {
    EXPECT_FALSE(NormalizeLogTime(bad, hint).has_value()) << bad;
  }
}

TEST(LogTimeTest, MessageDates) {
  EXPECT_EQ(NormalizeMessageDate("Sun, 29 Nov 2026 10:00:01 +0100"), "2026-11-29 10:00:01");
  EXPECT_FALSE(NormalizeMessageDate("not a date").has_value());
}

}  // namespace
}  // namespace sendguard
