// POST /api/v1/check: judge a draft before it is sent.

#include "cli/message_json.h"
#include "http/api_internal.h"
#include "http/check_request.h"
#include "policy/decision.h"
#include "sendguard/parser.h"

namespace sendguard::http_internal {

void RegisterCheck(httplib::Server& server, Api& api) {
  server.Post("/api/v1/check", [&api](const httplib::Request& req, httplib::Response& res) {
    const ApiServices& s = api.services();
    const HttpConfig& cfg = s.http;
    if (cfg.api_tokens.empty()) {
      if (!Api::IsLoopback(req) && !Api::HasBearer(req, cfg.admin_tokens)) {
        return Api::Error(res, 403,
                          "checks are open to loopback clients only until api_tokens "
                          "are configured");
      }
    } else if (!Api::HasBearer(req, cfg.api_tokens) && !Api::HasBearer(req, cfg.admin_tokens)) {
      res.set_header("WWW-Authenticate", "Bearer");
      return Api::Error(res, 401, "an API token is required (Authorization: Bearer ...)");
    }
    CheckInput input;
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("message/rfc822", 0) == 0) {
      input.raw = req.body;
    } else {
      std::optional<json> body = Api::Body(req, res);
      if (!body) return;
      Result<CheckInput> in = CheckInputFromJson(*body);
      if (!in.ok()) return Api::Error(res, 400, in.status().message());
      input = std::move(in).value();
    }
    Result<Message> message = ParseMessage(input.raw, input.envelope, s.context->config().limits);
    if (!message.ok()) {
      return Api::Error(res, 422, "cannot read the message: " + message.status().message());
    }
    Result<Decision> decision = Evaluate(*message, *s.context);
    if (!decision.ok()) {
      return Api::Error(res, 500, "cannot judge the message: " + decision.status().message());
    }
    json record = ScanRecordJson("api", *message, *decision);
    record.erase("source");
    Api::Json(res, record);
  });
}

}  // namespace sendguard::http_internal
