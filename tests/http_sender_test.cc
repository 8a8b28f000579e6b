// Senders' links on a running server: the page, releases to the suggestion
// or as written (judged again by the whole policy), expired and forged links.

#include "tests/http_api_fixture.h"

namespace sendguard {
namespace {

using nlohmann::json;

TEST_F(HttpApiTest, SenderLinks) {
  std::string id = HoldOne();
  std::string link = services_.links->Link(id);
  std::string token = link.substr(link.rfind('/') + 1);
  auto page = client_->Get("/s/" + token);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("sender.js"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  auto view = client_->Get("/api/v1/sender/" + token);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->status, 200);
  EXPECT_EQ(Body(view)["suggested_recipients"][0], "ops@army.mil");
  EXPECT_EQ(Body(view)["recipients"][0], "ops@army.ml");
  // Forged and expired links.
  std::string forged = token;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  auto f = client_->Get("/api/v1/sender/" + forged);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->status, 403);
  auto expired = client_->Get("/api/v1/sender/" + signer_->Sign(id, 1000));
  ASSERT_TRUE(expired);
  EXPECT_EQ(expired->status, 410);
  auto fd = client_->Post("/api/v1/sender/" + forged + "/delete", "{}", "application/json");
  ASSERT_TRUE(fd);
  EXPECT_EQ(fd->status, 403);
  auto bad_to = client_->Post("/api/v1/sender/" + token + "/release",
                              json{{"to", "somewhere"}}.dump(), "application/json");
  ASSERT_TRUE(bad_to);
  EXPECT_EQ(bad_to->status, 400);
  // The sender discards it; the link then reports it is no longer held.
  auto del = client_->Post("/api/v1/sender/" + token + "/delete", "{}", "application/json");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 200);
  EXPECT_EQ(quarantine_->Get(id)->actor, "sender:alice@example.mil");
  auto again = client_->Post("/api/v1/sender/" + token + "/delete", "{}", "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
}

TEST_F(HttpApiTest, SendersCannotOverrideAContentHold) {
  // A typo hold may be sent as written by its sender (the default policy);
  // a hold by a content rule may not.
  std::string typo = HoldOne();
  auto view = client_->Get("/api/v1/sender/" + signer_->Sign(typo, 4102444800));
  ASSERT_TRUE(view);
  EXPECT_EQ(Body(view)["can_send_as_written"], true);
  HeldMessage cui = *quarantine_->Get(typo);
  cui.rule = "cui-outside";
  std::string id = *quarantine_->Hold(cui);
  std::string token = signer_->Sign(id, 4102444800);
  auto v = client_->Get("/api/v1/sender/" + token);
  ASSERT_TRUE(v);
  EXPECT_EQ(Body(v)["can_send_as_written"], false);
  auto r = client_->Post("/api/v1/sender/" + token + "/release", json{{"to", "as-written"}}.dump(),
                         "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(HeldStatusName(quarantine_->Get(id)->status), "held");
}

// Issue 14 point 3: an attachment labelled multipart/* (with or without the
// composer's old fixed boundary) carried a banner that was never scanned.
// Issue 14 point 2: a typo that also carries CUI and an SSN is held by
// mistyped-recipient, the first rule that matches; its sender's link must
// not send it past the content rules, as written or to the suggestion.
std::string TypoWithCui(const std::string& to) {
  return "From: alice@example.mil\r\nTo: " + to +
         "\r\nSubject: Roster\r\nMessage-ID: <c1@example.mil>\r\n\r\n"
         "CUI//SP-PRVCY\r\nRoster: J. Doe, SSN 212-09-4821\r\n";
}

TEST_F(HttpApiTest, SendersLinkCannotSendPastContentRules) {
  testing::SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  RelayTo(sink);  // a relay that takes everything: only the policy stops a release
  for (const std::string to : {"ops@army.ml", "bob@gmial.com"}) {
    std::string id = Hold(TypoWithCui(to), {to});
    ASSERT_EQ(quarantine_->Get(id)->rule, "mistyped-recipient");
    auto view = client_->Get("/api/v1/sender/" + signer_->Sign(id, 4102444800));
    ASSERT_TRUE(view);
    ASSERT_EQ(view->status, 200) << view->body;
    json v = Body(view);
    EXPECT_EQ(v["has_suggestion"], true) << v;
    EXPECT_EQ(v["can_send_as_written"], false) << v;
    EXPECT_EQ(v["can_send_to_suggestion"], false) << v;
    EXPECT_EQ(v["as_written_refused"]["rule"], "cui-outside") << v;
    EXPECT_EQ(v["suggestion_refused"]["rule"], "cui-outside") << v;
    for (const char* how : {"as-written", "suggestion"}) {
      auto r = SenderRelease(id, how);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 403) << to << " " << how << ": " << r->body;
      EXPECT_EQ(Body(r)["rule"], "cui-outside") << r->body;
      EXPECT_NE(Body(r)["error"].get<std::string>().find("administrator"), std::string::npos);
      EXPECT_EQ(HeldStatusName(quarantine_->Get(id)->status), "held");
    }
  }
  EXPECT_TRUE(sink.mails().empty());
}

TEST_F(HttpApiTest, SendersLinkChecksTheSsnToAPersonalWebmailSuggestion) {
  testing::SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  RelayTo(sink);
  const std::string raw =
      "From: alice@example.mil\r\nTo: bob@gmial.com\r\nSubject: Form\r\n\r\n"
      "Your SSN 212-09-4821 as requested.\r\n";
  std::string id = Hold(raw, {"bob@gmial.com"});
  ASSERT_EQ(quarantine_->Get(id)->rule, "mistyped-recipient");
  auto r = SenderRelease(id, "suggestion");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  EXPECT_EQ(Body(r)["rule"], "sensitive-to-first-contact") << r->body;
  EXPECT_EQ(HeldStatusName(quarantine_->Get(id)->status), "held");
  EXPECT_TRUE(sink.mails().empty());
}

TEST_F(HttpApiTest, SendersLinkStillReleasesATypoOnlyHoldBothWays) {
  testing::SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  RelayTo(sink);
  std::string written = HoldOne(), suggested = HoldOne();
  auto view = client_->Get("/api/v1/sender/" + signer_->Sign(written, 4102444800));
  ASSERT_TRUE(view);
  EXPECT_EQ(Body(view)["can_send_as_written"], true) << view->body;
  EXPECT_EQ(Body(view)["can_send_to_suggestion"], true) << view->body;
  EXPECT_TRUE(Body(view)["as_written_refused"].is_null()) << view->body;
  auto a = SenderRelease(written, "as-written");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 200) << a->body;
  auto b = SenderRelease(suggested, "suggestion");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 200) << b->body;
  EXPECT_EQ(HeldStatusName(quarantine_->Get(written)->status), "released");
  EXPECT_EQ(HeldStatusName(quarantine_->Get(suggested)->status), "released");
  std::vector<testing::SmtpSink::Mail> mails = sink.mails();
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].rcpts, std::vector<std::string>{"ops@army.ml"});
  EXPECT_EQ(mails[1].rcpts, std::vector<std::string>{"ops@army.mil"});
  // Released once: the link then offers nothing.
  auto again = SenderRelease(written, "as-written");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409) << again->body;
  // Both deliveries are alice's history now.
  EXPECT_EQ(Sent("alice@example.mil", "ops@army.ml"), 1u);
  EXPECT_EQ(Sent("alice@example.mil", "ops@army.mil"), 1u);
}

TEST_F(HttpApiTest, AnAdministratorsReleaseIsAddedToTheSendersHistory) {
  testing::SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  RelayTo(sink);
  const std::string id = HoldOne();
  EXPECT_EQ(Sent("alice@example.mil", "ops@army.ml"), 0u);
  auto r =
      client_->Post("/api/v1/quarantine/" + id + "/release", Admin(), "{}", "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Sent("alice@example.mil", "ops@army.ml"), 1u);
}

}  // namespace
}  // namespace sendguard
