#include "http/sessions.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace sendguard {

std::string RandomToken(std::size_t bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_encoded_len(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string Sessions::Create(std::string_view user, Session* session) {
  std::string token = RandomToken();
  Session s{std::string(user), RandomToken()};
  const Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  if (sessions_.size() >= kMaxSessions) Sweep(now);
  if (sessions_.size() >= kMaxSessions) sessions_.erase(sessions_.begin());
  sessions_[token] = Entry{s, now, now};
  if (session != nullptr) *session = s;
  return token;
}

std::optional<Session> Sessions::Find(std::string_view token) {
  if (token.empty()) return std::nullopt;
  const Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(std::string(token));
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.used > idle_ || now - it->second.created > lifetime_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.used = now;
  return it->second.session;
}

void Sessions::End(std::string_view token) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.erase(std::string(token));
}

void Sessions::Sweep(Clock::time_point now) {
  std::erase_if(sessions_, [&](const auto& kv) {
    return now - kv.second.used > idle_ || now - kv.second.created > lifetime_;
  });
}

}  // namespace sendguard
