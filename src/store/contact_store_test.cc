#include "store/contact_store.h"

#include <gtest/gtest.h>

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
  return ContactBatch{std::move(contacts), std::move(names)};
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
  Result<std::shared_ptr<const SenderContacts>> ann = source->Contacts("Ann@Own.mil");
  ASSERT_TRUE(ann.ok());
  ASSERT_NE(*ann, nullptr);
  EXPECT_NE((*ann)->Find("john@contoso.com"), nullptr);
  Result<std::shared_ptr<const SenderContacts>> eve = source->Contacts("eve@own.mil");
  ASSERT_TRUE(eve.ok());
  EXPECT_EQ(*eve, nullptr);
}

INSTANTIATE_TEST_SUITE_P(Backends, ContactStoreTest,
                         ::testing::ValuesIn(testing::StoreTestBackends()),
                         testing::StoreTestBackendName);

}  // namespace
}  // namespace sendguard
