#include "util/yaml_config.h"

namespace sendguard::config_internal {

Status ParseYamlDocument(std::string_view yaml, const std::string& name,
                         const std::function<void(const YAML::Node& root)>& parse) {
  if (yaml.size() > kMaxConfigBytes) {
    return InvalidArgumentError(name + ": larger than " + std::to_string(kMaxConfigBytes >> 10) +
                                " KiB; not a configuration file?");
  }
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsNull()) parse(root);  // an empty file: all defaults
  } catch (const ConfigError& e) {
    return InvalidArgumentError(e.text());
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return OkStatus();
}

}  // namespace sendguard::config_internal
