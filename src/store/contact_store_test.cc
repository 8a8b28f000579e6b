#include "store/contact_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/store_test_backend.h"

namespace sendguard {
namespace {

class ContactStoreTest : public testing::StoreTest {
 protected:
  std::unique_ptr<ContactStore> Open() {
    return std::move(StoreTest::Open({.contacts = true}).contacts);
  }
};

ContactBatch Batch(std::vector<ContactCount> contacts, std::vector<NameCount> names = {}) {
  return ContactBatch{std::move(contacts), std::move(names), {}};
}

TEST_P(ContactStoreTest, CountsAddUpAndTimesWidenAcrossRunsAndReopens) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store
                    ->AddContacts(Batch(
                        {{"ann@own.mil", "john@contoso.com", 3, "2026-02-01 00:00:00",
                          "2026-02-03 00:00:00"},
                         {"ann@own.mil", "ops@army.mil", 1, "", ""},
                         {"bob@own.mil", "john@contoso.com", 7, "", ""}},
                        {{"john@contoso.com", "John Smith", 3}, {"john@contoso.com", "J S", 1}}))
                    .ok());
    ASSERT_TRUE(store
                    ->AddContacts(Batch({{"ann@own.mil", "john@contoso.com", 2,
                                          "2026-01-15 00:00:00", "2026-02-02 00:00:00"}},
                                        {{"john@contoso.com", "John Smith", 2}}))
                    .ok());
    ASSERT_TRUE(store->AddContacts(ContactBatch{}).ok());
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<std::optional<SenderContacts>> ann = store->ReadContacts("ann@own.mil");
  ASSERT_TRUE(ann.ok()) << ann.status().message();
  ASSERT_TRUE(ann->has_value());
  ASSERT_EQ((*ann)->contacts().size(), 2u);
  const Contact* john = (*ann)->Find("john@contoso.com");
  ASSERT_NE(john, nullptr);
  EXPECT_EQ(john->messages, 5u);
  EXPECT_EQ(john->first_seen, "2026-01-15 00:00:00");
  EXPECT_EQ(john->last_seen, "2026-02-03 00:00:00");
  // "J S" is no name (NameKey); "John Smith" is kept once.
  ASSERT_EQ(john->names.size(), 1u);
  EXPECT_EQ(john->names[0], "john smith");
  const Contact* ops = (*ann)->Find("ops@army.mil");
  ASSERT_NE(ops, nullptr);
  EXPECT_EQ(ops->first_seen, "");

  Result<std::optional<SenderContacts>> bob = store->ReadContacts("bob@own.mil");
  ASSERT_TRUE(bob.ok());
  ASSERT_TRUE(bob->has_value());
  EXPECT_EQ((*bob)->contacts().size(), 1u);
  // A recipient is no sender; an unknown address is nothing.
  Result<std::optional<SenderContacts>> none = store->ReadContacts("john@contoso.com");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_FALSE(store->ReadContacts("eve@own.mil")->has_value());
}

TEST_P(ContactStoreTest, ACachedSourceReadsThroughTheStore) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddContacts(Batch({{"ann@own.mil", "john@contoso.com", 3, "", ""}})).ok());
  std::shared_ptr<ContactSource> source = CachedContacts(std::move(store), 1 << 20);
  Result<std::shared_ptr<const ContactView>> ann = source->Contacts("Ann@Own.mil");
  ASSERT_TRUE(ann.ok());
  ASSERT_NE(*ann, nullptr);
  EXPECT_TRUE((*ann)->Knows("john@contoso.com"));
  Result<std::shared_ptr<const ContactView>> eve = source->Contacts("eve@own.mil");
  ASSERT_TRUE(eve.ok());
  EXPECT_EQ(*eve, nullptr);
}

TEST_P(ContactStoreTest, GroupsAddUpPerSender) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ContactBatch b = Batch({{"ann@own.mil", "a@b.com", 1, "", ""}});
  b.groups = {{"ann@own.mil", 42, 2}, {"ann@own.mil", 1ull << 63, 1}, {"bob@own.mil", 42, 7}};
  ASSERT_TRUE(store->AddContacts(b).ok());
  b.groups = {{"ann@own.mil", 42, 3}};
  ASSERT_TRUE(store->AddContacts(b).ok());
  Result<std::optional<SenderContacts>> ann = store->ReadContacts("ann@own.mil");
  ASSERT_TRUE(ann.ok() && ann->has_value());
  EXPECT_EQ((*ann)->GroupMessages(42), 5u);
  EXPECT_EQ((*ann)->GroupMessages(1ull << 63), 1u);  // the top bit survives SQLite's int64
  EXPECT_EQ(*store->ChangedSince(0), (std::vector<std::string>{"ann@own.mil", "bob@own.mil"}));
}

