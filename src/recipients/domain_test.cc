#include "recipients/domain.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace sendguard {
namespace {

TEST(DomainTest, AsciiDomainsAreDissected) {
  Result<DomainName> d = ParseDomain("HQ.Army.MIL.");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->ascii, "hq.army.mil");
  EXPECT_EQ(d->registrable, "army.mil");
  EXPECT_EQ(d->suffix, "mil");
  EXPECT_EQ(d->label, "army");
  EXPECT_TRUE(d->known_suffix);
  EXPECT_EQ(d->WithRegistrable("navy.mil"), "hq.navy.mil");
}

TEST(DomainTest, DomainIsOrUnderItsParents) {
  EXPECT_TRUE(DomainIsOrUnder("army.mil", "army.mil"));
  EXPECT_TRUE(DomainIsOrUnder("hq.army.mil", "army.mil"));
  EXPECT_TRUE(DomainIsOrUnder("hq.army.mil", "mil"));
  EXPECT_FALSE(DomainIsOrUnder("notarmy.mil", "army.mil"));
  EXPECT_FALSE(DomainIsOrUnder("army.mil", "hq.army.mil"));
  EXPECT_FALSE(DomainIsOrUnder("army.mil", "navy.mil"));
  EXPECT_FALSE(DomainIsOrUnder("army.mil", ""));
  EXPECT_TRUE(DomainIsOrUnder("", ""));
}

TEST(DomainTest, KnownSuffixAnswersAreSharedByThreadsAndStayRight) {
  // Many threads at once, and more distinct names than are remembered.
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3000; ++i) {
        if (!IsKnownSuffix("mil") || !IsKnownSuffix("com") || IsKnownSuffix("ml.x") ||
            IsKnownSuffix("notatld" + std::to_string(t * 3000 + i))) {
          wrong.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_TRUE(IsKnownSuffix("uk"));
  EXPECT_FALSE(IsKnownSuffix("notatld-after-the-table-is-full"));
}

TEST(DomainTest, MultiLabelSuffixes) {
  Result<DomainName> d = ParseDomain("mail.mod.gov.uk");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->suffix, "gov.uk");
  EXPECT_EQ(d->registrable, "mod.gov.uk");
  EXPECT_EQ(d->label, "mod");
}

TEST(DomainTest, WildcardSuffixesAreDissectedAsIfTheWildcardWereNotThere) {
  // *.bd: every name.bd is a public suffix; names sit under com.bd, gov.bd.
  Result<DomainName> d = ParseDomain("banglalink.bd");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->wildcard);
  EXPECT_EQ(d->label, "banglalink");
  EXPECT_EQ(d->suffix, "bd");
  EXPECT_EQ(d->registrable, "banglalink.bd");
  Result<DomainName> under = ParseDomain("mail.banglalink.com.bd");
  ASSERT_TRUE(under.ok());
  EXPECT_FALSE(under->wildcard);
  EXPECT_EQ(under->suffix, "com.bd");
  EXPECT_EQ(under->registrable, "banglalink.com.bd");
  // An exception rule (!www.ck under *.ck) makes a registrable name.
  Result<DomainName> exception = ParseDomain("www.ck");
  ASSERT_TRUE(exception.ok());
  EXPECT_FALSE(exception->wildcard);
  EXPECT_EQ(exception->suffix, "ck");
  EXPECT_EQ(exception->label, "www");
  // A suffix by an explicit rule is still no domain of its own.
  Result<DomainName> explicit_rule = ParseDomain("co.uk");
  ASSERT_TRUE(explicit_rule.ok());
  EXPECT_FALSE(explicit_rule->wildcard);
  EXPECT_TRUE(explicit_rule->label.empty());
}

TEST(DomainTest, UnknownTopLevelDomain) {
  Result<DomainName> d = ParseDomain("army.mi");
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->known_suffix);
  EXPECT_EQ(d->label, "army");
  EXPECT_TRUE(ParseDomain("army.ml")->known_suffix);
}

TEST(DomainTest, InternationalisedDomains) {
  Result<DomainName> d = ParseDomain("\xD0\xB0rmy.mil");  // Cyrillic а
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->ascii.substr(0, 4), "xn--");
  EXPECT_EQ(d->unicode, "\xD0\xB0rmy.mil");
  Result<DomainName> back = ParseDomain(d->ascii);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->unicode, "\xD0\xB0rmy.mil");
  EXPECT_EQ(ParseDomain("B\xC3\xBC"
                        "cher.DE")
                ->ascii,
            "xn--bcher-kva.de");
}

TEST(DomainTest, Invalid) {
  EXPECT_FALSE(ParseDomain("").ok());
  EXPECT_FALSE(ParseDomain("a..b").ok());
  EXPECT_FALSE(ParseDomain("[127.0.0.1]").ok());
  EXPECT_FALSE(ParseDomain(std::string(64, 'a') + ".com").ok());
  EXPECT_FALSE(ParseDomain("bad\xFF.com").ok());
}

TEST(DomainTest, AddressDomainPart) {
  EXPECT_EQ(AddressDomainPart("<ops@army.ml>"), "army.ml");
  EXPECT_EQ(AddressDomainPart("\"a@b\"@c.org"), "c.org");
  EXPECT_EQ(AddressDomainPart("nobody"), "");
}

}  // namespace
}  // namespace sendguard
