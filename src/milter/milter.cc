#include "milter/milter.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include "milter/milter_session.h"

namespace sendguard {
namespace {

using Clock = std::chrono::steady_clock;

// Connections the kernel completes before they are accepted (capped by
// net.core.somaxconn): a burst of MTA connections is queued, not dropped to
// wait a second for a SYN retransmit.
constexpr int kListenBacklog = 4096;

// "inet:PORT@HOST", "inet6:PORT@HOST", "unix:PATH" / "local:PATH" → a
// listening socket.
Result<int> Listen(const std::string& spec) {
  std::size_t colon = spec.find(':');
  if (colon == std::string::npos) return InvalidArgumentError("bad milter socket '" + spec + "'");
  const std::string kind = spec.substr(0, colon), rest = spec.substr(colon + 1);
  if (kind == "unix" || kind == "local") {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (rest.empty() || rest.size() >= sizeof(addr.sun_path)) {
      return InvalidArgumentError("bad milter socket path '" + rest + "'");
    }
    std::memcpy(addr.sun_path, rest.c_str(), rest.size() + 1);
    struct stat st {};
    if (lstat(rest.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) unlink(rest.c_str());  // stale
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return UnavailableError(std::string("socket: ") + std::strerror(errno));
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(fd, kListenBacklog) != 0) {
      int e = errno;
      close(fd);
      return UnavailableError("cannot listen on " + spec + ": " + std::strerror(e));
    }
    return fd;
  }
  if (kind != "inet" && kind != "inet6") {
    return InvalidArgumentError("bad milter socket '" + spec + "' (inet:, inet6: or unix:)");
  }
  std::size_t at = rest.find('@');
  const std::string port = rest.substr(0, at);
  std::string host = at == std::string::npos ? "" : rest.substr(at + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  addrinfo hints{};
  hints.ai_family = kind == "inet6" ? AF_INET6 : AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* res = nullptr;
  if (int rc = getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints, &res);
      rc != 0) {
    return InvalidArgumentError("bad milter socket '" + spec + "': " + gai_strerror(rc));
  }
  int fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (fd < 0 || bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, kListenBacklog) != 0) {
    int e = errno;
    if (fd >= 0) close(fd);
    freeaddrinfo(res);
    return UnavailableError("cannot listen on " + spec + ": " + std::strerror(e));
  }
  freeaddrinfo(res);
  return fd;
}

// Waits until `fd` is ready for `events` or `deadline` passes; false on
// timeout or error.
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, events, 0};
    int r = poll(&p, 1, static_cast<int>(std::min<long long>(left, 60 * 1000)));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return false;
    if (r > 0) return true;
  }
}

// Sends all of `data` by `deadline`; false when the peer does not take it.
bool WriteAll(int fd, std::string_view data, Clock::time_point deadline) {
  while (!data.empty()) {
    ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!WaitFor(fd, POLLOUT, deadline)) return false;
      continue;
    }
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// One MTA connection: read what is there, answer what is complete. The
// wait for a packet's first byte is bounded by the idle timeout, the rest
// of it by the step timeout (a packet left unfinished is counted from when
// its first bytes were read).
void Serve(int fd, const FilterServices& services, const MilterLimits& limits) {
  const std::chrono::milliseconds idle(limits.idle_timeout_ms), step(limits.step_timeout_ms);
  MilterSession session(services);
  std::string in, out;
  char buf[64 * 1024];
  Clock::time_point packet_start;  // of the unfinished packet at the front of `in`
  for (;;) {
    if (!WaitFor(fd, POLLIN, in.empty() ? Clock::now() + idle : packet_start + step)) break;
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    const bool unfinished = !in.empty();
    in.append(buf, static_cast<std::size_t>(n));
    const std::size_t received = in.size();
    bool open = session.Process(&in, &out);
    // A new packet was started unless the one before is still unfinished.
    if (!in.empty() && (!unfinished || in.size() < received)) packet_start = Clock::now();
    if (!out.empty() && !WriteAll(fd, out, Clock::now() + step)) break;
    out.clear();
    if (!open) break;
  }
}

