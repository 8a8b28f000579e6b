#include "contacts/sender_contacts.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(NameKeyTest, OrderCaseAndPunctuationDoNotMatter) {
  EXPECT_EQ(NameKey("John Smith"), "john smith");
  EXPECT_EQ(NameKey("Smith, John"), "john smith");
  EXPECT_EQ(NameKey("\"SMITH John\""), "john smith");
  EXPECT_EQ(NameKey("John Smith (Contoso)"), "john smith");
  EXPECT_EQ(NameKey("J. Smith"), "");  // one word of two letters or more names no one
  EXPECT_EQ(NameKey("Accounts"), "");
  EXPECT_EQ(NameKey(""), "");
}

TEST(NameKeyTest, LocalPartsThatSpellAName) {
  EXPECT_EQ(LocalPartNameKey("john.smith"), "john smith");
  EXPECT_EQ(LocalPartNameKey("smith_john+news"), "john smith");
  EXPECT_EQ(LocalPartNameKey("John-Smith"), "john smith");
  EXPECT_EQ(LocalPartNameKey("jsmith"), "");
  EXPECT_EQ(LocalPartNameKey("john.smith2"), "");  // a digit: not a name
  EXPECT_EQ(LocalPartNameKey("j.smith"), "");
}

TEST(AddressPartsTest, LocalWithoutTagAndDomain) {
  EXPECT_EQ(LocalOf("john+tag@contoso.com"), "john");
  EXPECT_EQ(LocalOf("+tag@contoso.com"), "+tag");
  EXPECT_EQ(DomainOf("john@contoso.com"), "contoso.com");
  EXPECT_EQ(DomainOf("nodomain"), "");
}

TEST(SenderContactsTest, FindsByAddressDomainAndName) {
  SenderContacts c(
      {{"John.Smith@Contoso.com", 5, "2026-01-02 10:00:00", "2026-03-01 09:00:00", {"john smith"}},
       {"ann.lee@contoso.com", 2, "", "", {}},
       {"ops@army.mil", 40, "", "", {}},
       {"john.smith@contoso.com",
        1,
        "2025-12-01 08:00:00",
        "2026-01-01 00:00:00",
        {"smith john"}}});
  ASSERT_EQ(c.contacts().size(), 3u);
  const Contact* john = c.Find("JOHN.SMITH@contoso.com");
  ASSERT_NE(john, nullptr);
  EXPECT_EQ(john->messages, 6u);
  EXPECT_EQ(john->first_seen, "2025-12-01 08:00:00");
  EXPECT_EQ(john->last_seen, "2026-03-01 09:00:00");
  EXPECT_EQ(john->names.size(), 2u);
  EXPECT_EQ(c.Find("jon.smith@contoso.com"), nullptr);
  EXPECT_EQ(c.InDomain("contoso.com").size(), 2u);
  EXPECT_EQ(c.InDomain("army.mil").size(), 1u);
  EXPECT_TRUE(c.InDomain("navy.mil").empty());
  EXPECT_EQ(c.ByName("john smith", "x@y.z"), john);
  EXPECT_EQ(c.ByName("john smith", "john.smith@contoso.com"), nullptr);
  EXPECT_EQ(c.ByName("ann lee", ""), c.Find("ann.lee@contoso.com"));  // by local part
  EXPECT_EQ(c.ByName("", ""), nullptr);
  EXPECT_GT(c.bytes(), 0u);
}

}  // namespace
}  // namespace sendguard
