// A damaged SQLite store: refused at open (PRAGMA quick_check), and the
// health probe fails once the file is damaged or removed under the stores.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/stores.h"

namespace sendguard {
namespace {

class SqliteDamageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("sendguard_damage_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    TearDown();
  }
  void TearDown() override {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }

  // A real store with some held messages, history and an account.
  void MakeStore() {
    Result<Stores> s = OpenStores(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE(s->history->AddHistory({{"army.mil", 4}, {"navy.mil", 9}}).ok());
    ASSERT_TRUE(s->console->SetPassword("alice", "correct horse battery").ok());
    for (int i = 0; i < 20; ++i) {
      HeldMessage m;
      m.mail_from = "dana@army.mil";
      m.recipients = {"ops@army.ml"};
      m.subject = "travel " + std::to_string(i);
      m.raw = "Subject: travel\r\n\r\n" + std::string(3000, 'x');
      ASSERT_TRUE(s->quarantine->Hold(m).ok());
    }
  }

  // Writes 0xff over page `page` (1-based) of the file.
  void Overwrite(int page) {
    int fd = ::open(path_.c_str(), O_RDWR);
    ASSERT_GE(fd, 0);
    unsigned char header[18];
    ASSERT_EQ(pread(fd, header, sizeof header, 0), 18);
    const std::size_t page_size = (std::size_t{header[16]} << 8) | header[17];
    ASSERT_GE(page_size, 512u);
    ASSERT_GE(std::filesystem::file_size(path_), page_size * static_cast<std::size_t>(page));
    const std::string garbage(page_size, '\xff');
    const off_t at = static_cast<off_t>(page_size) * (page - 1);
    EXPECT_EQ(pwrite(fd, garbage.data(), garbage.size(), at), static_cast<ssize_t>(garbage.size()));
    close(fd);
  }

  std::string path_;
};

TEST_F(SqliteDamageTest, ADamagedPageIsRefusedAtOpenNamingTheFileAndTheRemedy) {
  MakeStore();  // closed again: its WAL is in the file
  Overwrite(2);
  Result<Stores> s = OpenStores(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find(path_), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("quick_check"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("backup"), std::string::npos) << s.status().message();
}

TEST_F(SqliteDamageTest, AFileThatIsNotADatabaseIsRefusedTheSameWay) {
  MakeStore();
  Overwrite(1);
  Result<Stores> s = OpenStores(path_, StoreSelection{.history = true});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("damaged"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("backup"), std::string::npos) << s.status().message();
}

TEST_F(SqliteDamageTest, ASoundStoreIsHealthy) {
  MakeStore();
  Result<Stores> s = OpenStores(path_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE(s->quarantine->Health().ok()) << s->quarantine->Health().ToString();
  EXPECT_TRUE(s->quarantine->Health().ok());  // and stays so: the probe changes nothing
  EXPECT_EQ(s->quarantine->CountByStatus()->at("held"), 20);
}

TEST_F(SqliteDamageTest, HealthFailsWhenTheFileIsDamagedUnderTheStores) {
  MakeStore();
  Result<Stores> s = OpenStores(path_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  // Its cache is warm and its WAL empty (MakeStore closed the file), so
  // its own connection would go on reading page 1 from memory.
  ASSERT_TRUE(s->quarantine->CountByStatus().ok());
  Overwrite(1);
  Status health = s->quarantine->Health();
  EXPECT_FALSE(health.ok());
  EXPECT_NE(health.message().find(path_), std::string::npos) << health.message();
}

TEST_F(SqliteDamageTest, HealthFailsWhenTheFileIsRemovedUnderTheStores) {
  MakeStore();
  Result<Stores> s = OpenStores(path_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(s->quarantine->Health().ok());
  std::filesystem::remove(path_);
  Status health = s->quarantine->Health();
  EXPECT_FALSE(health.ok());
  EXPECT_EQ(health.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(health.message().find("removed"), std::string::npos) << health.message();
  // Replaced by a new empty file: still not the store sendguard holds.
  ASSERT_TRUE(OpenStores(path_, StoreSelection{.history = true}).ok());
  EXPECT_FALSE(s->quarantine->Health().ok());
}

TEST_F(SqliteDamageTest, HealthFailsWhenTheFileIsMadeReadOnly) {
  if (geteuid() == 0) GTEST_SKIP() << "root writes read-only files";
  MakeStore();
  Result<Stores> s = OpenStores(path_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  std::filesystem::permissions(path_, std::filesystem::perms::owner_read);
  Status health = s->quarantine->Health();
  EXPECT_FALSE(health.ok());
  EXPECT_EQ(health.code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace sendguard
