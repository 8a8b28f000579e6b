#include "app/app_config.h"

#include "delivery/delivery_config.h"
#include "util/mapped_file.h"
#include "util/yaml_config.h"

namespace sendguard {
namespace {

using namespace config_internal;  // NOLINT

Handler ServeSection(const std::string& name, ServeConfig* s) {
  return [=](const YAML::Node& n) {
    const Handler idle = Number<int>(name, "serve.milter_idle_timeout_ms",
                                     &s->milter_idle_timeout_ms, 100, 24 * 3600 * 1000);
    const Handler step = Number<int>(name, "serve.milter_step_timeout_ms",
                                     &s->milter_step_timeout_ms, 100, 3600 * 1000);
    ForEachKey(name, n, "serve",
               {
                   {"milter", Text(name, "serve.milter", &s->milter)},
                   {"http", Text(name, "serve.http", &s->http)},
                   {"store", Text(name, "serve.store", &s->store)},
                   {"audit_log", Text(name, "serve.audit_log", &s->audit_log)},
                   {"learn", Flag(name, "serve.learn", &s->learn)},
                   {"milter_max_connections", Number<int>(name, "serve.milter_max_connections",
                                                          &s->milter_max_connections, 1, 100000)},
                   {"milter_idle_timeout_ms", idle},
                   {"milter_step_timeout_ms", step},
               });
  };
}

}  // namespace

Result<AppConfig> ParseAppConfig(std::string_view yaml, const std::string& name) {
  AppConfig c;
  CoreSections core(name, &c.core);
  Status st = ParseYamlDocument(yaml, name, [&](const YAML::Node& root) {
    std::map<std::string, Handler> sections = {
        {"serve", ServeSection(name, &c.serve)},
        {"http", HttpSection(name, &c.http)},
        {"delivery", DeliverySection(name, &c.relay)},
        {"notice", NoticeSection(name, &c.notice)},
    };
    core.AddTo(&sections);
    ForEachKey(name, root, "the configuration", sections);
    core.Finish();
  });
  if (!st.ok()) return st;
  return c;
}

Result<AppConfig> LoadAppConfig(const std::string& path) {
  if (path.empty()) return AppConfig();
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  return ParseAppConfig(file->data(), path);
}

}  // namespace sendguard
