// The parser of one section of the configuration file, as the code that
// owns the section declares it, without pulling in yaml-cpp.

#ifndef SENDGUARD_UTIL_YAML_SECTION_H_
#define SENDGUARD_UTIL_YAML_SECTION_H_

#include <functional>

namespace YAML {
class Node;
}  // namespace YAML

namespace sendguard::config_internal {

// Reads one YAML value into the settings it was made for; throws
// ConfigError (util/yaml_config.h) naming the line when the value is wrong.
using Handler = std::function<void(const YAML::Node&)>;

}  // namespace sendguard::config_internal

#endif  // SENDGUARD_UTIL_YAML_SECTION_H_
