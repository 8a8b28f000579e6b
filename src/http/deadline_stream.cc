#include "http/deadline_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace sendguard {
namespace {

// Waits are cut into slices so that `stop` is seen within one.
constexpr std::chrono::milliseconds kSlice{100};

}  // namespace

DeadlineStream::DeadlineStream(int fd, SSL* ssl, const std::atomic<bool>& stop,
                               std::chrono::milliseconds io_timeout)
    : fd_(fd), ssl_(ssl), stop_(stop), io_timeout_(io_timeout) {}

bool DeadlineStream::Wait(short events, Clock::time_point deadline) const {
  while (!stop_) {
    const auto now = Clock::now();
    if (now >= deadline) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    pollfd p{fd_, events, 0};
    const int n = ::poll(&p, 1, static_cast<int>(std::min(left, kSlice).count()) + 1);
    if (n > 0) return true;  // ready, or an error the next call reports
    if (n < 0 && errno != EINTR) return false;
  }
  return false;
}

bool DeadlineStream::WaitReadable() const {
  if (at_ < end_ || (ssl_ != nullptr && SSL_pending(ssl_) > 0)) return true;
  return Wait(POLLIN, read_deadline_);
}

DeadlineStream::Clock::time_point DeadlineStream::WriteLimit() const {
  return std::min(write_deadline_, Clock::now() + io_timeout_);
}

bool DeadlineStream::is_writable() const { return Wait(POLLOUT, WriteLimit()); }

ssize_t DeadlineStream::read(char* ptr, size_t size) {
  if (at_ == end_) {
    // httplib reads a request's head a byte at a time: fill a buffer,
    // except for reads as large as it.
    if (size >= sizeof buffer_) {
      const ssize_t n = Receive(ptr, size);
      if (n > 0) bytes_read_ += static_cast<std::uint64_t>(n);
      return n;
    }
    const ssize_t n = Receive(buffer_, sizeof buffer_);
    if (n <= 0) return n;
    at_ = 0;
    end_ = static_cast<std::size_t>(n);
  }
  const std::size_t k = std::min(size, end_ - at_);
  std::memcpy(ptr, buffer_ + at_, k);
  at_ += k;
  bytes_read_ += k;
  return static_cast<ssize_t>(k);
}

ssize_t DeadlineStream::Receive(char* ptr, size_t size) {
  const int len = static_cast<int>(std::min<size_t>(size, 1 << 20));
  for (;;) {
    if (stop_ || Clock::now() >= read_deadline_) return -1;
    if (ssl_ == nullptr) {
      const ssize_t n = ::recv(fd_, ptr, static_cast<size_t>(len), 0);
      if (n >= 0) return n;
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
      if (!Wait(POLLIN, read_deadline_)) return -1;
      continue;
    }
    const int n = SSL_read(ssl_, ptr, len);
    if (n > 0) return n;
    const int err = SSL_get_error(ssl_, n);
    if (err == SSL_ERROR_WANT_READ) {
      if (!Wait(POLLIN, read_deadline_)) return -1;
    } else if (err == SSL_ERROR_WANT_WRITE) {
      if (!Wait(POLLOUT, WriteLimit())) return -1;
    } else {
      return err == SSL_ERROR_ZERO_RETURN ? 0 : -1;
    }
  }
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  const int len = static_cast<int>(std::min<size_t>(size, 1 << 20));
  for (;;) {
    if (Clock::now() >= write_deadline_) return -1;
    if (ssl_ == nullptr) {
      const ssize_t n = ::send(fd_, ptr, static_cast<size_t>(len), MSG_NOSIGNAL);
      if (n >= 0) return n;
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
      if (!Wait(POLLOUT, WriteLimit())) return -1;
      continue;
    }
    const int n = SSL_write(ssl_, ptr, len);
    if (n > 0) return n;
    const int err = SSL_get_error(ssl_, n);
    if (err == SSL_ERROR_WANT_WRITE) {
      if (!Wait(POLLOUT, WriteLimit())) return -1;
    } else if (err == SSL_ERROR_WANT_READ) {
      if (!Wait(POLLIN, WriteLimit())) return -1;
    } else {
      return -1;
    }
  }
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  SocketAddress(fd_, true, ip, port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
  SocketAddress(fd_, false, ip, port);
}

void SocketAddress(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  auto* sa = reinterpret_cast<sockaddr*>(&addr);
  ip.clear();
  port = 0;
  if ((peer ? ::getpeername(fd, sa, &len) : ::getsockname(fd, sa, &len)) != 0) return;
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (::getnameinfo(sa, len, host, sizeof host, serv, sizeof serv,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

}  // namespace sendguard
