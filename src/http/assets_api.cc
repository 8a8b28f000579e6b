// The console's pages and scripts, and the sender's page behind /s/TOKEN.

#include "http/api_internal.h"
#include "http/web_assets.h"

namespace sendguard::http_internal {
namespace {

void Serve(httplib::Response& res, std::string_view path) {
  const WebAsset* a = FindWebAsset(path);
  if (a == nullptr) return Api::Error(res, 404, "no such resource");
  res.set_content(std::string(a->body), a->content_type);
}

}  // namespace

void RegisterAssets(httplib::Server& server) {
  server.Get("/",
             [](const httplib::Request&, httplib::Response& res) { Serve(res, "/index.html"); });
  server.Get(R"(/([a-z]+\.(?:js|css|html|svg)))",
             [](const httplib::Request& req, httplib::Response& res) {
               Serve(res, "/" + req.matches[1].str());
             });
  // The token is read by the page's script from the address.
  server.Get(R"(/s/([A-Za-z0-9._-]{1,200}))",
             [](const httplib::Request&, httplib::Response& res) { Serve(res, "/sender.html"); });
}

}  // namespace sendguard::http_internal
