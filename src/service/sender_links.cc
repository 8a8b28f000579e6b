#include "service/sender_links.h"

#include <ctime>

namespace sendguard {

SenderLinks::SenderLinks(LinkSigner signer, std::string public_url, int ttl_hours)
    : signer_(std::move(signer)), public_url_(std::move(public_url)), ttl_hours_(ttl_hours) {}

Result<SenderLinks> SenderLinks::Open(ConsoleStore& console, std::string public_url,
                                      int ttl_hours) {
  Result<std::string> key = console.Secret("sender-link-key", 32);
  if (!key.ok()) return key.status();
  return SenderLinks(LinkSigner(std::move(key).value()), std::move(public_url), ttl_hours);
}

std::string SenderLinks::Link(std::string_view id) const {
  const std::int64_t expires =
      static_cast<std::int64_t>(std::time(nullptr)) + std::int64_t{ttl_hours_} * 3600;
  return public_url_ + "/s/" + signer_.Sign(id, expires);
}

}  // namespace sendguard
