// sendguard quarantine list|show|release|delete: review held mail.

#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/app_config.h"
#include "cli/commands.h"
#include "delivery/release.h"
#include "delivery/smtp_sender.h"
#include "service/delivered_history.h"
#include "service/held_json.h"
#include "service/sender_links.h"
#include "store/stores.h"

namespace sendguard {
namespace {

struct QuarantineOptions {
  std::string config, store, status = "held", id, by, relay;
  int limit = 50;
  bool json = false, raw = false, to_suggestion = false;
  std::vector<std::string> to;
};

std::string Actor(const std::string& by) {
  if (!by.empty()) return by;
  for (const char* var : {"SUDO_USER", "USER", "LOGNAME"}) {
    if (const char* v = std::getenv(var); v != nullptr && *v != '\0') return v;
  }
  return "cli";
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int Run(const std::string& verb, const QuarantineOptions& o) {
  auto fail = [](const std::string& why, int code) {
    std::cerr << "sendguard quarantine: " << why << "\n";
    return code;
  };
  Result<AppConfig> loaded = LoadAppConfig(o.config);
  if (!loaded.ok()) return fail(loaded.status().message(), kExitUsage);
  const AppConfig& config = *loaded;
  const std::string path = config.StoreAddress(o.store);
  Result<Stores> stores = OpenStores(path, {.quarantine = true});
  if (!stores.ok()) return fail(stores.status().message(), kExitInputError);
  QuarantineStore& q = *stores->quarantine;

  if (verb == "list") {
    Result<std::vector<HeldMessage>> list =
        q.List(o.status == "all" ? "" : o.status, "", o.limit, 0);
    if (!list.ok()) return fail(list.status().message(), kExitInputError);
    for (const HeldMessage& h : *list) {
      if (o.json) {
        std::cout << Dump(HeldMessageJson(h)) << "\n";
      } else {
        std::string rcpts;
        for (const std::string& r : h.recipients) rcpts += (rcpts.empty() ? "" : ",") + r;
        std::cout << h.id << "\t" << HeldStatusName(h.status) << "\t" << h.mail_from << " -> "
                  << rcpts << "\t" << h.rule << "\t" << h.subject << "\n";
      }
    }
    return kExitOk;
  }
  Result<HeldMessage> h = q.Get(o.id);
  if (!h.ok()) return fail(h.status().message(), kExitInputError);
  if (verb == "show") {
    if (o.raw) {
      std::cout << h->raw;
    } else {
      nlohmann::json j = HeldMessageJson(*h);
      j["decision"] = nlohmann::json::parse(h->decision_json, nullptr, false);
      std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return kExitOk;
  }
  if (verb == "link") {
    Result<Stores> console = OpenStores(path, {.console = true});
    if (!console.ok()) return fail(console.status().message(), kExitInputError);
    Result<SenderLinks> links =
        SenderLinks::Open(*console->console, config.http.public_url, config.http.link_ttl_hours);
    if (!links.ok()) return fail(links.status().message(), kExitInputError);
    std::cout << links->Link(h->id) << "\n";
    return kExitOk;
  }
  const std::string actor = Actor(o.by);
  if (verb == "delete") {
    Status st = DeleteHeld(q, o.id, actor);
    if (!st.ok()) return fail(st.message(), kExitInputError);
    std::cout << "deleted " << o.id << "\n";
    return kExitOk;
  }
  SmtpRelay relay = config.relay;
  if (!o.relay.empty()) relay.url = o.relay;
  ReleaseTo to = !o.to.empty()     ? ReleaseTo::kAddresses
                 : o.to_suggestion ? ReleaseTo::kSuggestion
                                   : ReleaseTo::kAsWritten;
  Result<std::vector<std::string>> sent = ReleaseHeld(q, relay, o.id, to, o.to, actor);
  if (!sent.ok()) return fail(sent.status().message(), kExitInputError);
  std::string rcpts;
  for (const std::string& r : *sent) rcpts += (rcpts.empty() ? "" : ", ") + r;
  std::cout << "released " << o.id << " to " << rcpts << "\n";
  if (config.serve.learn) {  // delivered now: the sender has written to them
    Result<Stores> learn = OpenStores(path, {.history = true, .contacts = true});
    if (!learn.ok()) {
      return fail("released, but not added to the history: " + learn.status().message(),
                  kExitInputError);
    }
    DeliveredHistory history(std::move(learn->contacts), std::move(learn->history), nullptr);
    history.RecordReleased(h->mail_from, *sent);
    history.Flush();
    if (history.stats().write_errors > 0) {
      return fail("released, but not added to the history (see above)", kExitInputError);
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterQuarantine(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("quarantine", "List, show, release or delete held messages");
  cmd->require_subcommand(1);
  auto add_common = [](CLI::App* c, QuarantineOptions* o) {
    c->add_option("--config", o->config, "Configuration file (YAML)")->check(CLI::ExistingFile);
    c->add_option("--store", o->store, "SQLite store (default: serve.store, sendguard.db)");
  };
  struct Verb {
    const char* name;
    const char* help;
  };
  for (Verb v : {Verb{"list", "List held messages, newest first"},
                 Verb{"show", "Show one held message and its decision"},
                 Verb{"release", "Deliver a held message through delivery.relay"},
                 Verb{"delete", "Delete a held message (it is kept, marked deleted)"},
                 Verb{"link", "Print the sender's signed link to a held message"}}) {
    auto o = std::make_shared<QuarantineOptions>();
    CLI::App* sub = cmd->add_subcommand(v.name, v.help);
    add_common(sub, o.get());
    const std::string verb = v.name;
    if (verb == "list") {
      sub->add_option("--status", o->status, "held, released, deleted or all")
          ->check(CLI::IsMember({"held", "released", "deleted", "all"}));
      sub->add_option("--limit", o->limit, "At most this many")->check(CLI::Range(1, 100000));
      sub->add_flag("--json", o->json, "One JSON object per message");
    } else {
      sub->add_option("ID", o->id, "Quarantine id")->required();
    }
    if (verb == "show") sub->add_flag("--raw", o->raw, "Print the message as received");
    if (verb == "release") {
      sub->add_option("--to", o->to, "Deliver to these addresses instead");
      sub->add_flag("--to-suggestion", o->to_suggestion,
                    "Deliver to the suggested (corrected) addresses");
      sub->add_option("--relay", o->relay, "SMTP relay URL (default: delivery.relay)");
    }
    if (verb == "release" || verb == "delete") {
      sub->add_option("--by", o->by, "Who does it, for the audit trail (default: $USER)");
    }
    sub->callback([o, verb, exit_code] { *exit_code = Run(verb, *o); });
  }
}

}  // namespace sendguard