TEST_P(ContactStoreTest, VersionsNameTheSendersChangedSince) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->Version(), 0u);
  ASSERT_TRUE(store
                  ->AddContacts(Batch({{"ann@own.mil", "a@b.com", 1, "", ""},
                                       {"bob@own.mil", "a@b.com", 1, "", ""}}))
                  .ok());
  const std::uint64_t v1 = *store->Version();
  EXPECT_GT(v1, 0u);
  ASSERT_TRUE(store->AddContacts(Batch({{"bob@own.mil", "c@d.com", 1, "", ""}})).ok());
  EXPECT_GT(*store->Version(), v1);
  EXPECT_EQ(*store->ChangedSince(v1), std::vector<std::string>{"bob@own.mil"});
  EXPECT_EQ(store->ChangedSince(0)->size(), 2u);
  EXPECT_EQ(*store->Senders(), (std::vector<std::string>{"ann@own.mil", "bob@own.mil"}));
  ASSERT_TRUE(store->AddContacts(ContactBatch{}).ok());  // nothing changed
  EXPECT_TRUE(store->ChangedSince(*store->Version())->empty());
}

// The index is what judging reads; what the store learns after it was
// written (serve's additions) is read from the store until the next one.
TEST_P(ContactStoreTest, JudgingReadsTheIndexAndTheStoreForWhatChangedSince) {
  const std::string index = ContactIndexPath(address() + "-test");
  {
    auto store = Open();
    ASSERT_TRUE(store
                    ->AddContacts(Batch({{"ann@own.mil", "john@contoso.com", 3, "", ""},
                                         {"bob@own.mil", "ops@army.mil", 2, "", ""}}))
                    .ok());
    Result<std::uint64_t> pairs = WriteContactIndex(*store, index);
    ASSERT_TRUE(pairs.ok()) << pairs.status().ToString();
    EXPECT_EQ(*pairs, 2u);
    ASSERT_TRUE(store->AddContacts(Batch({{"bob@own.mil", "new@army.mil", 1, "", ""}})).ok());
  }
  Result<std::shared_ptr<IndexedContacts>> source = OpenContacts(Open(), index, 1 << 20);
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  ASSERT_NE((*source)->index(), nullptr);
  std::shared_ptr<const ContactView> ann = *(*source)->Contacts("ann@own.mil");
  ASSERT_NE(ann, nullptr);
  EXPECT_TRUE(ann->Knows("john@contoso.com"));
  std::shared_ptr<const ContactView> bob = *(*source)->Contacts("bob@own.mil");
  ASSERT_NE(bob, nullptr);
  EXPECT_TRUE(bob->Knows("new@army.mil"));  // from the store: changed after the index
  EXPECT_EQ((*source)->fresh().stats().misses, 1u);
  EXPECT_EQ(*(*source)->Contacts("eve@own.mil"), nullptr);
  EXPECT_EQ((*source)->fresh().stats().misses, 1u);  // the index knows eve has none

  // Forget: ann's next look-up is the store's.
  {
    auto writer = Open();
    ASSERT_TRUE(writer->AddContacts(Batch({{"ann@own.mil", "x@y.com", 1, "", ""}})).ok());
  }
  (*source)->Forget({"ann@own.mil"});
  EXPECT_TRUE((*(*source)->Contacts("ann@own.mil"))->Knows("x@y.com"));

  // A damaged index is refused with what to do about it.
  std::ofstream(index, std::ios::trunc) << std::string(100, 'x');
  Result<std::shared_ptr<IndexedContacts>> damaged = OpenContacts(Open(), index, 1 << 20);
  ASSERT_FALSE(damaged.ok());
  EXPECT_NE(damaged.status().message().find("sendguard learn"), std::string::npos);
  std::filesystem::remove(index);
  // No index: everything from the store.
  Result<std::shared_ptr<IndexedContacts>> none = OpenContacts(Open(), index, 1 << 20);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ((*none)->index(), nullptr);
  EXPECT_TRUE((*(*none)->Contacts("bob@own.mil"))->Knows("ops@army.mil"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ContactStoreTest,
                         ::testing::ValuesIn(testing::StoreTestBackends()),
                         testing::StoreTestBackendName);

}  // namespace
}  // namespace sendguard
