#include "delivery/notice.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

NoticeFacts Facts() {
  NoticeFacts f;
  f.action = "held";
  f.sender = "dana@army.mil";
  f.subject = "travel\r\nBcc: evil@x.org";  // an injection attempt
  f.recipients = {"ops@army.ml"};
  f.reason = "a recipient address looks mistyped";
  f.suggestions = {"ops@army.mil"};
  f.id = "0123abcd";
  return f;
}

TEST(NoticeTest, NamesRecipientReasonSuggestionAndId) {
  NoticeConfig c;
  c.from = "postmaster@army.mil";
  std::string n = ComposeNotice(c, Facts());
  EXPECT_NE(n.find("To: <dana@army.mil>\r\n"), std::string::npos) << n;
  EXPECT_NE(n.find("to ops@army.ml was held"), std::string::npos) << n;
  EXPECT_NE(n.find("Did you mean: ops@army.mil?"), std::string::npos) << n;
  EXPECT_NE(n.find("Quarantine id: 0123abcd"), std::string::npos) << n;
  EXPECT_NE(n.find("Auto-Submitted: auto-generated"), std::string::npos);
  // The subject is one header line: no injected header.
  EXPECT_EQ(n.find("\r\nBcc:"), std::string::npos) << n;
}

TEST(NoticeTest, NoSuggestionLineWithoutSuggestionsAndNonAsciiSubjectEncoded) {
  NoticeFacts f = Facts();
  f.suggestions.clear();
  f.subject = "Übung";
  std::string n = ComposeNotice(NoticeConfig{}, f);
  EXPECT_EQ(n.find("Did you mean"), std::string::npos) << n;
  EXPECT_NE(n.find("Subject: =?UTF-8?B?"), std::string::npos) << n;
}

TEST(NoticeTest, SignedLinkLineOnlyWithALink) {
  NoticeConfig c;
  NoticeFacts f = Facts();
  EXPECT_EQ(ComposeNotice(c, f).find("Fix it yourself"), std::string::npos);
  f.link = "https://sendguard.example.mil/s/0123abcd.1800000000.sig";
  std::string n = ComposeNotice(c, f);
  EXPECT_NE(n.find("Fix it yourself (send it to the corrected address, or discard it): "
                   "https://sendguard.example.mil/s/0123abcd.1800000000.sig"),
            std::string::npos)
      << n;
}

TEST(NoticeTest, CustomTemplate) {
  NoticeConfig c;
  c.subject = "[{action}] {subject}";
  c.body = "{recipients}|{reason}|{id}\n";

  std::string n = ComposeNotice(c, Facts());
  EXPECT_NE(n.find("Subject: [held] travel  Bcc: evil@x.org\r\n"), std::string::npos) << n;
  EXPECT_NE(n.find("\r\n\r\nops@army.ml|a recipient address looks mistyped|0123abcd\r\n"),
            std::string::npos)
      << n;
}

}  // namespace
}  // namespace sendguard
