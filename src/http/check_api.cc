// POST /api/v1/check: judge a draft before it is sent.

#include <iostream>

#include "http/api_internal.h"
#include "http/check_request.h"
#include "policy/decision_json.h"
#include "service/checker.h"

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
      if (!in.ok()) {
        const bool internal = in.status().code() == StatusCode::kInternal;
        return Api::Error(res, internal ? 500 : 400, in.status().message());
      }
      input = std::move(in).value();
    }
    const Checker& checker = *s.checker;
    const Outcome outcome{.origin = Origin::kCheck};
    Result<Checked> checked = checker.Check(input.raw, input.envelope);
    if (!checked.ok()) {
      const Status& st = checked.status();
      const bool unreadable = st.code() == StatusCode::kInvalidArgument;
      if (Status j = checker.RecordError(input.envelope, st.message(), false, outcome); !j.ok()) {
        std::cerr << "sendguard http: decision journal: " << j.message() << "\n";
      }
      return Api::Error(
          res, unreadable ? 422 : 500,
          (unreadable ? "cannot read the message: " : "cannot judge the message: ") + st.message());
    }
    if (Status j = checker.Record(*checked, outcome); !j.ok()) {
      std::cerr << "sendguard http: decision journal: " << j.message() << "\n";
    }
    json record = DecisionJson(checked->message, checked->decision);
    record["version"] = kDecisionJsonVersion;
    Api::Json(res, record);
  });
}

}  // namespace sendguard::http_internal
