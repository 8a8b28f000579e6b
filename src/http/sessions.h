// Console sessions: an unguessable token in an HttpOnly cookie and a
// second token the page sends back in a header on every state-changing
// request (CSRF protection). Kept in memory: a restart logs everyone out.

#ifndef SENDGUARD_HTTP_SESSIONS_H_
#define SENDGUARD_HTTP_SESSIONS_H_

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sendguard {

struct Session {
  std::string user;
  std::string csrf;
};

class Sessions {
 public:
  using Clock = std::chrono::steady_clock;
  // Sessions end after `idle` without use, and `lifetime` after login.
  Sessions(Clock::duration idle = std::chrono::hours(1),
           Clock::duration lifetime = std::chrono::hours(12))
      : idle_(idle), lifetime_(lifetime) {}

  // A new session for `user`; returns its cookie token.
  std::string Create(std::string_view user, Session* session);
  // The live session of `token` (its idle timer restarts), or nullopt.
  std::optional<Session> Find(std::string_view token);
  void End(std::string_view token);

  static constexpr std::size_t kMaxSessions = 10000;

 private:
  struct Entry {
    Session session;
    Clock::time_point created, used;
  };
  void Sweep(Clock::time_point now);

  Clock::duration idle_, lifetime_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> sessions_;
};

// `bytes` random bytes as URL-safe base64.
std::string RandomToken(std::size_t bytes = 32);

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_SESSIONS_H_
