// The HTTP API against a running server on loopback: every endpoint, the
// authentication each needs, and hostile input (bad JSON, oversize bodies,
// unknown ids, expired and forged links) answered with a clear 4xx.

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/api_internal.h"
#include "http/api_server.h"
#include "mail/base64.h"
#include "policy/decision.h"
#include "policy/decision_json.h"
#include "sendguard/parser.h"
#include "store/stores.h"
#include "tests/smtp_sink.h"

namespace sendguard {
namespace {

using nlohmann::json;

constexpr char kAdminToken[] = "admin-token-0123456789";
constexpr char kApiToken[] = "client-token-0123456789";
constexpr char kPassword[] = "a long enough password";

std::string TypoMessage() {
  return "From: alice@example.mil\r\nTo: ops@army.ml\r\nSubject: Travel plan\r\n"
         "Message-ID: <t1@example.mil>\r\n\r\nFlight details for next week.\r\n";
}

class HttpApiTest : public ::testing::Test {
 protected:
  void SetUp() override { Start({}); }
  void TearDown() override {
    Stop();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }

  void Start(std::vector<std::string> api_tokens) {
    path_ = (std::filesystem::temp_directory_path() /
             ("sendguard_http_" + std::to_string(::getpid()) + ".db"))
                .string();
    Stores stores = std::move(OpenStores(path_, {.quarantine = true, .console = true})).value();
    quarantine_ = std::move(stores.quarantine);
    console_ = std::move(stores.console);
    ASSERT_TRUE(console_->SetPassword("admin", kPassword).ok());
    context_ = std::move(Context::Create(Config(), History())).value();
    stats_ = std::make_unique<DecisionStats>(console_.get(), std::chrono::hours(1));
    checker_ = std::make_unique<Checker>(*context_,
                                         Recorders{.metrics = &metrics_, .stats = stats_.get()});
    signer_ = std::make_unique<LinkSigner>(*console_->Secret("sender-link-key", 32));
    links_ = std::make_unique<SenderLinks>(
        std::move(SenderLinks::Open(*console_, HttpConfig().public_url, 72)).value());
    ApiServices s;
    s.checker = checker_.get();
    s.quarantine = quarantine_.get();
    s.console = console_.get();
    s.links = links_.get();
    s.metrics = &metrics_;
    s.relay.url = relay_url_;  // by default nothing listens: releases fail and stay held
    s.relay.timeout_ms = 2000;
    s.http.admin_tokens = {kAdminToken};
    s.http.api_tokens = std::move(api_tokens);
    s.http.max_body_bytes = 64 * 1024;
    services_ = s;
    server_ = std::make_unique<ApiServer>(s);
    ASSERT_TRUE(server_->Bind("127.0.0.1:0").ok());
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    for (int i = 0; i < 100 && !client_->Get("/healthz"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  void Stop() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    stats_.reset();
  }

  // Holds the typo message as the milter would; returns its id.
  std::string HoldOne() { return Hold(TypoMessage(), {"ops@army.ml"}); }

  // Holds `raw` for `rcpts` as the milter would; returns its id.
  std::string Hold(const std::string& raw, const std::vector<std::string>& rcpts) {
    Envelope env{"alice@example.mil", rcpts};
    Message m = std::move(ParseMessage(raw, env)).value();
    Decision d = std::move(Evaluate(m, *context_)).value();
    HeldMessage h;
    h.mail_from = env.mail_from;
    h.recipients = env.rcpt_to;
    h.subject = m.subject();
    h.action = "hold";
    h.rule = d.rule;
    h.reason = d.reason;
    h.decision_json = DecisionJson(m, d).dump();
    for (const RecipientVerdict& r : d.recipients) {  // as the milter fills them
      if (r.suggestion) h.corrections.emplace_back(r.address, *r.suggestion);
      for (const RecipientReason& why : r.reasons)
        h.reasons.push_back({r.address, why.code, why.detail});
    }
    h.raw = raw;
    return *quarantine_->Hold(h);
  }

  // Restarts the server with releases going to `sink`.
  void RelayTo(const testing::SmtpSink& sink) {
    Stop();
    relay_url_ = sink.url();
    Start({});
  }

  // POSTs a sender's release of `id` to `to` ("suggestion", "as-written").
  httplib::Result SenderRelease(const std::string& id, const std::string& to) {
    return client_->Post("/api/v1/sender/" + signer_->Sign(id, 4102444800) + "/release",
                         json{{"to", to}}.dump(), "application/json");
  }

  httplib::Headers Admin() { return {{"Authorization", std::string("Bearer ") + kAdminToken}}; }

  json Body(const httplib::Result& r) { return json::parse(r->body, nullptr, false); }

  std::string relay_url_ = "smtp://127.0.0.1:1";
  std::string path_;
  std::unique_ptr<QuarantineStore> quarantine_;
  std::unique_ptr<ConsoleStore> console_;
  std::unique_ptr<Context> context_;
  Metrics metrics_;
  std::unique_ptr<DecisionStats> stats_;
  std::unique_ptr<Checker> checker_;
  std::unique_ptr<LinkSigner> signer_;  // the same key: tokens with a chosen expiry
  std::unique_ptr<SenderLinks> links_;
  ApiServices services_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

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
