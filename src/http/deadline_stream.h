// An httplib::Stream over one non-blocking socket (plain, or TLS through an
// OpenSSL session) whose reads end at a deadline, however slowly the
// client sends, and whose every wait also ends when `stop` is set.

#ifndef SENDGUARD_HTTP_DEADLINE_STREAM_H_
#define SENDGUARD_HTTP_DEADLINE_STREAM_H_

#include <httplib.h>
#include <openssl/ssl.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace sendguard {

class DeadlineStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // `fd` must be non-blocking; `ssl` (may be null) is a TLS session on it
  // that has completed its handshake. Neither is owned.
  DeadlineStream(int fd, SSL* ssl, const std::atomic<bool>& stop,
                 std::chrono::milliseconds io_timeout);

  // Reads fail once `t` has passed.
  void set_read_deadline(Clock::time_point t) { read_deadline_ = t; }
  // Writes fail once `t` has passed or one write waited io_timeout.
  void set_write_deadline(Clock::time_point t) { write_deadline_ = t; }

  // Bytes handed to the reader so far (not counting those buffered).
  std::uint64_t bytes_read() const { return bytes_read_; }

  // Waits until a read would not block; false at the read deadline or stop.
  bool WaitReadable() const;

  bool is_readable() const override { return WaitReadable(); }
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  // Waits for `events` on the socket until `deadline`; false at the
  // deadline or on stop.
  bool Wait(short events, Clock::time_point deadline) const;
  Clock::time_point WriteLimit() const;
  // Reads what the socket has (waiting for it until the read deadline).
  ssize_t Receive(char* ptr, size_t size);

  const int fd_;
  SSL* const ssl_;
  const std::atomic<bool>& stop_;
  const std::chrono::milliseconds io_timeout_;
  std::uint64_t bytes_read_ = 0;
  char buffer_[4096];
  std::size_t at_ = 0, end_ = 0;  // what of buffer_ is still to be read
  Clock::time_point read_deadline_ = Clock::time_point::max();
  Clock::time_point write_deadline_ = Clock::time_point::max();
};

// The numeric address and port of a socket's peer (`peer`) or own end.
void SocketAddress(int fd, bool peer, std::string& ip, int& port);

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_DEADLINE_STREAM_H_
