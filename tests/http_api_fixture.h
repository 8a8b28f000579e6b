// The HTTP API test fixture: a server on loopback over a fresh SQLite
// store, with an admin account, tokens and senders' links.

#ifndef SENDGUARD_TESTS_HTTP_API_FIXTURE_H_
#define SENDGUARD_TESTS_HTTP_API_FIXTURE_H_

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "contacts/contact_index.h"
#include "http/api_internal.h"
#include "http/api_server.h"
#include "mail/base64.h"
#include "policy/decision.h"
#include "policy/decision_json.h"
#include "sendguard/parser.h"
#include "store/stores.h"
#include "tests/smtp_sink.h"

namespace sendguard {

inline constexpr char kAdminToken[] = "admin-token-0123456789";
inline constexpr char kApiToken[] = "client-token-0123456789";
inline constexpr char kPassword[] = "a long enough password";

inline std::string TypoMessage() {
  return "From: alice@example.mil\r\nTo: ops@army.ml\r\nSubject: Travel plan\r\n"
         "Message-ID: <t1@example.mil>\r\n\r\nFlight details for next week.\r\n";
}

class HttpApiTest : public ::testing::Test {
 protected:
  using json = nlohmann::json;

  void SetUp() override { Start({}); }
  void TearDown() override {
    Stop();
    for (const char* ext : {"", "-wal", "-shm", ".contacts"}) std::filesystem::remove(path_ + ext);
  }

  void Start(std::vector<std::string> api_tokens) {
    path_ = (std::filesystem::temp_directory_path() /
             ("sendguard_http_" + std::to_string(::getpid()) + ".db"))
                .string();
    Stores stores =
        std::move(OpenStores(path_, {.quarantine = true, .console = true, .contacts = true}))
            .value();
    quarantine_ = std::move(stores.quarantine);
    console_ = std::move(stores.console);
    ASSERT_TRUE(console_->SetPassword("admin", kPassword).ok());
    // Senders' histories from the store, as serve reads them (no index yet).
    std::shared_ptr<ContactSource> contacts =
        std::move(OpenContacts(std::move(stores.contacts), ContactIndexPath(path_), 1 << 20))
            .value();
    context_ = std::move(Context::Create(Config(), History(), std::move(contacts))).value();
    stats_ = std::make_unique<DecisionStats>(console_.get(), std::chrono::hours(1));
    Stores writer = std::move(OpenStores(path_, {.history = true, .contacts = true})).value();
    delivered_ = std::make_unique<DeliveredHistory>(std::move(writer.contacts),
                                                    std::move(writer.history), nullptr);
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
    s.delivered = delivered_.get();
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
    delivered_.reset();
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
  std::unique_ptr<DeliveredHistory> delivered_;  // what releases add to the history

  // Messages from `sender` to `recipient` in the store's per-sender history.
  std::uint64_t Sent(const std::string& sender, const std::string& recipient) {
    delivered_->Flush();
    Stores reader = std::move(OpenStores(path_, {.contacts = true})).value();
    std::optional<SenderContacts> c = std::move(reader.contacts->ReadContacts(sender)).value();
    const Contact* k = c ? c->Find(recipient) : nullptr;
    return k == nullptr ? 0 : k->messages;
  }
  std::unique_ptr<Checker> checker_;
  std::unique_ptr<LinkSigner> signer_;  // the same key: tokens with a chosen expiry
  std::unique_ptr<SenderLinks> links_;
  ApiServices services_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace sendguard

#endif  // SENDGUARD_TESTS_HTTP_API_FIXTURE_H_
