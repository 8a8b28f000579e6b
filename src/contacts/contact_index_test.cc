#include "contacts/contact_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

namespace sendguard {
namespace {

class ContactIndexTest : public ::testing::Test {
 protected:
  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("contact_index_test_" + std::to_string(::getpid()) + ".idx"))
                          .string();
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  void Write(const std::vector<std::pair<std::string, SenderContacts>>& senders,
             std::uint64_t version) {
    Result<std::unique_ptr<ContactIndexWriter>> w = ContactIndexWriter::Create(path_);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    for (const auto& [sender, c] : senders) ASSERT_TRUE((*w)->Add(sender, c).ok());
    ASSERT_TRUE((*w)->Finish(version).ok());
  }
};

std::vector<std::pair<std::string, std::uint64_t>> InDomain(const ContactView& v,
                                                            std::string_view domain) {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  v.ForEachInDomain(domain, [&](std::string_view a, std::uint64_t n) { out.emplace_back(a, n); });
  return out;
}

TEST_F(ContactIndexTest, AnswersAsTheContactsItWasWrittenFrom) {
  SenderContacts ann({{"john.smith@contoso.com", 25, "", "", {"john smith"}},
                      {"jon.smith@contoso.com", 3, "", "", {}},
                      {"ops@army.mil", 40, "", "", {}},
                      {"john.smith@fabrikam.com", 2, "", "", {"john smith"}}},
                     {{7, 3}, {1ull << 63, 9}, {7, 1}});
  Write({{"ann@own.mil", ann}, {"nobody@own.mil", SenderContacts()}}, 7);
  Result<std::shared_ptr<const ContactIndex>> index = ContactIndex::Open(path_);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  EXPECT_EQ((*index)->version(), 7u);
  EXPECT_EQ((*index)->senders(), 2u);
  EXPECT_EQ((*index)->pairs(), 4u);
  std::shared_ptr<const ContactView> v = (*index)->Find("ann@own.mil");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->Knows("jon.smith@contoso.com"));
  EXPECT_FALSE(v->Knows("john.smiht@contoso.com"));
  EXPECT_FALSE(v->Knows("ops@army.ml"));
  EXPECT_EQ(InDomain(*v, "contoso.com"), InDomain(ann, "contoso.com"));
  EXPECT_EQ(InDomain(*v, "contoso.com").size(), 2u);
  EXPECT_TRUE(InDomain(*v, "navy.mil").empty());
  std::optional<ContactView::Known> john = v->Named("john smith", "john.smith@fabrikam.com");
  ASSERT_TRUE(john.has_value());
  EXPECT_EQ(john->address, "john.smith@contoso.com");
  EXPECT_EQ(john->messages, 25u);
  EXPECT_EQ(v->Named("john smith", "john.smith@contoso.com")->address, "john.smith@fabrikam.com");
  EXPECT_FALSE(v->Named("ann lee", "").has_value());
  EXPECT_EQ(v->GroupMessages(7), 4u);  // the two counts of one set add up
  EXPECT_EQ(v->GroupMessages(1ull << 63), 9u);
  EXPECT_EQ(v->GroupMessages(8), 0u);
  std::shared_ptr<const ContactView> none = (*index)->Find("nobody@own.mil");
  ASSERT_NE(none, nullptr);
  EXPECT_TRUE(none->empty());
  EXPECT_EQ((*index)->Find("bob@own.mil"), nullptr);
  std::vector<std::string> senders;
  (*index)->ForEachSender([&](std::string_view s, const ContactView&) { senders.emplace_back(s); });
  std::sort(senders.begin(), senders.end());
  EXPECT_EQ(senders, (std::vector<std::string>{"ann@own.mil", "nobody@own.mil"}));
}

// Many senders with random contacts: every question gets the in-memory
// answer.
TEST_F(ContactIndexTest, ManySendersAgreeWithMemory) {
  std::mt19937 rng(3);
  const std::vector<std::string> first = {"john", "ann", "lee", "maria", "omar", "li"};
  const std::vector<std::string> domains = {"contoso.com", "army.mil", "a.co", "b.org"};
  std::vector<std::pair<std::string, SenderContacts>> senders;
  for (int s = 0; s < 300; ++s) {
    std::vector<Contact> cs;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      const std::string local = first[rng() % first.size()] + "." + first[rng() % first.size()];
      cs.push_back(
          {local + "@" + domains[rng() % domains.size()], 1 + rng() % 9, "", "",
           rng() % 3 == 0 ? std::vector<std::string>{"some one"} : std::vector<std::string>{}});
    }
    senders.emplace_back("s" + std::to_string(s) + "@own.mil", SenderContacts(std::move(cs)));
  }
  Write(senders, 1);
  Result<std::shared_ptr<const ContactIndex>> index = ContactIndex::Open(path_);
  ASSERT_TRUE(index.ok());
  for (const auto& [sender, mem] : senders) {
    std::shared_ptr<const ContactView> v = (*index)->Find(sender);
    ASSERT_NE(v, nullptr) << sender;
    for (const std::string& d : domains) ASSERT_EQ(InDomain(*v, d), InDomain(mem, d));
    for (const std::string& a : first) {
      for (const std::string& b : first) {
        const std::string address = a + "." + b + "@contoso.com";
        ASSERT_EQ(v->Knows(address), mem.Knows(address)) << address;
        for (const std::string& key : {LocalPartNameKey(a + "." + b), std::string("some one")}) {
          std::optional<ContactView::Known> x = v->Named(key, address), y = mem.Named(key, address);
          ASSERT_EQ(x.has_value(), y.has_value()) << sender << " " << key;
          if (x) {
            EXPECT_EQ(x->address, y->address);
            EXPECT_EQ(x->messages, y->messages);
          }
        }
      }
    }
  }
}

TEST_F(ContactIndexTest, AMissingOrDamagedFileIsAClearError) {
  Result<std::shared_ptr<const ContactIndex>> missing = ContactIndex::Open(path_);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  std::ofstream(path_) << "not an index at all, but long enough to have a header of 64 bytes.";
  Result<std::shared_ptr<const ContactIndex>> bad = ContactIndex::Open(path_);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("not a readable sendguard contact index"),
            std::string::npos);
  // A whole index cut short: its recorded size no longer matches.
  Write({{"ann@own.mil", SenderContacts({{"a@b.com", 1, "", "", {}}})}}, 1);
  std::filesystem::resize_file(path_, std::filesystem::file_size(path_) - 8);
  EXPECT_FALSE(ContactIndex::Open(path_).ok());
}

TEST_F(ContactIndexTest, AnUnfinishedWriterLeavesNothing) {
  {
    Result<std::unique_ptr<ContactIndexWriter>> w = ContactIndexWriter::Create(path_);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Add("ann@own.mil", SenderContacts()).ok());
  }
  EXPECT_FALSE(std::filesystem::exists(path_));
  EXPECT_FALSE(std::filesystem::exists(path_ + ".tmp"));
}

TEST_F(ContactIndexTest, AViewOutlivesItsIndexHandle) {
  Write({{"ann@own.mil", SenderContacts({{"a.b@c.com", 4, "", "", {}}})}}, 1);
  std::shared_ptr<const ContactView> v;
  {
    Result<std::shared_ptr<const ContactIndex>> index = ContactIndex::Open(path_);
    ASSERT_TRUE(index.ok());
    v = (*index)->Find("ann@own.mil");
  }
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->Knows("a.b@c.com"));
}

}  // namespace
}  // namespace sendguard
