// Detectors defined in the configuration file: regular-expression rules
// (with an optional validator and supporting keywords) and dictionaries of
// words such as project code names.

#ifndef SENDGUARD_CONTENT_CUSTOM_RULES_H_
#define SENDGUARD_CONTENT_CUSTOM_RULES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "content/content_scanner.h"
#include "content/detector.h"
#include "content/finding.h"
#include "sendguard/status.h"

namespace sendguard {

struct CustomRule {
  std::string id;
  std::string category = "custom";
  std::string description;
  // A rule: one regular expression (PCRE syntax). A dictionary: the words
  // and phrases, matched literally as whole words.
  std::vector<std::string> patterns;
  bool dictionary = false;
  bool case_sensitive = false;
  std::string validator;              // "" or a ValidatorByName() name
  std::vector<std::string> keywords;  // literal words; raise confidence one step
  bool require_keywords = false;      // drop matches without a keyword nearby
  std::size_t proximity = 300;        // bytes either side searched for keywords
  Confidence confidence = Confidence::kMedium;
};

struct ContentConfig {
  std::vector<std::string> disabled;  // ids of built-in detectors switched off
  std::vector<CustomRule> rules;      // rules and dictionaries
};

// Whether `rule` can be built: an id, patterns that compile, a known
// validator. The error says what is wrong.
Status CheckCustomRule(const CustomRule& rule);

// The detector that runs `rule`.
DetectorDef CustomDetector(const CustomRule& rule);

// The scanner for `config`: the built-in detectors (less the disabled ones)
// followed by the custom ones. Shares the compiled built-in scanner when
// the configuration changes nothing.
Result<std::shared_ptr<const ContentScanner>> BuildContentScanner(const ContentConfig& config);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_CUSTOM_RULES_H_
