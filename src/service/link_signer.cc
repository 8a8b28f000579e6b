#include "service/link_signer.h"

#include <sodium.h>

#include <charconv>
#include <stdexcept>

namespace sendguard {
namespace {

std::string Base64Url(const unsigned char* data, std::size_t n) {
  std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

bool IsId(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

LinkSigner::LinkSigner(std::string key) : key_(std::move(key)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
}

std::string LinkSigner::Mac(std::string_view id, std::int64_t expires) const {
  std::string msg = "sendguard-sender-link\n" + std::string(id) + "\n" + std::to_string(expires);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key_.data()),
                              key_.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(msg.data()),
                                msg.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return Base64Url(mac, sizeof mac);
}

std::string LinkSigner::Sign(std::string_view id, std::int64_t expires) const {
  return std::string(id) + "." + std::to_string(expires) + "." + Mac(id, expires);
}

Result<std::string> LinkSigner::Verify(std::string_view token, std::int64_t now) const {
  std::size_t dot1 = token.find('.');
  std::size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.size() > 200) {
    return PermissionDeniedError("not a sendguard link");
  }
  std::string_view id = token.substr(0, dot1);
  std::string_view expires_text = token.substr(dot1 + 1, dot2 - dot1 - 1);
  std::string_view mac = token.substr(dot2 + 1);
  std::int64_t expires = 0;
  auto [end, ec] =
      std::from_chars(expires_text.data(), expires_text.data() + expires_text.size(), expires);
  if (!IsId(id) || ec != std::errc() || end != expires_text.data() + expires_text.size()) {
    return PermissionDeniedError("not a sendguard link");
  }
  std::string expected = Mac(id, expires);
  if (mac.size() != expected.size() ||
      sodium_memcmp(mac.data(), expected.data(), expected.size()) != 0) {
    return PermissionDeniedError("this link is not valid");
  }
  if (now >= expires) return DeadlineExceededError("this link has expired");
  return std::string(id);
}

}  // namespace sendguard
