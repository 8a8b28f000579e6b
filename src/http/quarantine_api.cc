// The administrator's quarantine API: list, show, release, delete, events.

#include <charconv>

#include "delivery/release.h"
#include "http/api_internal.h"

namespace sendguard::http_internal {
namespace {

constexpr const char* kIdPattern = "([0-9a-f]{32})";

int IntParam(const httplib::Request& req, const char* name, int fallback, int lo, int hi,
             bool* ok) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi) {
    *ok = false;
    return fallback;
  }
  return n;
}

}  // namespace

void RegisterQuarantine(httplib::Server& server, Api& api) {
  server.Get("/api/v1/quarantine", [&api](const httplib::Request& req, httplib::Response& res) {
    if (!api.RequireAdmin(req, res)) return;
    bool ok = true;
    int limit = IntParam(req, "limit", 50, 1, 500, &ok);
    int offset = IntParam(req, "offset", 0, 0, 100000000, &ok);
    if (!ok) return Api::Error(res, 400, "limit is 1-500 and offset 0 or more");
    std::string status = req.has_param("status") ? req.get_param_value("status") : "held";
    if (status == "all") status.clear();
    if (!status.empty() && status != "held" && status != "released" && status != "deleted") {
      return Api::Error(res, 400, "status is held, released, deleted or all");
    }
    std::string q = req.get_param_value("q");
    if (q.size() > 200) return Api::Error(res, 400, "q is at most 200 characters");
    auto list = api.services().quarantine->List(status, q, limit + 1, offset);
    if (!list.ok()) return Api::Error(res, 500, list.status().message());
    json items = json::array();
    for (std::size_t i = 0; i < list->size() && i < static_cast<std::size_t>(limit); ++i) {
      items.push_back(HeldJson((*list)[i]));
    }
    json out = {{"items", items}, {"offset", offset}, {"limit", limit}};
    out["next_offset"] =
        list->size() > static_cast<std::size_t>(limit) ? json(offset + limit) : json(nullptr);
    Api::Json(res, out);
  });

  server.Get(std::string("/api/v1/quarantine/") + kIdPattern,
             [&api](const httplib::Request& req, httplib::Response& res) {
               if (!api.RequireAdmin(req, res)) return;
               auto h = api.services().quarantine->Get(req.matches[1].str());
               if (!h.ok())
                 return Api::Error(res, Api::StatusFor(h.status()), h.status().message());
               json j = HeldJson(*h);
               j["size"] = h->raw.size();
               j["suggested_recipients"] = SuggestedRecipients(*h);
               j["has_suggestion"] = HasSuggestion(*h);
               Api::Json(res, j);
             });

  server.Post(std::string("/api/v1/quarantine/") + kIdPattern + "/release", [&api](
                                                                                const httplib::
                                                                                    Request& req,
                                                                                httplib::Response&
                                                                                    res) {
    std::optional<Caller> caller = api.RequireAdmin(req, res);
    if (!caller) return;
    ReleaseTo to = ReleaseTo::kAsWritten;
    std::vector<std::string> addresses;
    if (!req.body.empty()) {
      std::optional<json> body = Api::Body(req, res);
      if (!body) return;
      const json& b = *body;
      if (b.contains("to_suggestion") && b["to_suggestion"].is_boolean() &&
          b["to_suggestion"].get<bool>()) {
        to = ReleaseTo::kSuggestion;
      } else if (b.contains("to")) {
        if (!b["to"].is_array() || b["to"].empty() || b["to"].size() > 1000) {
          return Api::Error(res, 400, "to must be a non-empty array of addresses");
        }
        for (const json& a : b["to"]) {
          if (!a.is_string() || a.get<std::string>().find('@') == std::string::npos) {
            return Api::Error(res, 400, "to must hold addresses");
          }
          addresses.push_back(a.get<std::string>());
        }
        to = ReleaseTo::kAddresses;
      }
    }
    const ApiServices& s = api.services();
    auto sent =
        ReleaseHeld(*s.quarantine, s.relay, req.matches[1].str(), to, addresses, caller->name);
    if (!sent.ok()) {
      return Api::Error(res, Api::StatusFor(sent.status()), sent.status().message());
    }
    if (s.delivered != nullptr) {  // delivered now: the sender has written to them
      if (Result<HeldMessage> h = s.quarantine->Get(req.matches[1].str()); h.ok()) {
        s.delivered->RecordReleased(h->mail_from, *sent);
      }
    }
    Api::Json(res, {{"id", req.matches[1].str()}, {"status", "released"}, {"recipients", *sent}});
  });

  server.Post(std::string("/api/v1/quarantine/") + kIdPattern + "/delete",
              [&api](const httplib::Request& req, httplib::Response& res) {
                std::optional<Caller> caller = api.RequireAdmin(req, res);
                if (!caller) return;
                Status st =
                    DeleteHeld(*api.services().quarantine, req.matches[1].str(), caller->name);
                if (!st.ok()) return Api::Error(res, Api::StatusFor(st), st.message());
                Api::Json(res, {{"id", req.matches[1].str()}, {"status", "deleted"}});
              });

  server.Get("/api/v1/events", [&api](const httplib::Request& req, httplib::Response& res) {
    if (!api.RequireAdmin(req, res)) return;
    bool ok = true;
    int limit = IntParam(req, "limit", 100, 1, 1000, &ok);
    int before = IntParam(req, "before", 0, 0, 2147483647, &ok);
    if (!ok) return Api::Error(res, 400, "limit is 1-1000 and before a sequence number");
    auto events = api.services().quarantine->Events(limit, before);
    if (!events.ok()) return Api::Error(res, 500, events.status().message());
    json items = json::array();
    for (const QuarantineEvent& e : *events) {
      items.push_back({{"seq", e.seq},
                       {"time", e.time},
                       {"kind", e.kind},
                       {"quarantine_id", e.quarantine_id},
                       {"actor", e.actor},
                       {"detail", e.detail}});
    }
    json out = {{"items", items}};
    out["next_before"] = events->size() == static_cast<std::size_t>(limit)
                             ? json(events->back().seq)
                             : json(nullptr);
    Api::Json(res, out);
  });
}

}  // namespace sendguard::http_internal
