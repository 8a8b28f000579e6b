// Helpers for reading the YAML configuration: every key checked, every
// error naming the file and line. For the parsers of the configuration's
// sections, each beside the code that owns its section.

#ifndef SENDGUARD_UTIL_YAML_CONFIG_H_
#define SENDGUARD_UTIL_YAML_CONFIG_H_

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sendguard/status.h"
#include "util/yaml_section.h"

namespace sendguard::config_internal {

class ConfigError {
 public:
  ConfigError(const std::string& name, const YAML::Node& node, std::string message)
      : text_(name + ":" + std::to_string(node.Mark().line + 1) + ": " + std::move(message)) {}
  // An error whose text already names the file and line.
  explicit ConfigError(std::string text) : text_(std::move(text)) {}
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// Runs the handler of each key of the map `node`; unknown keys, and a key
// given twice (the second would silently win), are errors.
inline void ForEachKey(const std::string& name, const YAML::Node& node, const std::string& where,
                       const std::map<std::string, Handler>& handlers) {
  if (!node.IsMap()) throw ConfigError(name, node, where + " must be a mapping");
  std::map<std::string, int> seen;  // key -> the line it was first given on
  for (const auto& kv : node) {
    std::string key = kv.first.as<std::string>();
    auto [first, fresh] = seen.emplace(key, kv.first.Mark().line + 1);
    if (!fresh) {
      throw ConfigError(name, kv.first,
                        "'" + key + "' is given twice in " + where + " (first on line " +
                            std::to_string(first->second) + ")");
    }
    auto it = handlers.find(key);
    if (it == handlers.end()) {
      std::string known;
      for (const auto& h : handlers) known += (known.empty() ? "" : ", ") + h.first;
      throw ConfigError(name, kv.first,
                        "unknown key '" + key + "' in " + where + " (known: " + known + ")");
    }
    it->second(kv.second);
  }
}

template <typename T>
T As(const std::string& name, const YAML::Node& node, const std::string& what) {
  try {
    return node.as<T>();
  } catch (const YAML::Exception&) {
    throw ConfigError(name, node, what + " has a value of the wrong type");
  }
}

inline std::vector<std::string> Strings(const std::string& name, const YAML::Node& node,
                                        const std::string& what) {
  if (!node.IsSequence()) throw ConfigError(name, node, what + " must be a list");
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(As<std::string>(name, item, what));
  return out;
}

template <typename T>
Handler Number(const std::string& name, const std::string& what, T* out, T min, T max) {
  return [=](const YAML::Node& n) {
    T v = As<T>(name, n, what);
    if (v < min || v > max) {
      throw ConfigError(
          name, n,
          what + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    *out = v;
  };
}

inline Handler List(const std::string& name, const std::string& what,
                    std::vector<std::string>* out) {
  return [=](const YAML::Node& n) { *out = Strings(name, n, what); };
}

inline Handler Text(const std::string& name, const std::string& what, std::string* out) {
  return [=](const YAML::Node& n) { *out = As<std::string>(name, n, what); };
}

inline Handler Flag(const std::string& name, const std::string& what, bool* out) {
  return [=](const YAML::Node& n) { *out = As<bool>(name, n, what); };
}

// The largest configuration text read: a real one is a few KB.
inline constexpr std::size_t kMaxConfigBytes = 1 << 20;

// Parses `yaml` and hands its root to `parse` (not called for an empty
// document). A ConfigError or YAML syntax error thrown inside becomes
// InvalidArgument naming `name` and the line; text over kMaxConfigBytes is
// refused unread.
Status ParseYamlDocument(std::string_view yaml, const std::string& name,
                         const std::function<void(const YAML::Node& root)>& parse);

}  // namespace sendguard::config_internal

#endif  // SENDGUARD_UTIL_YAML_CONFIG_H_
