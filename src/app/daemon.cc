#include "app/daemon.h"

#include <sstream>
#include <thread>

#include "app/app_config.h"
#include "app/history_sources.h"
#include "delivery/notifier.h"
#include "http/api_server.h"
#include "milter/milter.h"
#include "policy/context.h"
#include "service/checker.h"
#include "service/sender_links.h"
#include "store/stores.h"

namespace sendguard {

// Everything the daemon owns, in the order it is built (and so destroyed
// in reverse: the front ends before what they use).
struct Daemon::Parts {
  AppConfig config;
  std::string store, milter, http;
  Stores stores;
  std::unique_ptr<Context> context;
  std::unique_ptr<DecisionJournal> journal;
  std::unique_ptr<SenderLinks> links;
  Metrics metrics;
  std::unique_ptr<DecisionStats> stats;
  std::unique_ptr<DeliveredHistory> delivered;
  std::unique_ptr<Checker> checker;
  std::unique_ptr<Notifier> notifier;
  FilterServices filter;
  std::unique_ptr<ApiServer> api;
  std::unique_ptr<MilterServer> milter_server;
};

namespace {

std::string Either(const std::string& flag, const std::string& configured) {
  return flag.empty() ? configured : flag;
}

// The context, the stores and what records decisions.
Status OpenServices(const DaemonOptions& o, Daemon::Parts& p) {
  Result<Stores> stores = OpenStores(p.store);
  if (!stores.ok()) return stores.status();
  p.stores = std::move(stores).value();
  Result<History> history = LoadHistory(p.stores.history.get(), o.history);
  if (!history.ok()) return history.status();
  Result<std::shared_ptr<IndexedContacts>> opened =
      OpenContacts(std::move(p.stores.contacts), ContactIndexPath(p.store),
                   p.config.core.recipients.contact_cache_mb << 20);
  if (!opened.ok()) return opened.status();
  std::shared_ptr<IndexedContacts> contacts = std::move(opened).value();
  Result<std::unique_ptr<Context>> context =
      Context::Create(p.config.core, std::move(history).value(), contacts);
  if (!context.ok()) return context.status();
  p.context = std::move(context).value();
  const std::string journal = Either(o.journal, p.config.serve.audit_log);
  if (!journal.empty()) {
    Result<DecisionJournal> j = DecisionJournal::Open(journal);
    if (!j.ok()) return j.status();
    p.journal = std::make_unique<DecisionJournal>(std::move(j).value());
  }
  Result<SenderLinks> links =
      SenderLinks::Open(*p.stores.console, p.config.http.public_url, p.config.http.link_ttl_hours);
  if (!links.ok()) return links.status();
  p.links = std::make_unique<SenderLinks>(std::move(links).value());
  p.stats = std::make_unique<DecisionStats>(p.stores.console.get());
  if (p.config.serve.learn) {
    // Its own connections: the writer thread uses them alone.
    Result<Stores> writer = OpenStores(p.store, {.history = true, .contacts = true});
    if (!writer.ok()) return writer.status();
    p.delivered = std::make_unique<DeliveredHistory>(
        std::move(writer->contacts), std::move(writer->history),
        [contacts](const std::vector<std::string>& senders) { contacts->Forget(senders); });
  }
  p.checker = std::make_unique<Checker>(*p.context, Recorders{.journal = p.journal.get(),
                                                              .metrics = &p.metrics,
                                                              .stats = p.stats.get(),
                                                              .delivered = p.delivered.get()});
  p.notifier = std::make_unique<Notifier>(p.config.relay, p.config.notice);
  return OkStatus();
}

// The front ends, bound to their addresses but not yet serving.
Status BindFrontEnds(Daemon::Parts& p) {
  if (!p.http.empty()) {
    ApiServices api;
    api.checker = p.checker.get();
    api.quarantine = p.stores.quarantine.get();
    api.console = p.stores.console.get();
    api.links = p.links.get();
    api.metrics = &p.metrics;
    api.delivered = p.delivered.get();  // null unless serve.learn
    api.relay = p.config.relay;
    api.http = p.config.http;
    p.api = std::make_unique<ApiServer>(std::move(api));
    if (Status b = p.api->Bind(p.http); !b.ok()) return b;
  }
  p.filter.checker = p.checker.get();
  p.filter.store = p.stores.quarantine.get();
  p.filter.notifier = p.notifier.get();
  if (p.api) {
    const SenderLinks* links = p.links.get();
    p.filter.sender_link = [links](const std::string& id) { return links->Link(id); };
  }
  if (!p.milter.empty()) {
    const ServeConfig& serve = p.config.serve;
    p.milter_server = std::make_unique<MilterServer>(
        p.filter,
        MilterLimits{.max_connections = static_cast<std::size_t>(serve.milter_max_connections),
                     .idle_timeout_ms = serve.milter_idle_timeout_ms,
                     .step_timeout_ms = serve.milter_step_timeout_ms});
    if (Status l = p.milter_server->Listen(p.milter); !l.ok()) return l;
  }
  return OkStatus();
}

}  // namespace

Result<std::unique_ptr<Daemon>> Daemon::Start(const DaemonOptions& o) {
  auto p = std::make_unique<Parts>();
  Result<AppConfig> config = LoadAppConfig(o.config);
  if (!config.ok()) return config.status();
  p->config = std::move(config).value();
  p->store = p->config.StoreAddress(o.store);
  p->milter = Either(o.milter, p->config.serve.milter);
  p->http = Either(o.http, p->config.serve.http);
  if (p->milter.empty() && p->http.empty()) {
    return InvalidArgumentError(
        "nothing to serve: give --milter SOCKET and/or --http HOST:PORT (or serve.milter, "
        "serve.http in the config)");
  }
  if (Status st = OpenServices(o, *p); !st.ok()) return st;
  if (Status st = BindFrontEnds(*p); !st.ok()) return st;
  return std::unique_ptr<Daemon>(new Daemon(std::move(p)));
}

Daemon::Daemon(std::unique_ptr<Parts> parts) : p_(std::move(parts)) {}
Daemon::~Daemon() = default;

Status Daemon::Run(const StopSignals& signals) {
  Parts& p = *p_;
  std::thread http_thread, milter_thread;
  Status milter_status;
  if (p.api) http_thread = std::thread([&p] { p.api->Run(); });
  if (p.milter_server) {
    milter_thread = std::thread([&] {
      milter_status = p.milter_server->Run();
      if (!milter_status.ok()) signals.Interrupt();  // failed on its own: stop the rest
    });
  }
  signals.Wait();
  if (p.milter_server) {
    p.milter_server->Stop();
    milter_thread.join();
  }
  if (p.api) {
    p.api->Stop();
    http_thread.join();
  }
  return milter_status;
}

std::string Daemon::Describe() const {
  const Parts& p = *p_;
  const PolicyConfig& policy = p.config.core.policy;
  std::ostringstream out;
  out << (p.milter.empty() ? "" : "milter on " + p.milter + "; ")
      << (p.http.empty() ? "" : "HTTP on " + p.http + "; ") << "store " << p.store << "; "
      << policy.rules.size() << " policy rules, mode "
      << (policy.mode == PolicyConfig::Mode::kAudit ? "audit" : "enforce");
  return out.str();
}

std::string Daemon::Summary() const {
  const Metrics& m = p_->metrics;
  std::ostringstream out;
  out << "stopped after " << m.decisions() << " decisions; p50 " << m.LatencyQuantileMs(0.5)
      << " ms, p99 " << m.LatencyQuantileMs(0.99) << " ms (bucket bounds)";
  return out.str();
}

}  // namespace sendguard
