// libFuzzer target: what HTTP clients send: request headers (their framing
// and X-Forwarded-For), the JSON draft of POST /api/v1/check (parsed within
// bounds, composed into a message and parsed back) and the tokens of
// senders' links.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/check_request.h"
#include "http/client_address.h"
#include "http/json_body.h"
#include "http/request_framing.h"
#include "sendguard/parser.h"
#include "service/link_signer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  static const sendguard::LinkSigner signer(std::string(32, 'k'));
  auto id = signer.Verify(input, 0);
  if (id.ok() && id->size() != 32) __builtin_trap();  // forged tokens never verify
  // Lines as headers, "name:value".
  httplib::Headers headers;
  for (std::size_t at = 0; at < input.size();) {
    std::size_t end = std::min(input.find('\n', at), input.size());
    std::string line = input.substr(at, end - at);
    std::size_t colon = line.find(':');
    if (colon != std::string::npos) headers.emplace(line.substr(0, colon), line.substr(colon + 1));
    at = end + 1;
  }
  (void)sendguard::FramingError(headers);
  if (sendguard::ClientAddress("127.0.0.1", input, {"127.0.0.1"}).size() > 64) __builtin_trap();
  sendguard::Result<nlohmann::json> draft = sendguard::ParseBoundedJson(input);
  if (!draft.ok() || !draft->is_object()) return 0;
  sendguard::Result<sendguard::CheckInput> in = sendguard::CheckInputFromJson(*draft);
  if (!in.ok()) return 0;
  sendguard::Limits limits;
  limits.max_message_bytes = 1 << 20;
  limits.max_depth = 4;
  limits.max_time = std::chrono::milliseconds(2000);
  (void)sendguard::ParseMessage(in->raw, in->envelope, limits);
  return 0;
}
