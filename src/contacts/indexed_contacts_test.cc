#include "contacts/indexed_contacts.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace sendguard {
namespace {

class IndexedContactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<ContactIndexWriter>> w = ContactIndexWriter::Create(path_);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Add("ann@own.mil", SenderContacts({{"old@p.com", 2, "", "", {}}})).ok());
    ASSERT_TRUE((*w)->Add("bob@own.mil", SenderContacts({{"old@p.com", 1, "", "", {}}})).ok());
    ASSERT_TRUE((*w)->Finish(1).ok());
    Result<std::shared_ptr<const ContactIndex>> index = ContactIndex::Open(path_);
    ASSERT_TRUE(index.ok());
    index_ = std::move(index).value();
    fresh_ = std::make_shared<ContactCache>(
        [this](const std::string&) -> Result<std::optional<SenderContacts>> {
          ++loads_;
          return std::optional<SenderContacts>(
              SenderContacts({{"old@p.com", 3, "", "", {}}, {"new@p.com", 1, "", "", {}}}));
        },
        1 << 20);
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("indexed_contacts_test_" + std::to_string(::getpid()) + ".idx"))
                          .string();
  std::shared_ptr<const ContactIndex> index_;
  std::shared_ptr<ContactCache> fresh_;
  int loads_ = 0;
};

TEST_F(IndexedContactsTest, TheIndexUnlessTheSenderChangedSince) {
  IndexedContacts c(index_, fresh_, {"<BOB@own.mil>"});
  EXPECT_FALSE((*c.Contacts("Ann@Own.mil"))->Knows("new@p.com"));
  EXPECT_EQ(loads_, 0);
  EXPECT_TRUE((*c.Contacts("bob@own.mil"))->Knows("new@p.com"));
  EXPECT_EQ(loads_, 1);
  EXPECT_EQ(*c.Contacts("carol@own.mil"), nullptr);  // in neither: nothing known
  EXPECT_EQ(*c.Contacts(""), nullptr);
  EXPECT_EQ(loads_, 1);
  c.Forget({"ann@own.mil"});
  EXPECT_TRUE((*c.Contacts("ann@own.mil"))->Knows("new@p.com"));
  EXPECT_EQ(loads_, 2);
}

TEST_F(IndexedContactsTest, WithoutAnIndexEverySenderIsTheStores) {
  IndexedContacts c(nullptr, fresh_, {});
  EXPECT_TRUE((*c.Contacts("ann@own.mil"))->Knows("new@p.com"));
  EXPECT_EQ(loads_, 1);
}

}  // namespace
}  // namespace sendguard
