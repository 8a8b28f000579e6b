// sendguard serve: the mail filter daemon (milter) and the HTTP API and console.

#include <pthread.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "delivery/notifier.h"
#include "http/api_server.h"
#include "milter/decision_stats.h"
#include "milter/milter.h"
#include "store/stores.h"

namespace sendguard {
namespace {

struct ServeOptions {
  std::string config, store, history, milter, http, audit_log;
};

int RunServe(const ServeOptions& o) {
  // SIGTERM and SIGINT are taken by one waiting thread (sigwait), never by
  // whichever thread the kernel picks: blocked before any thread starts,
  // so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  auto fail = [](const std::string& why) {
    std::cerr << "sendguard serve: " << why << "\n";
    return kExitUsage;
  };
  Config config;
  if (!o.config.empty()) {
    Result<Config> c = LoadConfig(o.config);
    if (!c.ok()) return fail(c.status().message());
    config = std::move(c).value();
  }
  const std::string store_path = !o.store.empty() ? o.store : config.serve.store;
  const std::string milter = !o.milter.empty() ? o.milter : config.serve.milter;
  const std::string http = !o.http.empty() ? o.http : config.serve.http;
  const std::string audit_path = !o.audit_log.empty() ? o.audit_log : config.serve.audit_log;
  if (milter.empty() && http.empty()) {
    return fail(
        "nothing to serve: give --milter SOCKET and/or --http HOST:PORT (or serve.milter, "
        "serve.http in the config)");
  }

  Result<Stores> stores = OpenStores(store_path);
  if (!stores.ok()) return fail(stores.status().message());
  Result<History> history = stores->history->LoadHistory();
  if (!history.ok()) return fail(history.status().message());
  if (!o.history.empty()) {
    Result<History> tsv = History::LoadTsv(o.history);
    if (!tsv.ok()) return fail(tsv.status().message());
    tsv->ForEachDomain([&](const std::string& d, std::uint64_t n) { history->Add(d, n); });
    tsv->ForEachAddress([&](const std::string& a, std::uint64_t n) { history->Add(a, n); });
    history->Finish();
  }
  const std::size_t rules = config.policy.rules.size();
  const bool audit_mode = config.policy.mode == PolicyConfig::Mode::kAudit;
  SmtpRelay relay = config.relay;
  NoticeConfig notice = config.notice;
  Result<std::unique_ptr<Context>> context =
      Context::Create(std::move(config), std::move(history).value());
  if (!context.ok()) return fail(context.status().message());
  std::unique_ptr<AuditLog> audit;
  if (!audit_path.empty()) {
    Result<AuditLog> a = AuditLog::Open(audit_path);
    if (!a.ok()) return fail(a.status().message());
    audit = std::make_unique<AuditLog>(std::move(a).value());
  }
  Result<std::string> link_key = stores->console->Secret("sender-link-key", 32);
  if (!link_key.ok()) return fail(link_key.status().message());
  LinkSigner links(std::move(link_key).value());
  Metrics metrics;
  DecisionStats stats(stores->console.get());
  Notifier notifier(relay, notice);

  ApiServices api;
  api.context = context->get();
  api.quarantine = stores->quarantine.get();
  api.console = stores->console.get();
  api.links = &links;
  api.metrics = &metrics;
  api.relay = relay;
  api.http = (*context)->config().http;
  std::unique_ptr<ApiServer> server;
  if (!http.empty()) {
    server = std::make_unique<ApiServer>(api);
    if (Status b = server->Bind(http); !b.ok()) return fail(b.message());
  }

  FilterServices services;
  services.context = context->get();
  services.store = stores->quarantine.get();
  services.audit = audit.get();
  services.metrics = &metrics;
  services.notifier = &notifier;
  services.stats = &stats;
  if (server) {
    services.sender_link = [&api](const std::string& id) { return ApiServer::SenderLink(api, id); };
  }
  std::thread http_thread;
  if (server) http_thread = std::thread([&server] { server->Run(); });
  std::cerr << "sendguard serve: " << (milter.empty() ? "" : "milter on " + milter + "; ")
            << (http.empty() ? "" : "HTTP on " + http + "; ") << "store " << store_path << "; "
            << rules << " policy rules, mode " << (audit_mode ? "audit" : "enforce") << "\n";
  Status st;
  if (!milter.empty()) {
    st = RunMilter(milter, services);
  } else {
    int sig = 0;
    sigwait(&signals, &sig);
  }
  if (server) {
    server->Stop();
    http_thread.join();
  }
  std::cerr << "sendguard serve: stopped after " << metrics.decisions() << " decisions; p50 "
            << metrics.LatencyQuantileMs(0.5) << " ms, p99 " << metrics.LatencyQuantileMs(0.99)
            << " ms (bucket bounds)\n";
  if (!st.ok()) {
    std::cerr << "sendguard serve: " << st.message() << "\n";
    return kExitInternal;
  }
  return kExitOk;
}

}  // namespace

void RegisterServe(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Run the mail filter (milter) and/or the HTTP API and console until SIGTERM");
  cmd->add_option("--config", o->config, "Configuration file (YAML)")->check(CLI::ExistingFile);
  cmd->add_option("--store", o->store,
                  "SQLite store: history, quarantine and events (default: serve.store, "
                  "sendguard.db)");
  cmd->add_option("--history", o->history, "Extra history as TSV: domain-or-address<TAB>messages")
      ->check(CLI::ExistingFile);
  cmd->add_option("--milter", o->milter, "Milter socket: inet:PORT@HOST or unix:PATH");
  cmd->add_option("--http", o->http, "HTTP API address HOST:PORT");
  cmd->add_option("--audit-log", o->audit_log, "Append one JSON line per decision to this file");
  cmd->callback([o, exit_code] { *exit_code = RunServe(*o); });
}

}  // namespace sendguard
