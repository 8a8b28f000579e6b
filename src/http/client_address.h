// The address of the client behind a request. Behind a reverse proxy every
// connection comes from the proxy; the proxy names the client in
// X-Forwarded-For, which is believed only from the proxies the
// configuration trusts (anyone else can write the header).

#ifndef SENDGUARD_HTTP_CLIENT_ADDRESS_H_
#define SENDGUARD_HTTP_CLIENT_ADDRESS_H_

#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// Whether `a` is a numeric IPv4 or IPv6 address.
bool IsIpAddress(std::string_view a);

// Whether `address` is one of `trusted` (exact textual match after
// dropping an IPv4-mapped IPv6 prefix "::ffff:").
bool IsTrustedProxy(std::string_view address, const std::vector<std::string>& trusted);

// The client's address: `peer` when it is not a trusted proxy or sends no
// X-Forwarded-For (`forwarded_for`, all such headers joined by ", ");
// otherwise the rightmost entry that is not itself a trusted proxy, which
// is the last address a trusted proxy vouched for. An entry that is not an
// IP address ends the walk at the trusted hop before it. The result is at
// most 64 characters.
std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted);

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_CLIENT_ADDRESS_H_
