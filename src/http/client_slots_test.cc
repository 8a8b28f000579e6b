#include "http/client_slots.h"

#include <gtest/gtest.h>

#include <vector>

namespace sendguard {
namespace {

TEST(ClientSlotsTest, EachAddressHoldsAtMostItsShare) {
  ClientSlots slots(2);
  std::vector<ClientSlots::Slot> held;
  held.push_back(slots.Take("10.0.0.1"));
  held.push_back(slots.Take("10.0.0.1"));
  EXPECT_TRUE(held[0] && held[1]);
  EXPECT_FALSE(slots.Take("10.0.0.1"));
  EXPECT_TRUE(slots.Take("10.0.0.2"));  // and gives it back at once
  EXPECT_EQ(slots.Held("10.0.0.1"), 2u);
  EXPECT_EQ(slots.Held("10.0.0.2"), 0u);
  held.pop_back();
  EXPECT_EQ(slots.Held("10.0.0.1"), 1u);
  ClientSlots::Slot again = slots.Take("10.0.0.1");
  EXPECT_TRUE(again);
  ClientSlots::Slot moved = std::move(again);
  EXPECT_FALSE(again);  // NOLINT: moved-from is empty
  EXPECT_EQ(slots.Held("10.0.0.1"), 2u);
}

}  // namespace
}  // namespace sendguard
