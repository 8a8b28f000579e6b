#include "http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>

#include "util/strings.h"

namespace sendguard {
namespace {

std::string_view Unmapped(std::string_view a) {
  if (a.rfind("::ffff:", 0) == 0 && a.find('.') != std::string_view::npos) a.remove_prefix(7);
  return a;
}

}  // namespace

bool IsIpAddress(std::string_view a) {
  if (a.empty() || a.size() > 45) return false;
  const std::string s(a);
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

bool IsTrustedProxy(std::string_view address, const std::vector<std::string>& trusted) {
  const std::string_view a = Unmapped(address);
  return std::any_of(trusted.begin(), trusted.end(),
                     [&](const std::string& t) { return Unmapped(t) == a; });
}

std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted) {
  std::string_view client = peer;
  if (IsTrustedProxy(peer, trusted)) {
    std::string_view rest = forwarded_for;
    while (!rest.empty()) {
      const std::size_t comma = rest.rfind(',');
      std::string_view hop =
          TrimWhitespace(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
      if (!IsIpAddress(hop)) break;
      client = hop;
      if (!IsTrustedProxy(hop, trusted)) break;
    }
  }
  return std::string(client.substr(0, 64));
}

}  // namespace sendguard
