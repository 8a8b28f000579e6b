// libFuzzer target: what HTTP clients send: the JSON draft of
// POST /api/v1/check (composed into a message and parsed back) and the
// tokens of senders' links.

#include <cstddef>
#include <cstdint>
#include <string>

#include "http/check_request.h"
#include "sendguard/parser.h"
#include "service/link_signer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  static const sendguard::LinkSigner signer(std::string(32, 'k'));
  auto id = signer.Verify(input, 0);
  if (id.ok() && id->size() != 32) __builtin_trap();  // forged tokens never verify
  nlohmann::json draft = nlohmann::json::parse(input, nullptr, false);
  if (draft.is_discarded() || !draft.is_object()) return 0;
  sendguard::Result<sendguard::CheckInput> in = sendguard::CheckInputFromJson(draft);
  if (!in.ok()) return 0;
  sendguard::Limits limits;
  limits.max_message_bytes = 1 << 20;
  limits.max_depth = 4;
  limits.max_time = std::chrono::milliseconds(2000);
  (void)sendguard::ParseMessage(in->raw, in->envelope, limits);
  return 0;
}
