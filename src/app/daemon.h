// `sendguard serve` put together: the stores, the context, the checker and
// its recorders, notices and senders' links, and the two front ends (the
// milter and the HTTP API), started and stopped as one.

#ifndef SENDGUARD_APP_DAEMON_H_
#define SENDGUARD_APP_DAEMON_H_

#include <memory>
#include <string>

#include "sendguard/status.h"
#include "util/stop_signals.h"

namespace sendguard {

// Command-line settings; each, when given, wins over the configuration's.
struct DaemonOptions {
  std::string config;   // configuration file; "" for the defaults
  std::string store;    // store address (serve.store)
  std::string history;  // extra history as TSV
  std::string milter;   // milter socket (serve.milter)
  std::string http;     // HTTP API HOST:PORT (serve.http)
  std::string journal;  // decision journal file (serve.audit_log)
};

class Daemon {
 public:
  // Loads the configuration and history, opens the stores and binds the
  // listeners: every setup error is reported here, before anything is
  // served. InvalidArgument when there is nothing to serve.
  static Result<std::unique_ptr<Daemon>> Start(const DaemonOptions& options);
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  // Serves until `signals` reports SIGTERM or SIGINT (or the milter fails
  // to accept connections for good, which is returned), then stops
  // accepting, ends the open connections and returns.
  // `signals` must have been made before Start, in the calling thread.
  Status Run(const StopSignals& signals);

  // One line: what is served where, and the policy's size and mode.
  std::string Describe() const;
  // One line: decisions so far and their latency.
  std::string Summary() const;

  struct Parts;  // what it owns; opaque

 private:
  explicit Daemon(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> p_;
};

}  // namespace sendguard

#endif  // SENDGUARD_APP_DAEMON_H_
