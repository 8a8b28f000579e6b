#include "mail/message_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sendguard {
namespace {

namespace fs = std::filesystem;

class MessageSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("sendguard_source_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const fs::path& rel, const std::string& content) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << content;
  }

  std::vector<std::string> Sources(const fs::path& p, std::vector<std::string>* errors = nullptr) {
    std::vector<std::string> out;
    ForEachMessage(
        p.string(), [&](const std::string& s, std::string_view) { out.push_back(s); },
        [&](const std::string& s, const Status&) {
          if (errors) errors->push_back(s);
        });
    for (std::string& s : out) s = fs::path(s).lexically_relative(root_).string();
    return out;
  }

  fs::path root_;
};

TEST_F(MessageSourceTest, DirectoriesMboxAndMaildir) {
  Write("b.eml", "Subject: b\n\nb\n");
  Write("a.eml", "Subject: a\n\na\n");
  Write(".hidden.eml", "Subject: h\n\nh\n");
  Write("box.mbox", "From x\nSubject: 1\n\n1\n\nFrom y\nSubject: 2\n\n2\n");
  Write("md/cur/1:2,S", "Subject: c\n\nc\n");
  Write("md/new/2", "Subject: n\n\nn\n");
  Write("md/tmp/3", "Subject: t\n\nt\n");
  std::vector<std::string> got = Sources(root_);
  EXPECT_EQ(got, (std::vector<std::string>{"a.eml", "b.eml", "box.mbox#1", "box.mbox#2",
                                           "md/cur/1:2,S", "md/new/2"}));
}

TEST_F(MessageSourceTest, SymlinkLoopsAreWalkedOnce) {
  Write("a/1.eml", "Subject: one\r\n\r\nx\r\n");
  // Three links back up the tree and one to a sibling: each folder once.
  fs::create_directory_symlink(root_, root_ / "a" / "up");
  fs::create_directory_symlink(root_ / "a", root_ / "a" / "self");
  fs::create_directory_symlink(root_ / "a", root_ / "again");
  fs::create_directory_symlink(root_, root_ / "loop");
  std::vector<std::string> errors;
  std::vector<std::string> got = Sources(root_, &errors);
  EXPECT_EQ(got, std::vector<std::string>{"a/1.eml"});
  EXPECT_TRUE(errors.empty());
}

TEST_F(MessageSourceTest, MissingPathIsReported) {
  std::vector<std::string> errors;
  EXPECT_TRUE(Sources(root_ / "nope", &errors).empty());
  EXPECT_EQ(errors.size(), 1u);
}

}  // namespace
}  // namespace sendguard
