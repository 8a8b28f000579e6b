// libFuzzer target: MTA log line parsing (Postfix, Exim, Sendmail).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "logs/mail_log.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  for (auto f : {sendguard::LogFormat::kPostfix, sendguard::LogFormat::kExim,
                 sendguard::LogFormat::kSendmail}) {
    auto d = sendguard::ParseDeliveryLine(line, f);
    if (d && d->recipient.find('@') == std::string::npos) __builtin_trap();
  }
  (void)sendguard::DetectLogFormat(line);
  return 0;
}
