#include "store/stores.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

namespace sendguard {
namespace {

class OpenStoresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("sendguard_stores_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    TearDown();
  }
  void TearDown() override {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }
  // The tables in the SQLite file at path_.
  std::vector<std::string> Tables() {
    sqlite3* db = nullptr;
    std::vector<std::string> out;
    if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_exec(
          db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
          [](void* arg, int, char** values, char**) {
            static_cast<std::vector<std::string>*>(arg)->push_back(values[0]);
            return 0;
          },
          &out, nullptr);
    }
    sqlite3_close(db);
    return out;
  }
  std::string path_;
};

TEST_F(OpenStoresTest, APathOpensAllThreeInOneSqliteFile) {
  Result<Stores> s = OpenStores(path_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_NE(s->history, nullptr);
  ASSERT_NE(s->quarantine, nullptr);
  ASSERT_NE(s->console, nullptr);
  ASSERT_TRUE(s->history->AddHistory({{"army.mil", 4}}).ok());
  HeldMessage m;
  m.mail_from = "dana@army.mil";
  m.recipients = {"ops@army.ml"};
  ASSERT_TRUE(s->quarantine->Hold(m).ok());
  ASSERT_TRUE(s->console->Secret("k", 16).ok());
  EXPECT_TRUE(std::filesystem::exists(path_));
  // sqlite:PATH is the same file.
  Result<Stores> again = OpenStores("sqlite:" + path_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->history->LoadHistory()->DomainMessages("army.mil"), 4u);
  EXPECT_EQ(again->quarantine->List("", "", 10, 0)->size(), 1u);
  // So is sqlite://PATH (an absolute path: sqlite:///var/lib/...).
  ASSERT_EQ(path_.front(), '/');
  Result<Stores> url = OpenStores("sqlite://" + path_);
  ASSERT_TRUE(url.ok()) << url.status().ToString();
  EXPECT_EQ(url->quarantine->List("", "", 10, 0)->size(), 1u);
}

TEST_F(OpenStoresTest, OnlyTheSelectedStoresAreOpened) {
  Result<Stores> s = OpenStores(path_, {.history = true});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_NE(s->history, nullptr);
  EXPECT_EQ(s->quarantine, nullptr);
  EXPECT_EQ(s->console, nullptr);
  EXPECT_EQ(Tables(), std::vector<std::string>{"history"});  // nothing else was created
  Result<Stores> c = OpenStores(path_, {.console = true});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->history, nullptr);
  EXPECT_NE(c->console, nullptr);
}

TEST_F(OpenStoresTest, PostgresqlIsNotBuiltYet) {
  for (const char* address :
       {"postgresql://sendguard@db.example/sendguard", "postgres://localhost/sendguard"}) {
    Result<Stores> s = OpenStores(address);
    ASSERT_FALSE(s.ok()) << address;
    EXPECT_EQ(s.status().code(), StatusCode::kUnimplemented) << address;
    EXPECT_NE(s.status().message().find("PostgreSQL stores are not built yet"), std::string::npos)
        << s.status().message();
  }
}

TEST_F(OpenStoresTest, ErrorsNeverEchoAPasswordInTheAddress) {
  for (const char* address :
       {"postgresql://sendguard:hunter2secret@db.example/sg", "mysql://u:hunter2secret@h/db"}) {
    Result<Stores> s = OpenStores(address);
    ASSERT_FALSE(s.ok()) << address;
    EXPECT_EQ(s.status().message().find("hunter2secret"), std::string::npos)
        << s.status().message();
  }
}

TEST_F(OpenStoresTest, UnknownAndEmptyAddressesAreInvalid) {
  for (const char* address : {"", "sqlite:", "sqlite://", "mysql://localhost/db"}) {
    Result<Stores> s = OpenStores(address);
    ASSERT_FALSE(s.ok()) << address;
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument) << address;
  }
}

TEST_F(OpenStoresTest, AnUnopenableFileIsUnavailable) {
  Result<Stores> s = OpenStores("/nonexistent-dir/x/y.db");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace sendguard
