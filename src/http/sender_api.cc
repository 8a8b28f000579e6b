// The sender's page behind the signed link in a notice: see why a message
// was held, send it to the suggested address (or as written, when policy
// allows), or discard it. The link is the credential and names one message.

#include <ctime>

#include "delivery/release.h"
#include "http/api_internal.h"

namespace sendguard::http_internal {
namespace {

constexpr const char* kToken = "([A-Za-z0-9._-]{1,200})";

// The held message a link names; sends the 4xx and returns nullopt when the
// link is forged, expired or names nothing.
std::optional<HeldMessage> FromLink(Api& api, const httplib::Request& req, httplib::Response& res) {
  Result<std::string> id = api.services().links->Verify(
      req.matches[1].str(), static_cast<std::int64_t>(std::time(nullptr)));
  if (!id.ok()) {
    Api::Error(res, Api::StatusFor(id.status()), id.status().message());
    return std::nullopt;
  }
  Result<HeldMessage> h = api.services().quarantine->Get(*id);
  if (!h.ok()) {
    Api::Error(res, Api::StatusFor(h.status()), h.status().message());
    return std::nullopt;
  }
  return std::move(h).value();
}

// Senders may send as written only when the configuration allows it and
// the message was held for its recipients alone: a hold for content (CUI,
// personal data) is for an administrator to lift.
bool MaySendAsWritten(const ApiServices& s, const HeldMessage& h) {
  if (!s.http.sender_can_send_as_written) return false;
  for (const Rule& r : s.checker->context().config().policy.rules) {
    if (r.name == h.rule) return !r.content.has_value() && !r.encrypted.has_value();
  }
  return false;  // a rule no longer configured: be strict
}

json SenderView(const ApiServices& s, const HeldMessage& h) {
  json reasons = json::array();
  for (const HeldReason& r : h.reasons) {
    reasons.push_back({{"address", r.address}, {"code", r.code}, {"detail", r.detail}});
  }
  return {{"id", h.id},
          {"created", h.created},
          {"subject", h.subject},
          {"mail_from", h.mail_from},
          {"recipients", h.recipients},
          {"suggested_recipients", SuggestedRecipients(h)},
          {"has_suggestion", HasSuggestion(h)},
          {"reason", h.reason},
          {"reasons", reasons},
          {"status", HeldStatusName(h.status)},
          {"can_send_as_written", MaySendAsWritten(s, h)}};
}

}  // namespace

void RegisterSender(httplib::Server& server, Api& api) {
  server.Get(std::string("/api/v1/sender/") + kToken,
             [&api](const httplib::Request& req, httplib::Response& res) {
               std::optional<HeldMessage> h = FromLink(api, req, res);
               if (!h) return;
               Api::Json(res, SenderView(api.services(), *h));
             });

  server.Post(std::string("/api/v1/sender/") + kToken + "/release",
              [&api](const httplib::Request& req, httplib::Response& res) {
                std::optional<HeldMessage> h = FromLink(api, req, res);
                if (!h) return;
                std::optional<json> body = Api::Body(req, res);
                if (!body) return;
                const std::string to = body->value("to", "");
                ReleaseTo target;
                if (to == "suggestion") {
                  target = ReleaseTo::kSuggestion;
                } else if (to == "as-written") {
                  if (!MaySendAsWritten(api.services(), *h)) {
                    return Api::Error(res, 403,
                                      "policy does not let senders send this message as written; "
                                      "ask your mail administrator");
                  }
                  target = ReleaseTo::kAsWritten;
                } else {
                  return Api::Error(res, 400, "to is \"suggestion\" or \"as-written\"");
                }
                const ApiServices& s = api.services();
                auto sent = ReleaseHeld(*s.quarantine, s.relay, h->id, target, {},
                                        "sender:" + h->mail_from);
                if (!sent.ok()) {
                  return Api::Error(res, Api::StatusFor(sent.status()), sent.status().message());
                }
                Api::Json(res, {{"status", "released"}, {"recipients", *sent}});
              });

  server.Post(std::string("/api/v1/sender/") + kToken + "/delete",
              [&api](const httplib::Request& req, httplib::Response& res) {
                std::optional<HeldMessage> h = FromLink(api, req, res);
                if (!h) return;
                Status st = DeleteHeld(*api.services().quarantine, h->id, "sender:" + h->mail_from);
                if (!st.ok()) return Api::Error(res, Api::StatusFor(st), st.message());
                Api::Json(res, {{"status", "deleted"}});
              });
}

}  // namespace sendguard::http_internal
