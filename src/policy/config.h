// The sendguard configuration file (YAML).
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
//   serve:
//     milter: inet:8890@127.0.0.1        # or unix:/run/sendguard/milter.sock
//     store: /var/lib/sendguard/sendguard.db
//     audit_log: /var/log/sendguard/audit.jsonl
//   http:
//     public_url: https://sendguard.example.mil   # base of links in notices
//     api_tokens: [...]                  # for POST /api/v1/check; loopback only without
//     admin_tokens: [...]                # API access with admin rights
//     link_ttl_hours: 72
//     sender_can_send_as_written: true
//     max_body_bytes: 33554432
//     timeout_seconds: 30
//     tls_cert: /etc/sendguard/cert.pem  # with tls_key: HTTPS
//     tls_key: /etc/sendguard/key.pem
//   delivery:
//     relay: smtp://127.0.0.1:10026      # releases and notices; must bypass the milter
//     timeout_ms: 30000
//   notice:
//     enabled: true
//     from: postmaster@example.mil
//     subject: "Your message was {action}: {subject}"
//     body: "..."                        # {action} {subject} {recipients} {reason} {suggestions}
//     {id}
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

#include <string>
#include <string_view>

#include "content/custom_rules.h"
#include "delivery/notice.h"
#include "delivery/smtp_sender.h"
#include "policy/rules.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/limits.h"
#include "sendguard/status.h"

namespace sendguard {

struct ServeConfig {
  std::string milter;                  // libmilter socket; "" unless --milter is given
  std::string http;                    // HOST:PORT of the HTTP API; "" for none
  std::string store = "sendguard.db";  // SQLite: history, quarantine, events
  std::string audit_log;               // JSON Lines, one per decision; "" for none
};

// The HTTP API and console (served with serve.http).
struct HttpConfig {
  // Base URL of the console as senders and admins reach it, for the links
  // in notices ("https://sendguard.example.mil").
  std::string public_url = "http://127.0.0.1:8025";
  // Bearer tokens for POST /api/v1/check. With none, only loopback clients may check.
  std::vector<std::string> api_tokens;
  // Bearer tokens with the administrator's rights over the API (scripts,
  // Prometheus); people use accounts (`sendguard admin add`).
  std::vector<std::string> admin_tokens;
  int link_ttl_hours = 72;  // how long a sender's link works
  // Whether a sender may have a held message sent as written (not only to
  // the suggested address) from their link; never for a message held by a
  // rule about content.
  bool sender_can_send_as_written = true;
  std::size_t max_body_bytes = 32 << 20;  // requests larger are refused (413)
  int timeout_seconds = 30;               // per read and write
  std::string tls_cert, tls_key;          // PEM files; HTTPS when both are set
};

struct Config {
  RecipientOptions recipients;
  ContentConfig content;
  PolicyConfig policy = {.rules = DefaultRules()};
  ServeConfig serve;
  HttpConfig http;
  SmtpRelay relay;  // for releases and notices
  NoticeConfig notice;
  Limits limits;
};

// Parses configuration text; `name` is used in error messages.
Result<Config> ParseConfig(std::string_view yaml, const std::string& name);
// Reads and parses a configuration file.
Result<Config> LoadConfig(const std::string& path);

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_CONFIG_H_
