#include "content/custom_rules.h"

#include <algorithm>
#include <cstdio>

#include "content/mask.h"
#include "content/pattern_db.h"
#include "content/validators.h"

namespace sendguard {
namespace {

// `word` as a literal expression: special characters escaped, runs of
// spaces matching any white space, word boundaries at letter/digit ends.
std::string LiteralExpression(const std::string& word) {
  std::string e;
  if (!word.empty() && IsWordByte(word.front())) e += "\\b";
  bool space = false;
  for (char c : word) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!space) e += "\\s+";
      space = true;
      continue;
    }
    space = false;
    if (IsWordByte(c) || static_cast<unsigned char>(c) >= 0x80) {
      e.push_back(c);
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(c));
      e += hex;
    }
  }
  if (!word.empty() && IsWordByte(word.back())) e += "\\b";
  return e;
}

std::vector<std::string> Triggers(const CustomRule& rule) {
  if (!rule.dictionary) return rule.patterns;
  std::vector<std::string> out;
  for (const std::string& w : rule.patterns) out.push_back(LiteralExpression(w));
  return out;
}

}  // namespace

Status CheckCustomRule(const CustomRule& rule) {
  if (rule.id.empty()) return InvalidArgumentError("a rule needs an id");
  if (rule.patterns.empty()) {
    return InvalidArgumentError("rule '" + rule.id + "' has no pattern or words");
  }
  if (!rule.validator.empty() && ValidatorByName(rule.validator) == nullptr) {
    return InvalidArgumentError("rule '" + rule.id + "': unknown validator '" + rule.validator +
                                "' (known: luhn, mod97, iban, aba, ssn)");
  }
  for (const std::string& k : rule.keywords) {
    if (k.find_first_not_of(" \t\n") == std::string::npos) {
      return InvalidArgumentError("rule '" + rule.id + "' has an empty keyword");
    }
  }
  for (const std::string& w : rule.patterns) {
    if (w.empty())
      return InvalidArgumentError("rule '" + rule.id + "' has an empty pattern or word");
  }
  const unsigned flags = (rule.case_sensitive ? 0u : kPatternCaseless) | kPatternReportStart;
  for (const std::string& t : Triggers(rule)) {
    Status st = PatternDb::Check({t, flags});
    if (!st.ok()) return InvalidArgumentError("rule '" + rule.id + "': " + st.message());
  }
  return Status();
}

DetectorDef CustomDetector(const CustomRule& rule) {
  DetectorDef d;
  d.id = rule.id;
  d.category = rule.category;
  d.description = !rule.description.empty() ? rule.description
                  : rule.dictionary         ? "Custom dictionary (configuration)"
                                            : "Custom rule (configuration)";
  d.triggers = Triggers(rule);
  d.trigger_flags = rule.case_sensitive ? 0u : kPatternCaseless;
  for (const std::string& k : rule.keywords) d.keywords.push_back(LiteralExpression(k));
  d.window = rule.proximity;
  Validator validator = rule.validator.empty() ? nullptr : ValidatorByName(rule.validator);
  const Confidence base = rule.confidence;
  const bool require = rule.require_keywords && !rule.keywords.empty();
  d.confirm = [validator, base, require](const MatchView& m) -> std::optional<Candidate> {
    if (validator != nullptr && !validator(m.match())) return std::nullopt;
    const bool keyword = m.KeywordNear();
    if (require && !keyword) return std::nullopt;
    Confidence c = keyword ? Raise(base) : base;
    std::string sample = MaskValue(m.match().substr(0, 64), 2, 2);
    if (m.end - m.begin > 64) sample += "...";
    return Candidate{m.begin, m.end, c, sample};
  };
  return d;
}

Result<std::shared_ptr<const ContentScanner>> BuildContentScanner(const ContentConfig& config) {
  if (config.disabled.empty() && config.rules.empty()) return ContentScanner::Builtin();
  std::vector<DetectorDef> detectors = BuiltinDetectors();
  for (const std::string& id : config.disabled) {
    auto it = std::find_if(detectors.begin(), detectors.end(),
                           [&](const DetectorDef& d) { return d.id == id; });
    if (it == detectors.end()) return InvalidArgumentError("no built-in detector '" + id + "'");
    detectors.erase(it);
  }
  for (const CustomRule& r : config.rules) {
    Status st = CheckCustomRule(r);
    if (!st.ok()) return st;
    detectors.push_back(CustomDetector(r));
  }
  if (detectors.empty()) return InvalidArgumentError("every detector is disabled");
  Result<std::unique_ptr<const ContentScanner>> s = ContentScanner::Create(std::move(detectors));
  if (!s.ok()) return s.status();
  return std::shared_ptr<const ContentScanner>(std::move(s).value());
}

}  // namespace sendguard
