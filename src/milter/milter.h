// The Sendmail/Postfix milter front end: a socket server speaking milter
// protocol 6 (MilterSession), one thread per MTA connection, reading with
// large buffers so that the packets the MTA pipelines cost few system calls.

#ifndef SENDGUARD_MILTER_MILTER_H_
#define SENDGUARD_MILTER_MILTER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "milter/filter.h"
#include "sendguard/status.h"

namespace sendguard {

// What one MTA (or a client posing as one) may hold of the server.
struct MilterLimits {
  // At most this many connections are served at once (each has a thread);
  // one more is closed as soon as it is accepted, so that the MTA applies
  // its default action instead of the server running out of threads or
  // memory.
  std::size_t max_connections = 1000;
  // A connection that sends nothing for this long between packets is closed.
  int idle_timeout_ms = 600 * 1000;
  // Each packet must arrive whole within this long of its first byte, and
  // each reply must be taken by the MTA within this long; otherwise the
  // connection is closed (the MTA applies its default action). So a client
  // dribbling a byte at a time cannot hold a connection and its thread.
  int step_timeout_ms = 60 * 1000;
};

class MilterServer {
 public:
  // `services` must outlive the server.
  explicit MilterServer(const FilterServices& services, const MilterLimits& limits = {});
  ~MilterServer();
  MilterServer(const MilterServer&) = delete;
  MilterServer& operator=(const MilterServer&) = delete;

  // Listens on `socket` ("inet:PORT@HOST", "inet6:PORT@HOST" or
  // "unix:PATH", libmilter's forms).
  Status Listen(const std::string& socket);
  // Serves, one thread per MTA connection, until Stop(); then stops
  // accepting (the socket is removed when the server is destroyed), ends the open
  // connections (a message not yet judged is tempfailed by the MTA) and
  // returns once no connection uses the services any more. Fails when
  // accepting connections fails for good. Asks the MTA for adding headers,
  // deleting recipients and quarantine. Takes no signals: the caller
  // decides what stops it.
  Status Run();
  // Thread-safe; makes Run() return.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MILTER_MILTER_H_
