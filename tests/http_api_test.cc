// The HTTP API against a running server on loopback: every endpoint, the
// authentication each needs, and hostile input (bad JSON, oversize bodies,
// unknown ids) answered with a clear 4xx.

#include "tests/http_api_fixture.h"

namespace sendguard {
namespace {

using nlohmann::json;

TEST_F(HttpApiTest, HealthAndMetricsAndUnknownPaths) {
  auto h = client_->Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  auto m = client_->Get("/metrics");  // loopback
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 200);
  EXPECT_NE(m->body.find("sendguard_quarantine_messages"), std::string::npos);
  auto none = client_->Get("/api/v1/nothing");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_TRUE(Body(none).contains("error"));
}

TEST_F(HttpApiTest, CheckGivesTheDecisionAndTheCorrectedAddress) {
  json draft = {{"from", "alice@example.mil"},
                {"recipients", {"ops@army.ml"}},
                {"subject", "Travel"},
                {"body", "Flight details"}};
  auto r = client_->Post("/api/v1/check", draft.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = Body(r);
  EXPECT_EQ(j["action"], "hold");
  ASSERT_EQ(j["recipients"].size(), 1u);
  EXPECT_EQ(j["recipients"][0]["suggestion"], "ops@army.mil");
  EXPECT_EQ(j["recipients"][0]["reasons"][0]["code"], "tld-typo");
  // A raw message works the same way.
  auto raw = client_->Post("/api/v1/check", TypoMessage(), "message/rfc822");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 200);
  EXPECT_EQ(Body(raw)["action"], "hold");
  // Content: a classification banner is rejected whatever the recipient.
  json secret = {{"recipients", {"ops@army.mil"}}, {"body", "SECRET//NOFORN\nplans"}};
  auto s = client_->Post("/api/v1/check", secret.dump(), "application/json");
  ASSERT_TRUE(s);
  EXPECT_EQ(Body(s)["action"], "reject");
}

// `from` makes a check judge the recipients against that sender's history:
// a slip in the address of someone alice writes to is held, and the held
// message shows why in the quarantine.
TEST_F(HttpApiTest, CheckJudgesRecipientsAgainstTheSendersHistory) {
  {
    Stores writer = std::move(OpenStores(path_, {.contacts = true})).value();
    ContactBatch b;
    b.contacts = {{"alice@example.mil", "john.smith@contoso.com", 5, "", ""}};
    ASSERT_TRUE(writer.contacts->AddContacts(b).ok());
  }
  json draft = {{"from", "alice@example.mil"},
                {"recipients", {"john.smiht@contoso.com"}},
                {"body", "Minutes attached"}};
  auto r = client_->Post("/api/v1/check", draft.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = Body(r);
  EXPECT_EQ(j["action"], "hold") << j.dump();
  EXPECT_EQ(j["recipients"][0]["suggestion"], "john.smith@contoso.com") << j.dump();
  std::string codes;
  for (const json& why : j["recipients"][0]["reasons"]) codes += why["code"].get<std::string>();
  EXPECT_NE(codes.find("address-typo"), std::string::npos) << j.dump();
  // Another sender has no such history: nothing to compare with.
  draft["from"] = "bob@example.mil";
  auto other = client_->Post("/api/v1/check", draft.dump(), "application/json");
  ASSERT_TRUE(other);
  EXPECT_EQ(Body(other)["recipients"][0]["suggestion"], nullptr) << other->body;

  const std::string id =
      Hold("From: alice@example.mil\r\nTo: john.smiht@contoso.com\r\nSubject: Minutes\r\n\r\nx\r\n",
           {"john.smiht@contoso.com"});
  auto detail = client_->Get("/api/v1/quarantine/" + id, Admin());
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->status, 200);
  EXPECT_NE(detail->body.find("address-typo"), std::string::npos) << detail->body;
  EXPECT_EQ(Body(detail)["suggested_recipients"][0], "john.smith@contoso.com") << detail->body;
}

TEST_F(HttpApiTest, ChecksAreVersionedAndRecordedApartFromMail) {
  json draft = {{"recipients", {"ops@army.ml"}}, {"body", "Flight details"}};
  auto r = client_->Post("/api/v1/check", draft.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["version"], kDecisionJsonVersion);
  auto empty = client_->Post("/api/v1/check", "", "message/rfc822");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 422);
  auto m = client_->Get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_NE(m->body.find("sendguard_checks_total{action=\"hold\",mode=\"enforce\"} 1"),
            std::string::npos)
      << m->body;
  EXPECT_NE(m->body.find("sendguard_check_errors_total 1"), std::string::npos);
  EXPECT_EQ(metrics_.decisions(), 0u);  // checks are not mail
  stats_->Flush();
  Result<std::vector<DecisionCount>> rows = console_->DecisionCounts("2000-01-01");
  ASSERT_TRUE(rows.ok());
  std::int64_t checked_holds = 0;
  for (const DecisionCount& c : *rows) {
    if (c.action == "check-hold" && c.domain.empty()) checked_holds += c.count;
  }
  EXPECT_EQ(checked_holds, 1);
  // The dashboard shows mail; checked drafts apart.
  auto stats = client_->Get("/api/v1/stats?days=2", Admin());
  ASSERT_TRUE(stats);
  ASSERT_EQ(stats->status, 200) << stats->body;
  json st = Body(stats);
  for (const json& row : st["per_day"]) EXPECT_NE(row["action"], "check-hold") << row;
  EXPECT_TRUE(st["top_typo_domains"].empty()) << st;
  ASSERT_EQ(st["checks_per_day"].size(), 1u) << st;
  EXPECT_EQ(st["checks_per_day"][0]["action"], "check-hold");
}

