#include "store/held_fields.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(HeldFieldsTest, RowsRoundTripAnyBytes) {
  const std::vector<std::vector<std::string>> rows = {{"a", "b"},
                                                      {"", ""},
                                                      {"tab\there", "new\nline"},
                                                      {"back\\slash\\", std::string("nul\0!", 5)}};
  EXPECT_EQ(DecodeRows(EncodeRows(rows), 2), rows);
  EXPECT_TRUE(DecodeRows("", 2).empty());
  EXPECT_EQ(DecodeRows(EncodeRows({{"only"}}), 3),
            (std::vector<std::vector<std::string>>{{"only", "", ""}}));
}

TEST(HeldFieldsTest, CorrectionsAndReasonsRoundTrip) {
  const Corrections c = {{"ops@army.ml", "ops@army.mil"}, {"x@a", ""}};
  EXPECT_EQ(DecodeCorrections(EncodeCorrections(c)), c);
  EXPECT_TRUE(DecodeCorrections(EncodeCorrections({})).empty());
  std::vector<HeldReason> r = {{"ops@army.ml", "tld-typo", "army.ml\tis not army.mil"}};
  std::vector<HeldReason> back = DecodeReasons(EncodeReasons(r));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].address, r[0].address);
  EXPECT_EQ(back[0].code, r[0].code);
  EXPECT_EQ(back[0].detail, r[0].detail);
  EXPECT_TRUE(DecodeReasons(EncodeReasons({})).empty());
}

TEST(HeldFieldsTest, LinesRoundTrip) {
  const std::vector<std::string> lines = {"a@b", "c@d"};
  EXPECT_EQ(SplitLines(JoinLines(lines)), lines);
  EXPECT_TRUE(SplitLines("").empty());
}

TEST(HeldFieldsTest, FromADecisionTheHeldRecipientsSuggestionsAndEveryReason) {
  HeldMessage m;
  m.recipients = {"ops@army.ml", "cfo@contso.com"};
  m.decision_json = R"({"recipients":[
      {"address":"ops@army.ml","suggestion":"ops@army.mil",
       "reasons":[{"code":"tld-typo","detail":"army.ml for army.mil"}]},
      {"address":"cfo@contso.com","suggestion":null,"reasons":[]},
      {"address":"kept@navy.ml","suggestion":"kept@navy.mil",
       "reasons":[{"code":"typo","detail":"navy.ml"},{"code":"first-contact","detail":"new"}]},
      "junk", {"address":7}]})";
  FillHeldFieldsFromDecision(&m);
  EXPECT_EQ(m.corrections, (Corrections{{"ops@army.ml", "ops@army.mil"}}));
  ASSERT_EQ(m.reasons.size(), 3u);
  EXPECT_EQ(m.reasons[0].address, "ops@army.ml");
  EXPECT_EQ(m.reasons[0].code, "tld-typo");
  EXPECT_EQ(m.reasons[0].detail, "army.ml for army.mil");
  EXPECT_EQ(m.reasons[2].address, "kept@navy.ml");
  EXPECT_EQ(m.reasons[2].code, "first-contact");
}

TEST(HeldFieldsTest, AnUnusableDecisionGivesNothing) {
  for (const char* json : {"", "{", "[]", "{}", R"({"recipients":{}})"}) {
    HeldMessage m;
    m.recipients = {"ops@army.ml"};
    m.corrections = {{"stale", "stale"}};
    m.decision_json = json;
    FillHeldFieldsFromDecision(&m);
    EXPECT_TRUE(m.corrections.empty()) << json;
    EXPECT_TRUE(m.reasons.empty()) << json;
  }
}

}  // namespace
}  // namespace sendguard