// The connections being served, so that a stop can end them.
class Connections {
 public:
  // Adds `fd` unless `max` connections are open already.
  bool Add(int fd, std::size_t max) {
    std::lock_guard<std::mutex> lock(mu_);
    if (fds_.size() >= max) return false;
    fds_.insert(fd);
    return true;
  }
  void Remove(int fd) {
    std::lock_guard<std::mutex> lock(mu_);
    fds_.erase(fd);
    close(fd);
    cv_.notify_all();
  }
  // Ends every connection (a message not yet judged is tempfailed by the
  // MTA) and waits until no thread uses the services any more.
  void CloseAllAndWait() {
    std::unique_lock<std::mutex> lock(mu_);
    for (int fd : fds_) shutdown(fd, SHUT_RD);
    if (cv_.wait_for(lock, std::chrono::seconds(30), [this] { return fds_.empty(); })) return;
    for (int fd : fds_) shutdown(fd, SHUT_RDWR);  // a writer stuck on an MTA that stopped reading
    cv_.wait(lock, [this] { return fds_.empty(); });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::set<int> fds_;
};

}  // namespace

struct MilterServer::Impl {
  std::string spec;
  const FilterServices* services = nullptr;
  MilterLimits limits;
  int listener = -1;
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> refused{0};
  Connections connections;
};

MilterServer::MilterServer(const FilterServices& services, const MilterLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->services = &services;
  impl_->limits = limits;
}

// The listener is closed here only, never while another thread may still
// call Stop(): a descriptor number closed early could be reused by another
// socket or file, which Stop() would then shut down.
MilterServer::~MilterServer() {
  if (impl_->listener < 0) return;
  close(impl_->listener);
  const std::string& spec = impl_->spec;
  if (spec.rfind("unix:", 0) == 0 || spec.rfind("local:", 0) == 0) {
    unlink(spec.substr(spec.find(':') + 1).c_str());
  }
}

Status MilterServer::Listen(const std::string& socket_spec) {
  Result<int> listener = sendguard::Listen(socket_spec);
  if (!listener.ok()) return listener.status();
  impl_->spec = socket_spec;
  impl_->listener = *listener;
  return OkStatus();
}

void MilterServer::Stop() {
  impl_->stopping = true;
  shutdown(impl_->listener, SHUT_RDWR);  // wakes accept()
}

Status MilterServer::Run() {
  Impl& m = *impl_;
  Status status;
  while (!m.stopping) {
    int fd = accept4(m.listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (m.stopping) break;
      if (errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE ||
          errno == ENOBUFS || errno == ENOMEM) {
        if (errno != EINTR && errno != ECONNABORTED) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        continue;
      }
      status = UnavailableError(std::string("milter: accept: ") + std::strerror(errno));
      break;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  // fails harmlessly on unix sockets
    if (!m.connections.Add(fd, m.limits.max_connections)) {
      // Closed at once: the MTA applies milter_default_action (tempfail).
      close(fd);
      if (m.refused.fetch_add(1) % 1000 == 0) {
        std::cerr << "sendguard milter: " << m.limits.max_connections
                  << " connections open; refusing more (serve.milter_max_connections)\n";
      }
      continue;
    }
    try {
      std::thread([fd, &m] {
        Serve(fd, *m.services, m.limits);
        m.connections.Remove(fd);
      }).detach();
    } catch (const std::system_error& e) {
      std::cerr << "sendguard milter: cannot start a thread: " << e.what() << "\n";
      m.connections.Remove(fd);  // the MTA applies milter_default_action (tempfail)
    }
  }
  shutdown(m.listener, SHUT_RDWR);  // no more connections; closed by the destructor
  m.connections.CloseAllAndWait();
  return status;
}

}  // namespace sendguard
