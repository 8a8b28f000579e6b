#include "http/client_address.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(ClientAddressTest, OnlyTrustedProxiesAreBelieved) {
  const std::vector<std::string> trusted = {"127.0.0.1", "10.0.0.5"};
  EXPECT_EQ(ClientAddress("192.0.2.1", "203.0.113.7", trusted), "192.0.2.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7", trusted), "203.0.113.7");
  EXPECT_EQ(ClientAddress("::ffff:127.0.0.1", "203.0.113.7", trusted), "203.0.113.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", trusted), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7", {}), "127.0.0.1");
}

TEST(ClientAddressTest, TheRightmostUntrustedHopIsTheClient) {
  const std::vector<std::string> trusted = {"127.0.0.1", "10.0.0.5"};
  // The client wrote the first entry itself; the proxies appended the rest.
  EXPECT_EQ(ClientAddress("127.0.0.1", "1.1.1.1, 198.51.100.4, 10.0.0.5", trusted), "198.51.100.4");
  EXPECT_EQ(ClientAddress("127.0.0.1", "2001:db8::1", trusted), "2001:db8::1");
  // Garbage stops the walk at the last hop a trusted proxy vouched for.
  EXPECT_EQ(ClientAddress("127.0.0.1", "evil, 10.0.0.5", trusted), "10.0.0.5");
  EXPECT_EQ(ClientAddress("127.0.0.1", "1.1.1.1, <script>", trusted), "127.0.0.1");
}

TEST(ClientAddressTest, IpAddresses) {
  EXPECT_TRUE(IsIpAddress("10.0.0.1"));
  EXPECT_TRUE(IsIpAddress("::1"));
  EXPECT_FALSE(IsIpAddress("localhost"));
  EXPECT_FALSE(IsIpAddress("10.0.0.1/8"));
  EXPECT_FALSE(IsIpAddress(""));
}

}  // namespace
}  // namespace sendguard
