// Reading the `policy:` section of the configuration. Internal to
// src/policy/ (see config.h for the format).

#ifndef SENDGUARD_POLICY_POLICY_PARSE_H_
#define SENDGUARD_POLICY_POLICY_PARSE_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <utility>
#include <vector>

#include "policy/config.h"
#include "policy/rules.h"

namespace sendguard::config_internal {

// Reads `node` (the value of `policy:`) into `out`; throws ConfigError.
void ParsePolicy(const std::string& name, const YAML::Node& node, PolicyConfig* out,
                 std::vector<DetectorReference>* detectors);

}  // namespace sendguard::config_internal

#endif  // SENDGUARD_POLICY_POLICY_PARSE_H_
