// Console sessions, the dashboard's figures, the policy view, metrics and
// health.

#include <ctime>
#include <iostream>

#include "http/api_internal.h"
#include "util/strings.h"
#include "util/utc_day.h"

namespace sendguard::http_internal {
namespace {

constexpr const char* kCookie = "sendguard_session";
constexpr std::size_t kMaxLoginBytes = 4096;

std::string SessionCookie(const ApiServices& s, const std::string& value, int max_age) {
  const bool secure = s.http.public_url.rfind("https://", 0) == 0 || !s.http.tls_cert.empty();
  return std::string(kCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

json RuleJson(const Rule& r) {
  json j = {{"name", r.name}, {"action", ActionName(r.action)}, {"reason", r.reason}};
  if (r.recipients) {
    json c;
    if (!r.recipients->reasons.empty()) c["reasons"] = r.recipients->reasons;
    if (r.recipients->min_risk) c["min_risk"] = RiskName(*r.recipients->min_risk);
    if (!r.recipients->domains.empty()) c["domains"] = r.recipients->domains;
    if (r.recipients->external) c["external"] = *r.recipients->external;
    if (r.recipients->trusted) c["trusted"] = *r.recipients->trusted;
    j["recipients"] = c.is_null() ? json::object() : c;
  }
  if (r.content) {
    json c;
    if (!r.content->detectors.empty()) c["detectors"] = r.content->detectors;
    if (!r.content->categories.empty()) c["categories"] = r.content->categories;
    c["min_confidence"] = ConfidenceName(r.content->min_confidence);
    c["min_count"] = r.content->min_count;
    if (r.content->above_level) c["above_level"] = *r.content->above_level;
    j["content"] = c;
  }
  if (r.encrypted) j["encrypted"] = *r.encrypted;
  if (r.uninspected) {
    j["uninspected"] = r.uninspected->present && !r.uninspected->kinds.empty()
                           ? json(r.uninspected->kinds)
                           : json(r.uninspected->present);
  }
  return j;
}

// GET /healthz: 200 while the store answers and its file is sound; 503
// otherwise (the cause, which names files, goes to the log, not to anyone
// who asks).
void Health(Api& api, const httplib::Request&, httplib::Response& res) {
  if (Status h = api.services().quarantine->Health(); !h.ok()) {
    std::cerr << "sendguard http: /healthz: " << h.message() << "\n";
    return Api::Error(res, 503, "store unavailable");
  }
  Api::Json(res, {{"status", "ok"}});
}

// GET /metrics: Prometheus text, for loopback clients and admins.
void MetricsText(Api& api, const httplib::Request& req, httplib::Response& res) {
  if (!Api::IsLoopback(req) && !api.RequireAdmin(req, res)) return;
  std::string text = api.services().metrics != nullptr ? api.services().metrics->RenderPrometheus()
                                                       : std::string();
  auto counts = api.services().quarantine->CountByStatus();
  if (counts.ok()) {
    text +=
        "# HELP sendguard_quarantine_messages Messages in the quarantine by status.\n"
        "# TYPE sendguard_quarantine_messages gauge\n";
    for (const auto& [status, n] : *counts) {
      text +=
          "sendguard_quarantine_messages{status=\"" + status + "\"} " + std::to_string(n) + "\n";
    }
  }
  res.set_content(text, "text/plain; version=0.0.4");
}

// POST /api/v1/login {user, password}: a session cookie and its CSRF token.
void Login(Api& api, const httplib::Request& req, httplib::Response& res) {
  // Unauthenticated: a few KB at most, so that no stranger's body is parsed
  // into memory many times its size.
  if (req.body.size() > kMaxLoginBytes) return Api::Error(res, 413, "a login is a few bytes");
  std::optional<json> body = Api::Body(req, res);
  if (!body) return;
  if (!body->contains("user") || !(*body)["user"].is_string() || !body->contains("password") ||
      !(*body)["password"].is_string()) {
    return Api::Error(res, 400, "user and password are required");
  }
  const std::string user = (*body)["user"].get<std::string>();
  if (!api.TakeLoginAttempt(req.remote_addr, user)) {
    return Api::Error(res, 429, "too many failed logins; wait a minute");
  }
  auto ok = api.services().console->CheckPassword(user, (*body)["password"].get<std::string>());
  if (!ok.ok()) return Api::Error(res, 500, ok.status().message());
  if (!*ok) {
    // What a stranger typed is recorded bounded (account names are at most 64).
    (void)api.services().quarantine->AddEvent(
        "login-failed", "", EscapeControl(user.substr(0, 64)) + (user.size() > 64 ? "..." : ""),
        req.remote_addr);
    return Api::Error(res, 401, "wrong user name or password");
  }
  api.LoginSucceeded(req.remote_addr, user);
  Session session;
  std::string token = api.sessions().Create(user, &session);
  (void)api.services().quarantine->AddEvent("login", "", user, req.remote_addr);
  res.set_header("Set-Cookie", SessionCookie(api.services(), token, 12 * 3600));
  Api::Json(res, {{"user", session.user}, {"csrf", session.csrf}});
}

// POST /api/v1/logout: ends the session.
void Logout(Api& api, const httplib::Request& req, httplib::Response& res) {
  if (!api.RequireAdmin(req, res)) return;
  api.sessions().End(Api::Cookie(req, kCookie));
  res.set_header("Set-Cookie", SessionCookie(api.services(), "", 0));
  Api::Json(res, {{"status", "logged out"}});
}

// GET /api/v1/session: who is logged in, and the CSRF token.
void SessionInfo(Api& api, const httplib::Request& req, httplib::Response& res) {
  std::optional<Session> s = api.sessions().Find(Api::Cookie(req, kCookie));
  if (!s) return Api::Error(res, 401, "not logged in");
  Api::Json(res, {{"user", s->user}, {"csrf", s->csrf}});
}

// GET /api/v1/stats?days=N: the dashboard's decision counts and typo domains.
void Stats(Api& api, const httplib::Request& req, httplib::Response& res) {
  if (!api.RequireAdmin(req, res)) return;
  int days = 30;
  if (req.has_param("days")) {
    try {
      days = std::stoi(req.get_param_value("days"));
    } catch (...) {
      days = -1;
    }
    if (days < 1 || days > 366) return Api::Error(res, 400, "days is 1-366");
  }
  auto rows = api.services().console->DecisionCounts(UtcDaysAgo(days - 1));
  if (!rows.ok()) return Api::Error(res, 500, rows.status().message());
  // Drafts checked through the API ("check-..." actions) are counted apart,
  // so that a draft checked and then sent is not two messages.
  json per_day = json::array(), checks_per_day = json::array();
  std::map<std::pair<std::string, std::string>, std::int64_t> domains;
  for (const DecisionCount& c : *rows) {
    const bool check = c.action.rfind("check-", 0) == 0;
    if (c.domain.empty()) {
      (check ? checks_per_day : per_day)
          .push_back({{"day", c.day}, {"action", c.action}, {"rule", c.rule}, {"count", c.count}});
    } else if (!check) {
      domains[{c.domain, c.intended}] += c.count;
    }
  }
  std::vector<std::pair<std::int64_t, std::pair<std::string, std::string>>> top;
  for (const auto& [k, n] : domains) top.push_back({n, k});
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  json top_json = json::array();
  for (std::size_t i = 0; i < top.size() && i < 10; ++i) {
    top_json.push_back({{"domain", top[i].second.first},
                        {"intended", top[i].second.second},
                        {"count", top[i].first}});
  }
  auto counts = api.services().quarantine->CountByStatus();
  json quarantine = json::object();
  if (counts.ok()) {
    for (const auto& [status, n] : *counts) quarantine[status] = n;
  }
  Api::Json(res, {{"days", days},
                  {"since", UtcDaysAgo(days - 1)},
                  {"per_day", per_day},
                  {"checks_per_day", checks_per_day},
                  {"top_typo_domains", top_json},
                  {"quarantine", quarantine}});
}

// GET /api/v1/policy: the policy in force.
void PolicyView(Api& api, const httplib::Request& req, httplib::Response& res) {
  if (!api.RequireAdmin(req, res)) return;
  const Config& c = api.services().checker->context().config();
  json rules = json::array();
  for (const Rule& r : c.policy.rules) rules.push_back(RuleJson(r));
  Api::Json(res, {{"mode", c.policy.mode == PolicyConfig::Mode::kAudit ? "audit" : "enforce"},
                  {"on_error",
                   c.policy.on_error == PolicyConfig::OnError::kAccept ? "accept" : "tempfail"},
                  {"suspects", c.policy.suspects == PolicyConfig::Suspects::kRemoveRecipients
                                   ? "remove-recipients"
                                   : "hold-message"},
                  {"own_domains", c.recipients.own_domains},
                  {"trusted_domains", c.recipients.trusted_domains},
                  {"protected_domains", c.recipients.protected_domains},
                  {"rules", rules}});
}

}  // namespace

void RegisterConsole(httplib::Server& server, Api& api) {
  using Handler = void (*)(Api&, const httplib::Request&, httplib::Response&);
  auto to = [&api](Handler h) {
    return [&api, h](const httplib::Request& req, httplib::Response& res) { h(api, req, res); };
  };
  server.Get("/healthz", to(Health));
  server.Get("/metrics", to(MetricsText));
  server.Post("/api/v1/login", to(Login));
  server.Post("/api/v1/logout", to(Logout));
  server.Get("/api/v1/session", to(SessionInfo));
  server.Get("/api/v1/stats", to(Stats));
  server.Get("/api/v1/policy", to(PolicyView));
}

}  // namespace sendguard::http_internal
