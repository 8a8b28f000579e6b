#include "policy/policy_parse.h"

#include <algorithm>

#include "content/classification_level.h"
#include "util/yaml_config.h"

namespace sendguard::config_internal {
namespace {

constexpr const char* kReasonCodes[] = {"tld-typo",          "typo",
                                        "homoglyph",         "missing-dot",
                                        "first-contact",     "personal-webmail",
                                        "invalid-domain",    "address-typo",
                                        "name-mismatch",     "new-for-sender",
                                        "unusual-recipient", "many-external-visible"};
// Categories are not checked: custom rules may name their own.

// One of `allowed`, or a ConfigError listing them.
std::string OneOf(const std::string& name, const YAML::Node& n, const std::string& what,
                  const std::vector<std::string>& allowed) {
  std::string v = As<std::string>(name, n, what);
  if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw ConfigError(name, n, what + " must be one of: " + list + " (not '" + v + "')");
}

RecipientCondition ParseRecipients(const std::string& name, const YAML::Node& n) {
  RecipientCondition c;
  const std::string w = "when.recipients";
  ForEachKey(
      name, n, w,
      {
          {"reasons",
           [&](const YAML::Node& list) {
             if (!list.IsSequence()) throw ConfigError(name, list, w + ".reasons must be a list");
             for (const auto& item : list) {
               c.reasons.push_back(OneOf(name, item, w + ".reasons",
                                         {std::begin(kReasonCodes), std::end(kReasonCodes)}));
             }
           }},
          {"min_risk",
           [&](const YAML::Node& v) {
             std::string r = OneOf(name, v, w + ".min_risk", {"low", "medium", "high"});
             c.min_risk = r == "low" ? Risk::kLow : r == "medium" ? Risk::kMedium : Risk::kHigh;
           }},
          {"domains", List(name, w + ".domains", &c.domains)},
          {"external",
           [&](const YAML::Node& v) { c.external = As<bool>(name, v, w + ".external"); }},
          {"trusted", [&](const YAML::Node& v) { c.trusted = As<bool>(name, v, w + ".trusted"); }},
      });
  return c;
}

ContentCondition ParseContent(const std::string& name, const YAML::Node& n,
                              std::vector<DetectorReference>* detectors) {
  ContentCondition c;
  const std::string w = "when.content";
  ForEachKey(name, n, w,
             {
                 {"detectors",
                  [&](const YAML::Node& list) {
                    c.detectors = Strings(name, list, w + ".detectors");
                    for (const std::string& d : c.detectors) {
                      detectors->push_back({d, list.Mark().line + 1});
                    }
                  }},
                 {"categories",
                  [&](const YAML::Node& list) {
                    if (!list.IsSequence())
                      throw ConfigError(name, list, w + ".categories must be a list");
                    for (const auto& item : list)
                      c.categories.push_back(As<std::string>(name, item, w));
                  }},
                 {"min_confidence",
                  [&](const YAML::Node& v) {
                    std::optional<Confidence> conf = ParseConfidence(
                        OneOf(name, v, w + ".min_confidence", {"low", "medium", "high"}));
                    c.min_confidence = *conf;
                  }},
                 {"min_count",
                  [&](const YAML::Node& v) {
                    c.min_count = As<int>(name, v, w + ".min_count");
                    if (c.min_count < 1)
                      throw ConfigError(name, v, w + ".min_count must be at least 1");
                  }},
                 {"above_level",
                  [&](const YAML::Node& v) {
                    c.above_level = OneOf(
                        name, v, w + ".above_level",
                        {ClassificationLevelNames().begin(), ClassificationLevelNames().end()});
                  }},
             });
  return c;
}

// `uninspected: true`, `false`, or a list of kinds (some content of one of
// them was not inspected).
UninspectedCondition ParseUninspected(const std::string& name, const YAML::Node& v) {
  UninspectedCondition c;
  if (!v.IsSequence()) {
    c.present = As<bool>(name, v, "when.uninspected");
    return c;
  }
  if (v.size() == 0) throw ConfigError(name, v, "when.uninspected: an empty list matches nothing");
  for (const auto& item : v)
    c.kinds.push_back(OneOf(name, item, "when.uninspected", UninspectedKinds()));
  return c;
}

Rule ParseRule(const std::string& name, const YAML::Node& n,
               std::vector<DetectorReference>* detectors) {
  Rule r;
  bool has_action = false;
  ForEachKey(
      name, n, "a policy rule",
      {
          {"name", Text(name, "rule name", &r.name)},
          {"reason", Text(name, "rule reason", &r.reason)},
          {"action",
           [&](const YAML::Node& v) {
             r.action = *ParseAction(
                 OneOf(name, v, "rule action", {"accept", "tag", "notify", "hold", "reject"}));
             has_action = true;
           }},
          {"when",
           [&](const YAML::Node& w) {
             ForEachKey(
                 name, w, "when",
                 {
                     {"recipients",
                      [&](const YAML::Node& v) { r.recipients = ParseRecipients(name, v); }},
                     {"content",
                      [&](const YAML::Node& v) { r.content = ParseContent(name, v, detectors); }},
                     {"encrypted",
                      [&](const YAML::Node& v) {
                        r.encrypted = As<bool>(name, v, "when.encrypted");
                      }},
                     {"uninspected",
                      [&](const YAML::Node& v) { r.uninspected = ParseUninspected(name, v); }},
                 });
           }},
      });
  if (r.name.empty()) throw ConfigError(name, n, "a policy rule needs a name");
  if (!has_action) throw ConfigError(name, n, "policy rule '" + r.name + "' needs an action");
  return r;
}

}  // namespace

void ParsePolicy(const std::string& name, const YAML::Node& node, PolicyConfig* out,
                 std::vector<DetectorReference>* detectors) {
  ForEachKey(
      name, node, "policy",
      {
          {"mode",
           [&](const YAML::Node& v) {
             out->mode = OneOf(name, v, "policy.mode", {"enforce", "audit"}) == "audit"
                             ? PolicyConfig::Mode::kAudit
                             : PolicyConfig::Mode::kEnforce;
           }},
          {"on_error",
           [&](const YAML::Node& v) {
             out->on_error = OneOf(name, v, "policy.on_error", {"tempfail", "accept"}) == "accept"
                                 ? PolicyConfig::OnError::kAccept
                                 : PolicyConfig::OnError::kTempfail;
           }},
          {"suspect_recipients",
           [&](const YAML::Node& v) {
             out->suspects = OneOf(name, v, "policy.suspect_recipients",
                                   {"hold-message", "remove-recipients"}) == "remove-recipients"
                                 ? PolicyConfig::Suspects::kRemoveRecipients
                                 : PolicyConfig::Suspects::kHoldMessage;
           }},
          {"rules",
           [&](const YAML::Node& list) {
             if (!list.IsSequence()) throw ConfigError(name, list, "policy.rules must be a list");
             out->rules.clear();
             for (const auto& item : list) {
               Rule r = ParseRule(name, item, detectors);
               bool dup = std::any_of(out->rules.begin(), out->rules.end(),
                                      [&](const Rule& o) { return o.name == r.name; });
               if (dup)
                 throw ConfigError(name, item, "two policy rules are named '" + r.name + "'");
               out->rules.push_back(std::move(r));
             }
           }},
      });
}

}  // namespace sendguard::config_internal
