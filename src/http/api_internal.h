// Shared by the HTTP API's handler files; internal to src/http/.

#ifndef SENDGUARD_HTTP_API_INTERNAL_H_
#define SENDGUARD_HTTP_API_INTERNAL_H_

#include <httplib.h>

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "http/api_server.h"
#include "http/sessions.h"

namespace sendguard::http_internal {

using json = nlohmann::json;

// Who is making a request.
struct Caller {
  std::string name;  // account name, "token", or "" for nobody
  bool admin = false;
};

class Api {
 public:
  explicit Api(ApiServices s) : s_(std::move(s)) {}

  const ApiServices& services() const { return s_; }
  Sessions& sessions() { return sessions_; }

  // Sends {"error": message} with `status`.
  static void Error(httplib::Response& res, int status, std::string_view message);
  // Sends `body` as JSON with 200 (or `status`).
  static void Json(httplib::Response& res, const json& body, int status = 200);
  // The HTTP status for a store or release error.
  static int StatusFor(const Status& s);
  // Parses a JSON object body within JsonBounds (depth, number of
  // values); on failure sends 400 saying why and returns nullopt.
  static std::optional<json> Body(const httplib::Request& req, httplib::Response& res);

  // Called before a body is read. A request without a credential that
  // checks out (a bearer token, a console session, or a loopback client's
  // check while no api_tokens are set) may carry kMaxAnonymousBodyBytes:
  // for more, sends 413 (411 for a chunked body, whose size is not known
  // in advance) and returns false.
  bool AdmitBody(const httplib::Request& req, httplib::Response& res);
  static constexpr std::size_t kMaxAnonymousBodyBytes = 4096;

  // The administrator behind the request (session cookie, or bearer admin
  // token); for POST, a session must also carry its CSRF header. Sends
  // 401/403 and returns nullopt when there is none.
  std::optional<Caller> RequireAdmin(const httplib::Request& req, httplib::Response& res);
  // Bearer token among `tokens` (constant-time comparison).
  static bool HasBearer(const httplib::Request& req, const std::vector<std::string>& tokens);
  // A client on this host, not one a proxy forwarded (X-Forwarded-For,
  // Forwarded, X-Real-IP).
  static bool IsLoopback(const httplib::Request& req);
  static std::string Cookie(const httplib::Request& req, std::string_view name);

  // Login throttling, per client address and per account, to slow down
  // password guessing: takes one attempt, counted as failed until
  // LoginSucceeded; false (nothing counted) when the client or the account
  // had kMaxFailures attempts within the last minute. Atomic: guesses sent
  // at once cannot pass the limit together.
  bool TakeLoginAttempt(const std::string& addr, const std::string& user);
  void LoginSucceeded(const std::string& addr, const std::string& user);

 private:
  ApiServices s_;
  Sessions sessions_;
  std::mutex login_mu_;
  std::map<std::string, std::pair<int, std::chrono::steady_clock::time_point>> failures_;
};

void RegisterCheck(httplib::Server& server, Api& api);
void RegisterQuarantine(httplib::Server& server, Api& api);
void RegisterConsole(httplib::Server& server, Api& api);
void RegisterSender(httplib::Server& server, Api& api);
void RegisterAssets(httplib::Server& server);

// The held message as the API shows it (no bytes).
json HeldJson(const HeldMessage& h);

}  // namespace sendguard::http_internal

#endif  // SENDGUARD_HTTP_API_INTERNAL_H_
