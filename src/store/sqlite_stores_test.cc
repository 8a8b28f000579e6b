// What only the SQLite back end does: its errors for unopenable files and
// the migration of a quarantine made before the typed held-message fields.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "store/history_store.h"
#include "store/quarantine_store.h"

namespace sendguard {
namespace {

TEST(SqliteHistoryStoreTest, UnopenablePathIsAnError) {
  auto store = OpenSqliteHistoryStore("/nonexistent-dir/x/y.db");
  EXPECT_FALSE(store.ok());
}

class SqliteQuarantineMigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("sendguard_migrate_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    TearDown();
  }
  void TearDown() override {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }
  // Runs `sql` on the file directly, as an older sendguard would have.
  void Exec(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err != nullptr ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }
  // The quarantine table's columns, in order.
  std::string Columns() {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open(path_.c_str(), &db) == SQLITE_OK) {
      sqlite3_exec(
          db, "PRAGMA table_info(quarantine)",
          [](void* arg, int, char** values, char**) {
            auto* s = static_cast<std::string*>(arg);
            *s += (s->empty() ? "" : ",") + std::string(values[1]);
            return 0;
          },
          &out, nullptr);
    }
    sqlite3_close(db);
    return out;
  }
  std::string path_;
};

// The schema and two rows as sendguard wrote them before corrections and
// reasons were columns.
constexpr const char* kOldQuarantine = R"sql(
CREATE TABLE quarantine(id TEXT PRIMARY KEY, created INTEGER NOT NULL, mail_from TEXT,
  recipients TEXT, subject TEXT, action TEXT, rule TEXT, reason TEXT, decision TEXT,
  status TEXT NOT NULL, updated INTEGER, actor TEXT, note TEXT, raw BLOB);
CREATE INDEX quarantine_status ON quarantine(status, created);
CREATE TABLE events(seq INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, kind TEXT,
  quarantine_id TEXT, actor TEXT, detail TEXT);
INSERT INTO quarantine VALUES('aaaa', 100, 'dana@army.mil', 'ops@army.ml' || char(10) || 'x@army.mil',
  'Travel', 'hold', 'mistyped-recipient', 'did you mean ops@army.mil?',
  '{"recipients":[{"address":"ops@army.ml","suggestion":"ops@army.mil","reasons":[{"code":"tld-typo","detail":"army.ml for army.mil"}]},{"address":"x@army.mil","suggestion":null,"reasons":[]}]}',
  'held', 100, '', '', 'Subject: Travel' || char(13) || char(10));
INSERT INTO quarantine VALUES('bbbb', 100, 'dana@army.mil', 'cfo@contso.com', 'Numbers', 'hold',
  'cui-outside', 'CUI', 'not json', 'released', 200, 'alice', 'released to cfo@contso.com', 'x');
INSERT INTO events(time, kind, quarantine_id, actor, detail) VALUES(100, 'held', 'aaaa', 'sendguard', 'r');
)sql";

TEST_F(SqliteQuarantineMigrationTest, AnOldQuarantineGetsTheTypedFieldsFromItsDecisions) {
  Exec(kOldQuarantine);
  auto q = OpenSqliteQuarantineStore(path_);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  Result<HeldMessage> a = (*q)->Get("aaaa");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->corrections,
            (std::vector<std::pair<std::string, std::string>>{{"ops@army.ml", "ops@army.mil"}}));
  ASSERT_EQ(a->reasons.size(), 1u);
  EXPECT_EQ(a->reasons[0].code, "tld-typo");
  EXPECT_EQ(a->raw, "Subject: Travel\r\n");
  EXPECT_EQ(a->recipients, (std::vector<std::string>{"ops@army.ml", "x@army.mil"}));
  Result<HeldMessage> b = (*q)->Get("bbbb");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->status, HeldStatus::kReleased);
  EXPECT_EQ(b->actor, "alice");
  EXPECT_TRUE(b->corrections.empty());                       // its decision was unusable
  EXPECT_EQ((*q)->List("", "", 10, 0)->front().id, "bbbb");  // same created: later rowid first
  EXPECT_EQ((*q)->Events(10, 0)->size(), 1u);
  // Rebuilt with the bytes last; a second open finds nothing to do.
  EXPECT_EQ(Columns(),
            "id,created,mail_from,recipients,subject,action,rule,reason,decision,status,updated,"
            "actor,note,corrections,reasons,raw");
  q->reset();
  auto again = OpenSqliteQuarantineStore(path_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->Get("aaaa")->corrections.size(), 1u);
  EXPECT_EQ((*again)->CountByStatus()->at("held"), 1);
  Result<std::string> id = (*again)->Hold(*a);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ((*again)->Get(*id)->corrections, a->corrections);
}

TEST_F(SqliteQuarantineMigrationTest, ARowAnOlderNodeWritesAfterTheMigrationIsReadTyped) {
  Exec(kOldQuarantine);
  ASSERT_TRUE(OpenSqliteQuarantineStore(path_).ok());  // migrated
  // An older sendguard sharing the file inserts without the typed columns.
  Exec(R"sql(INSERT INTO quarantine(id, created, mail_from, recipients, subject, action, rule,
    reason, decision, status, updated, actor, note, raw) VALUES('cccc', 300, 'dana@army.mil',
    'ops@army.ml', 'Later', 'hold', 'mistyped-recipient', 'r',
    '{"recipients":[{"address":"ops@army.ml","suggestion":"ops@army.mil","reasons":[{"code":"tld-typo","detail":"d"}]}]}',
    'held', 300, '', '', 'x'))sql");
  auto q = OpenSqliteQuarantineStore(path_);
  ASSERT_TRUE(q.ok());
  Result<HeldMessage> c = (*q)->Get("cccc");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->corrections,
            (std::vector<std::pair<std::string, std::string>>{{"ops@army.ml", "ops@army.mil"}}));
  ASSERT_EQ(c->reasons.size(), 1u);
  EXPECT_EQ(c->reasons[0].code, "tld-typo");
}

TEST_F(SqliteQuarantineMigrationTest, ANewFileHasTheBytesLast) {
  ASSERT_TRUE(OpenSqliteQuarantineStore(path_).ok());
  EXPECT_EQ(Columns(),
            "id,created,mail_from,recipients,subject,action,rule,reason,decision,status,updated,"
            "actor,note,corrections,reasons,raw");
}

}  // namespace
}  // namespace sendguard
