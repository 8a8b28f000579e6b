// Helpers of the HTTP API: JSON replies, authentication, login throttling.

#include <sodium.h>

#include <cstdlib>

#include "http/api_internal.h"
#include "http/json_body.h"
#include "service/held_json.h"

namespace sendguard::http_internal {

void Api::Error(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json");
}

void Api::Json(httplib::Response& res, const json& body, int status) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

int Api::StatusFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kFailedPrecondition:
      return 409;  // e.g. no longer held
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kDeadlineExceeded:
      return 410;
    case StatusCode::kUnavailable:
      return 502;
    default:
      return 500;
  }
}

std::optional<json> Api::Body(const httplib::Request& req, httplib::Response& res) {
  Result<json> j = ParseBoundedJson(req.body);
  if (!j.ok()) {
    Error(res, 400, "the body must be a JSON object: " + j.status().message());
    return std::nullopt;
  }
  if (!j->is_object()) {
    Error(res, 400, "the body must be a JSON object");
    return std::nullopt;
  }
  return std::move(j).value();
}

bool Api::AdmitBody(const httplib::Request& req, httplib::Response& res) {
  const bool chunked = req.has_header("Transfer-Encoding");
  const std::size_t length =
      chunked ? 0 : std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
  if (!chunked && length <= kMaxAnonymousBodyBytes) return true;
  const bool credentialed =
      HasBearer(req, s_.http.api_tokens) || HasBearer(req, s_.http.admin_tokens) ||
      sessions_.Find(Cookie(req, "sendguard_session")).has_value() ||
      (req.path == "/api/v1/check" && s_.http.api_tokens.empty() && IsLoopback(req));
  if (credentialed) return true;
  if (chunked) {
    Error(res, 411, "a request without credentials needs a Content-Length");
  } else {
    Error(res, 413,
          "a request without credentials carries at most " +
              std::to_string(kMaxAnonymousBodyBytes) + " bytes");
  }
  return false;
}

bool Api::HasBearer(const httplib::Request& req, const std::vector<std::string>& tokens) {
  std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) != 0) return false;
  std::string given = auth.substr(7);
  unsigned char given_hash[crypto_generichash_BYTES];
  crypto_generichash(given_hash, sizeof given_hash,
                     reinterpret_cast<const unsigned char*>(given.data()), given.size(), nullptr,
                     0);
  bool found = false;
  for (const std::string& t : tokens) {
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(t.data()),
                       t.size(), nullptr, 0);
    found |= sodium_memcmp(hash, given_hash, sizeof hash) == 0;
  }
  return found;
}

bool Api::IsLoopback(const httplib::Request& req) {
  // A request a proxy forwarded is not the local client it appears to be.
  if (req.has_header("X-Forwarded-For") || req.has_header("Forwarded") ||
      req.has_header("X-Real-IP")) {
    return false;
  }
  return req.remote_addr == "127.0.0.1" || req.remote_addr == "::1" ||
         req.remote_addr.rfind("127.", 0) == 0 || req.remote_addr == "::ffff:127.0.0.1";
}

std::string Api::Cookie(const httplib::Request& req, std::string_view name) {
  std::string header = req.get_header_value("Cookie");
  std::string_view h = header;
  while (!h.empty()) {
    std::size_t semi = h.find(';');
    std::string_view part = h.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    if (semi == std::string_view::npos) break;
    h.remove_prefix(semi + 1);
  }
  return "";
}

std::optional<Caller> Api::RequireAdmin(const httplib::Request& req, httplib::Response& res) {
  if (HasBearer(req, s_.http.admin_tokens)) return Caller{"token", true};
  std::optional<Session> session = sessions_.Find(Cookie(req, "sendguard_session"));
  if (!session) {
    Error(res, 401, "log in first");
    return std::nullopt;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    std::string csrf = req.get_header_value("X-CSRF-Token");
    if (csrf.size() != session->csrf.size() ||
        sodium_memcmp(csrf.data(), session->csrf.data(), csrf.size()) != 0) {
      Error(res, 403, "missing or wrong X-CSRF-Token");
      return std::nullopt;
    }
  }
  return Caller{session->user, true};
}

namespace {
constexpr int kMaxFailures = 5;
constexpr auto kBlockFor = std::chrono::minutes(1);
}  // namespace

bool Api::TakeLoginAttempt(const std::string& addr, const std::string& user) {
  const std::string keys[] = {"client:" + addr, "account:" + user};
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(login_mu_);
  if (failures_.size() > 100000) failures_.clear();
  for (const std::string& k : keys) {
    auto it = failures_.find(k);
    if (it == failures_.end()) continue;
    if (now - it->second.second > kBlockFor) {
      failures_.erase(it);
    } else if (it->second.first >= kMaxFailures) {
      return false;
    }
  }
  // Counted as failed until it succeeds, so that guesses in flight at once
  // cannot pass the limit together.
  for (const std::string& k : keys) {
    auto& f = failures_[k];
    ++f.first;
    f.second = now;
  }
  return true;
}

void Api::LoginSucceeded(const std::string& addr, const std::string& user) {
  std::lock_guard<std::mutex> lock(login_mu_);
  failures_.erase("client:" + addr);
  failures_.erase("account:" + user);
}

json HeldJson(const HeldMessage& h) {
  json out = HeldMessageJson(h);
  json decision = json::parse(h.decision_json, nullptr, false);
  const bool usable = !decision.is_discarded() && decision.is_object();
  out["verdicts"] =
      usable && decision.contains("recipients") ? decision["recipients"] : json::array();
  out["findings"] = usable && decision.contains("findings") ? decision["findings"] : json::array();
  out["uninspected"] =
      usable && decision.contains("uninspected") ? decision["uninspected"] : json::array();
  return out;
}

}  // namespace sendguard::http_internal