TEST_F(HttpApiTest, CheckRefusesBadInput) {
  auto bad = client_->Post("/api/v1/check", "{not json", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto missing = client_->Post("/api/v1/check", "{}", "application/json");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  EXPECT_NE(Body(missing)["error"].get<std::string>().find("recipients"), std::string::npos);
  auto huge = client_->Post("/api/v1/check", std::string(100 * 1024, 'x'), "application/json");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
}

TEST_F(HttpApiTest, ForwardedRequestsAreNotLoopback) {
  json draft = {{"recipients", {"ops@army.mil"}}, {"body", "hello"}};
  httplib::Headers proxied = {{"X-Forwarded-For", "203.0.113.9"}};
  auto check = client_->Post("/api/v1/check", proxied, draft.dump(), "application/json");
  ASSERT_TRUE(check);
  EXPECT_EQ(check->status, 403);
  auto metrics = client_->Get("/metrics", proxied);
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 401);
}

TEST_F(HttpApiTest, CheckNeedsATokenOnceOneIsConfigured) {
  Stop();
  Start({kApiToken});
  json draft = {{"recipients", {"ops@army.mil"}}, {"body", "hello"}};
  auto none = client_->Post("/api/v1/check", draft.dump(), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  httplib::Headers wrong = {{"Authorization", "Bearer not-the-token-at-all"}};
  auto bad = client_->Post("/api/v1/check", wrong, draft.dump(), "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  httplib::Headers right = {{"Authorization", std::string("Bearer ") + kApiToken}};
  auto ok = client_->Post("/api/v1/check", right, draft.dump(), "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(HttpApiTest, AdminEndpointsNeedAuthentication) {
  std::string id = HoldOne();
  for (const std::string& path : {std::string("/api/v1/quarantine"), "/api/v1/quarantine/" + id,
                                  std::string("/api/v1/events"), std::string("/api/v1/stats"),
                                  std::string("/api/v1/policy")}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << path;
    auto ok = client_->Get(path, Admin());
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << path << ": " << ok->body;
  }
  for (const char* verb : {"/release", "/delete"}) {
    auto r = client_->Post("/api/v1/quarantine/" + id + verb, "{}", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
  }
  EXPECT_EQ(*HeldStatusName(quarantine_->Get(id).value().status).data(), 'h');  // still held
}

TEST_F(HttpApiTest, SessionLoginCsrfAndTheQuarantineLifecycle) {
  std::string id = HoldOne();
  auto wrong = client_->Post("/api/v1/login", json{{"user", "admin"}, {"password", "nope"}}.dump(),
                             "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto login = client_->Post(
      "/api/v1/login", json{{"user", "admin"}, {"password", kPassword}}.dump(), "application/json");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200);
  std::string cookie = login->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  std::string session = cookie.substr(0, cookie.find(';'));
  std::string csrf = Body(login)["csrf"];
  httplib::Headers with_cookie = {{"Cookie", session}};
  auto list = client_->Get("/api/v1/quarantine?status=held", with_cookie);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  json items = Body(list)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["id"], id);
  EXPECT_EQ(items[0]["verdicts"][0]["suggestion"], "ops@army.mil");
  auto detail = client_->Get("/api/v1/quarantine/" + id, with_cookie);
  ASSERT_TRUE(detail);
  EXPECT_EQ(Body(detail)["suggested_recipients"][0], "ops@army.mil");
  // State changes need the CSRF header.
  auto no_csrf =
      client_->Post("/api/v1/quarantine/" + id + "/delete", with_cookie, "", "application/json");
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  httplib::Headers full = {{"Cookie", session}, {"X-CSRF-Token", csrf}};
  // The relay is down: the release fails with 502 and the message stays held.
  auto release = client_->Post("/api/v1/quarantine/" + id + "/release", full,
                               json{{"to_suggestion", true}}.dump(), "application/json");
  ASSERT_TRUE(release);
  EXPECT_EQ(release->status, 502) << release->body;
  EXPECT_EQ(HeldStatusName(quarantine_->Get(id)->status), "held");
  auto del = client_->Post("/api/v1/quarantine/" + id + "/delete", full, "", "application/json");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 200) << del->body;
  auto again = client_->Post("/api/v1/quarantine/" + id + "/delete", full, "", "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
  auto events = client_->Get("/api/v1/events", with_cookie);
  ASSERT_TRUE(events);
  std::string kinds;
  const json event_list = Body(events);
  for (const json& e : event_list["items"]) kinds += e["kind"].get<std::string>() + ",";
  EXPECT_NE(kinds.find("deleted,"), std::string::npos) << kinds;
  EXPECT_NE(kinds.find("release-failed,"), std::string::npos) << kinds;
  EXPECT_NE(kinds.find("login,"), std::string::npos) << kinds;
  auto stats = client_->Get("/api/v1/stats?days=7", with_cookie);
  ASSERT_TRUE(stats);
  EXPECT_EQ(Body(stats)["quarantine"]["deleted"], 1);
  auto logout = client_->Post("/api/v1/logout", full, "", "application/json");
  ASSERT_TRUE(logout);
  EXPECT_EQ(logout->status, 200);
  auto after = client_->Get("/api/v1/quarantine", with_cookie);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST_F(HttpApiTest, WrongIdsAndParameters) {
  auto unknown = client_->Get("/api/v1/quarantine/0123456789abcdef0123456789abcdef", Admin());
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  auto malformed = client_->Get("/api/v1/quarantine/../../etc/passwd", Admin());
  ASSERT_TRUE(malformed);
  EXPECT_GE(malformed->status, 400);
  EXPECT_LT(malformed->status, 500);
  auto bad_limit = client_->Get("/api/v1/quarantine?limit=-5", Admin());
  ASSERT_TRUE(bad_limit);
  EXPECT_EQ(bad_limit->status, 400);
  auto bad_status = client_->Get("/api/v1/quarantine?status=whatever", Admin());
  ASSERT_TRUE(bad_status);
  EXPECT_EQ(bad_status->status, 400);
  auto bad_release = client_->Post("/api/v1/quarantine/0123456789abcdef0123456789abcdef/release",
                                   Admin(), "[1,2", "application/json");
  ASSERT_TRUE(bad_release);
  EXPECT_EQ(bad_release->status, 400);
}

TEST_F(HttpApiTest, StrangersLoginsAreBounded) {
  // A body far larger than a login is refused before it is parsed.
  auto huge = client_->Post("/api/v1/login", std::string(60000, '['), "application/json");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  // A long user name is recorded cut, not whole.
  const std::string name(3000, 'n');  // within the body limit, far over 64
  auto wrong = client_->Post("/api/v1/login", json{{"user", name}, {"password", "x"}}.dump(),
                             "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  Result<std::vector<QuarantineEvent>> events = quarantine_->Events(1, 0);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].kind, "login-failed");
  EXPECT_EQ((*events)[0].actor, std::string(64, 'n') + "...");
}

TEST_F(HttpApiTest, RepeatedFailedLoginsAreThrottled) {
  int last = 0;
  for (int i = 0; i < 7; ++i) {
    auto r = client_->Post("/api/v1/login", json{{"user", "admin"}, {"password", "x"}}.dump(),
                           "application/json");
    ASSERT_TRUE(r);
    last = r->status;
  }
  EXPECT_EQ(last, 429);
}

TEST_F(HttpApiTest, ParallelGuessesNeverPassTheLimit) {
  std::atomic<int> checked{0}, refused{0};
  std::vector<std::thread> guessers;
  for (int t = 0; t < 10; ++t) {
    guessers.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      for (int i = 0; i < 5; ++i) {
        auto r = c.Post(
            "/api/v1/login",
            json{{"user", "admin"}, {"password", "guess" + std::to_string(t * 5 + i)}}.dump(),
            "application/json");
        if (r && r->status == 401) ++checked;
        if (r && r->status == 429) ++refused;
      }
    });
  }
  for (std::thread& g : guessers) g.join();
  EXPECT_LE(checked.load(), 5);
  EXPECT_EQ(checked.load() + refused.load(), 50);
}

TEST_F(HttpApiTest, CheckReadsAttachmentsWhateverTheirLabel) {
  const std::string banner = "SECRET//NOFORN\r\nSSN: 212-09-4821\r\n";
  const std::string old_boundary = "=_sendguard_check_boundary_7f3a9c";
  const std::string inner = "--" + old_boundary + "\r\nContent-Type: text/plain\r\n\r\n" + banner +
                            "--" + old_boundary + "--\r\n";
  for (const auto& [type, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"multipart/mixed", banner},
           {"multipart/mixed; boundary=\"" + old_boundary + "\"", banner},
           {"multipart/mixed; boundary=\"" + old_boundary + "\"", inner},
           {"image/png", banner}}) {
    json draft = {{"recipients", {"ops@army.mil"}},
                  {"body", "see attached"},
                  {"attachments",
                   {{{"filename", "notes"},
                     {"content_type", type},
                     {"content_base64", EncodeBase64(bytes)}}}}};
    auto r = client_->Post("/api/v1/check", draft.dump(), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    json j = Body(r);
    EXPECT_EQ(j["action"], "reject") << type << ": " << j;
    std::string detectors;
    for (const json& f : j["findings"]) detectors += f["detector"].get<std::string>() + ",";
    EXPECT_NE(detectors.find("classification-marking,"), std::string::npos) << type << ": " << j;
    EXPECT_NE(detectors.find("us-ssn,"), std::string::npos) << type << ": " << j;
  }
  json bad = {{"recipients", {"ops@army.mil"}},
              {"attachments", {{{"content_type", "text/plain\r\nX: y"}, {"content_base64", ""}}}}};
  auto r = client_->Post("/api/v1/check", bad.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(Body(r)["error"].get<std::string>().find("content_type"), std::string::npos);
}

TEST_F(HttpApiTest, ConsoleAssets) {
  auto index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("console.js"), std::string::npos);
  auto js = client_->Get("/console.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type").rfind("text/javascript", 0), 0u);
  auto missing = client_->Get("/nothing.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

}  // namespace
}  // namespace sendguard

namespace sendguard {
namespace {

TEST(LoginThrottleTest, AnAccountIsThrottledWhateverTheClientAddress) {
  http_internal::Api api{ApiServices{}};
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(api.TakeLoginAttempt("10.0.0." + std::to_string(i), "admin"));
  }
  EXPECT_FALSE(api.TakeLoginAttempt("10.0.0.99", "admin"));  // a sixth client, same account
  EXPECT_TRUE(api.TakeLoginAttempt("10.0.0.99", "other"));   // another account
  for (int i = 0; i < 4; ++i)
    EXPECT_TRUE(api.TakeLoginAttempt("10.0.0.99", "x" + std::to_string(i)));
  EXPECT_FALSE(api.TakeLoginAttempt("10.0.0.99", "y"));  // five from one client
  api.LoginSucceeded("10.0.0.0", "admin");
  EXPECT_TRUE(api.TakeLoginAttempt("10.0.0.1", "admin"));
}

// A stop that comes while the server is only starting (SIGTERM during
// start-up) ends it all the same, instead of leaving Run() serving forever.
TEST(ApiServerStopTest, AStopWhileStartingEndsTheServer) {
  for (int i = 0; i < 50; ++i) {
    ApiServer server{ApiServices{}};
    ASSERT_TRUE(server.Bind("127.0.0.1:0").ok());
    std::thread run([&] { server.Run(); });
    server.Stop();
    run.join();  // hangs (and the test times out) when the stop is lost
  }
  ApiServer never_run{ApiServices{}};
  ASSERT_TRUE(never_run.Bind("127.0.0.1:0").ok());
  never_run.Stop();
  never_run.Run();  // returns at once: stopped before it started
}

}  // namespace
}  // namespace sendguard

