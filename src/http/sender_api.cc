// The sender's page behind the signed link in a notice: see why a message
// was held, send it to the suggested address (or as written, when policy
// allows), or discard it. The link is the credential and names one message.
// A release is judged again by the whole policy (service/sender_release):
// what another rule still holds needs an administrator.

#include <ctime>

#include "delivery/release.h"
#include "http/api_internal.h"
#include "service/sender_release.h"

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

// The sender's choice `to` for `h`, judged as a release would be. A
// message no longer held, or one that cannot be judged again, offers
// nothing.
SenderVerdict Choice(const ApiServices& s, const HeldMessage& h, ReleaseTo to) {
  if (h.status != HeldStatus::kHeld) {
    return {.reason = "the message is " + std::string(HeldStatusName(h.status))};
  }
  Result<SenderVerdict> v =
      JudgeSenderRelease(*s.checker, h, to, s.http.sender_can_send_as_written);
  if (!v.ok()) return {.reason = v.status().message()};
  return std::move(v).value();
}

json ChoiceJson(const SenderVerdict& v) {
  if (v.allowed) return nullptr;
  return {{"rule", v.rule}, {"reason", v.reason}};
}

json SenderView(const ApiServices& s, const HeldMessage& h) {
  json reasons = json::array();
  for (const HeldReason& r : h.reasons) {
    reasons.push_back({{"address", r.address}, {"code", r.code}, {"detail", r.detail}});
  }
  const SenderVerdict written = Choice(s, h, ReleaseTo::kAsWritten);
  const SenderVerdict suggestion = Choice(s, h, ReleaseTo::kSuggestion);
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
          {"can_send_as_written", written.allowed},
          {"as_written_refused", ChoiceJson(written)},
          {"can_send_to_suggestion", suggestion.allowed},
          {"suggestion_refused", ChoiceJson(suggestion)}};
}

// Releases `h` to `to` when its sender may: 403 with the rule that still
// holds it otherwise (the message stays held).
void SenderRelease(const ApiServices& s, const HeldMessage& h, ReleaseTo to,
                   httplib::Response& res) {
  if (h.status != HeldStatus::kHeld) {
    return Api::Error(
        res, 409,
        "message " + h.id + " is " + std::string(HeldStatusName(h.status)) + ", not held");
  }
  Result<SenderVerdict> v =
      JudgeSenderRelease(*s.checker, h, to, s.http.sender_can_send_as_written);
  if (!v.ok()) {
    if (v.status().code() == StatusCode::kFailedPrecondition) {
      return Api::Error(res, Api::StatusFor(v.status()), v.status().message());
    }
    return Api::Error(res, 500,
                      "cannot judge the message again (" + v.status().message() +
                          "); an administrator must release it");
  }
  if (!v->allowed) {
    return Api::Json(res, {{"error", v->reason}, {"rule", v->rule}, {"admin_required", true}}, 403);
  }
  auto sent = ReleaseHeld(*s.quarantine, s.relay, h.id, to, {}, "sender:" + h.mail_from);
  if (!sent.ok()) {
    return Api::Error(res, Api::StatusFor(sent.status()), sent.status().message());
  }
  if (s.delivered != nullptr) s.delivered->RecordReleased(h.mail_from, *sent);
  Api::Json(res, {{"status", "released"}, {"recipients", *sent}});
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
                if (to == "suggestion")
                  return SenderRelease(api.services(), *h, ReleaseTo::kSuggestion, res);
                if (to == "as-written")
                  return SenderRelease(api.services(), *h, ReleaseTo::kAsWritten, res);
                Api::Error(res, 400, "to is \"suggestion\" or \"as-written\"");
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
