// The links senders get in notices for a held message: the console's
// address, /s/, and a signed token that expires (service/link_signer.h).
// Made by the daemon (notices), the command line (`quarantine link`) and
// checked by the HTTP API, all with the one key kept in the console store.

#ifndef SENDGUARD_SERVICE_SENDER_LINKS_H_
#define SENDGUARD_SERVICE_SENDER_LINKS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "sendguard/status.h"
#include "service/link_signer.h"
#include "store/console_store.h"

namespace sendguard {

class SenderLinks {
 public:
  // Links under `public_url` ("https://sendguard.example.mil") that work
  // for `ttl_hours`.
  SenderLinks(LinkSigner signer, std::string public_url, int ttl_hours);

  // With the key kept in `console` (made on first use, so that links signed
  // before a restart, or on another node, stay valid).
  static Result<SenderLinks> Open(ConsoleStore& console, std::string public_url, int ttl_hours);

  // PUBLIC_URL/s/TOKEN for the held message `id`, valid from now for the TTL.
  std::string Link(std::string_view id) const;

  // The message id a token names; PermissionDenied when it is forged,
  // DeadlineExceeded when it expired before `now` (Unix seconds).
  Result<std::string> Verify(std::string_view token, std::int64_t now) const {
    return signer_.Verify(token, now);
  }

 private:
  LinkSigner signer_;
  std::string public_url_;
  int ttl_hours_;
};

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_SENDER_LINKS_H_
