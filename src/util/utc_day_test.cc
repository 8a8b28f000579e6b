#include "util/utc_day.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(UtcDayTest, DaysAreUtcDates) {
  EXPECT_EQ(UtcDay(0), "1970-01-01");
  EXPECT_EQ(UtcDay(1796233580), "2026-12-02");
  EXPECT_EQ(UtcDay(86399), "1970-01-01");
  EXPECT_EQ(UtcDay(86400), "1970-01-02");
}

TEST(UtcDayTest, DaysAgoCountBackFromToday) {
  EXPECT_EQ(UtcDaysAgo(0), UtcDay(std::time(nullptr)));
  EXPECT_EQ(UtcDaysAgo(1), UtcDay(std::time(nullptr) - 86400));
}

}  // namespace
}  // namespace sendguard
