#include "contacts/contact_collector.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "contacts/sender_contacts.h"

namespace sendguard {
namespace {

const ContactCount* Pair(const ContactBatch& b, const std::string& from, const std::string& to) {
  auto it = std::find_if(b.contacts.begin(), b.contacts.end(), [&](const ContactCount& c) {
    return c.sender == from && c.recipient == to;
  });
  return it == b.contacts.end() ? nullptr : &*it;
}

TEST(ContactCollectorTest, CountsPairsWithTheirFirstAndLastTimes) {
  ContactCollector c;
  c.Add("<Ann@Own.mil>", "john@contoso.com", "2026-02-01 10:00:00", "John Smith");
  c.Add("ann@own.mil", "JOHN@contoso.com", "2026-01-01 10:00:00", "\"John Smith\"");
  c.Add("ann@own.mil", "john@contoso.com", "", "");
  c.Add("bob@own.mil", "john@contoso.com", "2026-03-01 10:00:00", "john@contoso.com");
  c.Add("", "john@contoso.com", "", "");        // no sender: not a pair
  c.Add("ann@own.mil", "undisclosed", "", "");  // no address
  EXPECT_EQ(c.added(), 4u);
  ContactBatch b = c.Take();
  ASSERT_EQ(b.contacts.size(), 2u);
  const ContactCount* ann = Pair(b, "ann@own.mil", "john@contoso.com");
  ASSERT_NE(ann, nullptr);
  EXPECT_EQ(ann->messages, 3u);
  EXPECT_EQ(ann->first_seen, "2026-01-01 10:00:00");
  EXPECT_EQ(ann->last_seen, "2026-02-01 10:00:00");
  // The address given as its own name is no name.
  ASSERT_EQ(b.names.size(), 2u);
  EXPECT_TRUE(c.Take().empty());
}

TEST(ContactCollectorTest, IsFullAtItsBound) {
  ContactCollector c(3);
  c.Add("a@own.mil", "x@p.com", "", "");
  c.Add("a@own.mil", "y@p.com", "", "");
  EXPECT_FALSE(c.full());
  c.Add("a@own.mil", "z@p.com", "", "");
  EXPECT_TRUE(c.full());
  EXPECT_EQ(c.Take().contacts.size(), 3u);
  EXPECT_FALSE(c.full());
}

TEST(ContactCollectorTest, CountsRecipientSetsAsGroups) {
  ContactCollector c;
  c.AddGroup("Ann@own.mil", {"b@p.com", "A@p.com"});
  c.AddGroup("ann@own.mil", {"a@p.com", "<b@p.com>"});  // the same set
  c.AddGroup("ann@own.mil", {"a@p.com"});               // one address: no group
  c.AddGroup("", {"a@p.com", "b@p.com"});               // no sender
  ContactBatch b = c.Take();
  ASSERT_EQ(b.groups.size(), 1u);
  EXPECT_EQ(b.groups[0].sender, "ann@own.mil");
  EXPECT_EQ(b.groups[0].messages, 2u);
  EXPECT_EQ(b.groups[0].signature, RecipientGroupSignature({"a@p.com", "b@p.com"}));
  EXPECT_NE(RecipientGroupSignature({"a@p.com", "b@p.com"}),
            RecipientGroupSignature({"a@p.com", "c@p.com"}));
  EXPECT_EQ(RecipientGroupSignature({"a@p.com", "a@p.com"}), 0u);
  // Stored in every store and index: the same number in every build.
  EXPECT_EQ(RecipientGroupSignature({"B@p.com", "a@p.com"}), 6677701918028865830ull);
  EXPECT_FALSE(b.empty());
  EXPECT_TRUE(c.Take().empty());
}

}  // namespace
}  // namespace sendguard
