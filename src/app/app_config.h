// The whole configuration file, assembled from the sections each part of
// sendguard owns: the core's (policy/config.h: organization, recipients,
// content, policy, limits), the HTTP front end's (http/http_config.h),
// delivery and notices (delivery/delivery_config.h), and the daemon's own
// `serve:` section, defined here:
//
//   serve:
//     milter: inet:8890@127.0.0.1        # or unix:/run/sendguard/milter.sock
//     store: /var/lib/sendguard/sendguard.db
//     audit_log: /var/log/sendguard/audit.jsonl   # the decision journal
//     http: 127.0.0.1:8025               # the HTTP API and console
//     milter_max_connections: 1000       # more at once are closed: the MTA's default action
//     milter_idle_timeout_ms: 600000     # silent this long between packets: closed
//     milter_step_timeout_ms: 60000      # a packet must arrive whole, a reply be taken, in this
//
// Every key is checked: an unknown key or a value of the wrong type is an
// error naming the file and line.

#ifndef SENDGUARD_APP_APP_CONFIG_H_
#define SENDGUARD_APP_APP_CONFIG_H_

#include <string>
#include <string_view>

#include "delivery/notice.h"
#include "delivery/smtp_sender.h"
#include "http/http_config.h"
#include "policy/config.h"
#include "sendguard/status.h"

namespace sendguard {

struct ServeConfig {
  std::string milter;                  // libmilter socket; "" unless --milter is given
  std::string http;                    // HOST:PORT of the HTTP API; "" for none
  std::string store = "sendguard.db";  // history, quarantine, events
  std::string audit_log;               // the decision journal (JSON Lines); "" for none
  int milter_max_connections = 1000;   // MTA connections served at once; more are refused
  // Delivered mail is added to the history (domains, and per sender) as it
  // leaves, so that what senders start writing to becomes known.
  bool learn = true;

  // A connection silent this long between packets is closed; each packet
  // must arrive whole within the step timeout of its first byte, and each
  // reply be taken by the MTA within it.
  int milter_idle_timeout_ms = 600000;
  int milter_step_timeout_ms = 60000;
};

struct AppConfig {
  Config core;  // what the Context (and so Evaluate) is built from
  ServeConfig serve;
  HttpConfig http;
  SmtpRelay relay;  // for releases and notices
  NoticeConfig notice;

  // The store to open: `flag` when given (a command's --store), else serve.store.
  std::string StoreAddress(const std::string& flag) const {
    return flag.empty() ? serve.store : flag;
  }
};

// Parses a whole configuration file's text; `name` is used in error messages.
Result<AppConfig> ParseAppConfig(std::string_view yaml, const std::string& name);

// Reads and parses the configuration file `path`; "" gives the defaults
// (a command run without --config).
Result<AppConfig> LoadAppConfig(const std::string& path);

}  // namespace sendguard

#endif  // SENDGUARD_APP_APP_CONFIG_H_
