// Signed, expiring links for senders: a token that names one held message
// and the time it stops working, authenticated with HMAC-SHA-256 under a
// server secret. Whoever holds the token may act on that message only.

#ifndef SENDGUARD_SERVICE_LINK_SIGNER_H_
#define SENDGUARD_SERVICE_LINK_SIGNER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "sendguard/status.h"

namespace sendguard {

class LinkSigner {
 public:
  // `key`: at least 32 secret bytes.
  explicit LinkSigner(std::string key);

  // "ID.EXPIRES.SIGNATURE" (URL-safe) for the message `id`, valid until
  // `expires` (Unix seconds).
  std::string Sign(std::string_view id, std::int64_t expires) const;

  // The message id of a valid token. PermissionDenied when the token is
  // malformed or its signature is wrong; DeadlineExceeded when it expired
  // before `now`.
  Result<std::string> Verify(std::string_view token, std::int64_t now) const;

 private:
  std::string Mac(std::string_view id, std::int64_t expires) const;
  std::string key_;
};

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_LINK_SIGNER_H_
