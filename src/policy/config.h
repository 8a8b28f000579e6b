// The core's part of the sendguard configuration file (YAML): what
// Evaluate and the parser need. The file's other sections (serve, http,
// delivery, notice) belong to the front ends and are read with them
// (app/app_config.h), which is how the file as a whole is loaded.
//
//   organization:
//     domains: [example.mil]             # own domains: internal mail
//     trusted_domains: [partner.com]     # never typos, never first contact
//     protected_domains: [coalition.int] # typo targets even without history
//   recipients:
//     sensitive_suffixes: [mil, gov]
//     webmail_domains: [corp-webmail.example]
//     min_ratio: 20
//     min_intended_messages: 5
//     established_messages: 1000
//     bundled_domains: true              # US .gov and .mil lists as targets
//     two_slip_targets: 4096             # busiest long labels two slips can target
//     per_sender: true                   # address-typo, name-mismatch, new-for-sender,
//                                        # unusual-recipient
//     mailing_lists: [all-staff@example.mil]  # never judged against a sender
//     role_local_parts: [info, sales]    # default: a list of common role names
//     visible_external: 10               # more external addresses in To/Cc than this...
//     visible_domains: 3                 # ...from more domains: many-external-visible
//     contact_cache_mb: 256              # senders' histories kept in memory
//   content:
//     disabled: [lat-long]               # built-in detectors switched off
//     rules:                             # custom regular-expression detectors
//       - id: contract-number
//         pattern: 'W91[0-9A-Z]{2}-\d{2}-[A-Z]-\d{4}'
//         validator: luhn                # luhn, mod97, iban, aba, ssn
//         keywords: [contract]           # nearby: confidence one step up
//         require_keywords: false
//         proximity: 300
//         confidence: medium
//     dictionaries:                      # custom word lists
//       - id: code-names
//         words: [NIGHTJAR, BLUE LANTERN]
//         confidence: high
//   policy:
//     mode: enforce                      # or audit: log the would-be action, deliver
//     on_error: tempfail                 # or accept
//     suspect_recipients: hold-message   # or remove-recipients
//     rules:                             # first match wins; without rules: DefaultRules()
//       - name: mistyped-recipient
//         when:
//           recipients: {reasons: [tld-typo, typo, homoglyph, missing-dot], min_risk: medium}
//         action: hold
//       - name: secret-anywhere
//         when:
//           content: {detectors: [classification-marking], above_level: unclassified}
//         action: reject
//         reason: classified material on an unclassified system
//   limits:
//     max_message_bytes: 67108864
//     max_depth: 8
//     ...
//
// Every key is checked: an unknown key or a value of the wrong type is an
// error naming the file and line, so a misspelt setting never passes
// silently.

#ifndef SENDGUARD_POLICY_CONFIG_H_
#define SENDGUARD_POLICY_CONFIG_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/custom_rules.h"
#include "policy/rules.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/limits.h"
#include "sendguard/status.h"
#include "util/yaml_section.h"

namespace sendguard {

struct Config {
  RecipientOptions recipients;
  ContentConfig content;
  PolicyConfig policy = {.rules = DefaultRules()};
  Limits limits;
};

// Parses configuration text that holds only the core's sections
// (organization, recipients, content, policy, limits); `name` is used in
// error messages. A whole configuration file is read with LoadAppConfig.
Result<Config> ParseConfig(std::string_view yaml, const std::string& name);

namespace config_internal {

// A detector id named by a rule, with the line it was named on, to be
// checked once every detector is known.
struct DetectorReference {
  std::string id;
  int line;
};

// The core's sections of a configuration file, for the parser of the whole
// file: adds their handlers beside the front ends' ones, then checks what
// can only be checked once every section is read (the detectors that
// rules name). Throws ConfigError.
class CoreSections {
 public:
  CoreSections(const std::string& name, Config* config) : name_(name), config_(config) {}
  void AddTo(std::map<std::string, Handler>* handlers);
  void Finish();

 private:
  std::string name_;
  Config* config_;
  long max_time_ms_ = 0;
  long ocr_ms_ = 0;
  std::vector<DetectorReference> detector_refs_;
};

}  // namespace config_internal

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_CONFIG_H_
