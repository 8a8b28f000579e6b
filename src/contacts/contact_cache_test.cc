#include "contacts/contact_cache.h"

#include <gtest/gtest.h>

#include <map>

namespace sendguard {
namespace {

SenderContacts Of(int n) {
  std::vector<Contact> v;
  for (int i = 0; i < n; ++i) v.push_back({"c" + std::to_string(i) + "@p.com", 1, "", "", {}});
  return SenderContacts(std::move(v));
}

// How many contacts Of() gave the view.
int Count(const ContactView& c) {
  int n = 0;
  c.ForEachInDomain("p.com", [&](std::string_view, std::uint64_t) { ++n; });
  return n;
}

TEST(ContactCacheTest, LoadsOnceAndRemembersSendersWithNone) {
  std::map<std::string, int> loads;
  ContactCache cache(
      [&](const std::string& s) -> Result<std::optional<SenderContacts>> {
        ++loads[s];
        if (s == "ann@own.mil") return std::optional<SenderContacts>(Of(3));
        return std::optional<SenderContacts>();
      },
      1 << 20);
  for (int i = 0; i < 3; ++i) {
    Result<std::shared_ptr<const ContactView>> a = cache.Contacts("<ANN@own.mil>");
    ASSERT_TRUE(a.ok());
    ASSERT_NE(*a, nullptr);
    EXPECT_EQ(Count(**a), 3);
    Result<std::shared_ptr<const ContactView>> b = cache.Contacts("bob@own.mil");
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(*b, nullptr);
  }
  EXPECT_EQ(loads["ann@own.mil"], 1);
  EXPECT_EQ(loads["bob@own.mil"], 1);
  EXPECT_EQ(cache.stats().hits, 4u);
  EXPECT_EQ(cache.stats().misses, 2u);
  Result<std::shared_ptr<const ContactView>> none = cache.Contacts("");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, nullptr);
}

TEST(ContactCacheTest, StaysWithinItsBytesDroppingTheLeastRecent) {
  const std::size_t one = Of(50).bytes() + 200;
  ContactCache cache(
      [&](const std::string&) -> Result<std::optional<SenderContacts>> {
        return std::optional<SenderContacts>(Of(50));
      },
      3 * one);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(cache.Contacts("s" + std::to_string(i) + "@o").ok());
  ContactCache::Stats s = cache.stats();
  EXPECT_LE(s.bytes, 3 * one);
  EXPECT_GE(s.senders, 2u);
  EXPECT_LE(s.senders, 3u);
  EXPECT_GE(s.evictions, 7u);
  ASSERT_TRUE(cache.Contacts("s9@o").ok());  // the latest is still there
  EXPECT_EQ(cache.stats().hits, 1u);
}

TEST(ContactCacheTest, AFailedReadIsAnErrorAndIsNotRemembered) {
  int calls = 0;
  ContactCache cache(
      [&](const std::string&) -> Result<std::optional<SenderContacts>> {
        if (++calls == 1) return UnavailableError("the store is gone");
        return std::optional<SenderContacts>(Of(1));
      },
      1 << 20);
  Result<std::shared_ptr<const ContactView>> first = cache.Contacts("ann@own.mil");
  EXPECT_FALSE(first.ok());
  EXPECT_NE(first.status().message().find("gone"), std::string::npos);
  Result<std::shared_ptr<const ContactView>> second = cache.Contacts("ann@own.mil");
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*second, nullptr);
}

TEST(ContactCacheTest, ForgottenSendersAreReadAgain) {
  int loads = 0;
  int size = 1;
  ContactCache cache(
      [&](const std::string&) -> Result<std::optional<SenderContacts>> {
        ++loads;
        return std::optional<SenderContacts>(Of(size));
      },
      1 << 20);
  ASSERT_TRUE(cache.Contacts("ann@own.mil").ok());
  size = 2;  // the store learnt more of ann
  EXPECT_EQ(Count(**cache.Contacts("ann@own.mil")), 1);
  cache.Forget({"ANN@own.mil", "nobody@own.mil"});
  EXPECT_EQ(cache.stats().senders, 0u);
  EXPECT_EQ(cache.stats().bytes, 0u);
  EXPECT_EQ(Count(**cache.Contacts("ann@own.mil")), 2);
  EXPECT_EQ(loads, 2);
}

}  // namespace
}  // namespace sendguard