namespace sendguard {
namespace {

// A PNG header of a page-sized picture: nothing in it can be read for text.
std::string PagePng() {
  constexpr char kHeader[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x04\xd8\0\0\x06\xda\x08\x02\0\0\0";
  return std::string(kHeader, sizeof(kHeader) - 1) + std::string(64, '\x9c');
}

TEST_F(HttpApiTest, CheckAndConsoleShowWhatWasNotRead) {
  json draft = {{"recipients", {"ops@newcorp.example"}},
                {"body", "the scan you asked for"},
                {"attachments",
                 {{{"filename", "scan.png"},
                   {"content_type", "image/png"},
                   {"content_base64", EncodeBase64(PagePng())}}}}};
  auto r = client_->Post("/api/v1/check", draft.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = Body(r);
  EXPECT_EQ(j["action"], "hold") << j;
  EXPECT_EQ(j["rule"], "uninspected-outside") << j;
  ASSERT_EQ(j["uninspected"].size(), 1u) << j;
  EXPECT_EQ(j["uninspected"][0]["kind"], "ocr-skipped");
  EXPECT_EQ(j["uninspected"][0]["where"], "attachment:scan.png");
  EXPECT_NE(j["uninspected"][0]["detail"].get<std::string>().find("1240x1754"), std::string::npos);

  const std::string raw =
      "From: alice@example.mil\r\nTo: ops@newcorp.example\r\nSubject: scan\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\nContent-Type: text/plain\r\n\r\nthe scan\r\n"
      "--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=scan.png\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      EncodeBase64(PagePng(), 76) + "\r\n--b--\r\n";
  std::string id = Hold(raw, {"ops@newcorp.example"});
  auto detail = client_->Get("/api/v1/quarantine/" + id, Admin());
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->status, 200);
  json held = Body(detail);
  ASSERT_EQ(held["uninspected"].size(), 1u) << held;
  EXPECT_EQ(held["uninspected"][0]["kind"], "ocr-skipped");
  EXPECT_EQ(held["rule"], "uninspected-outside");
}

}  // namespace
}  // namespace sendguard
