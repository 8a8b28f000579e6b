// libFuzzer target: MTA log lines (Postfix, Exim, Sendmail), their time
// stamps, and Date headers.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "logs/log_time.h"
#include "logs/mail_log.h"

namespace {

bool Within(std::string_view part, std::string_view whole) {
  return part.empty() ||
         (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  for (auto f : {sendguard::LogFormat::kPostfix, sendguard::LogFormat::kExim,
                 sendguard::LogFormat::kSendmail}) {
    sendguard::LogLine l = sendguard::ParseLogLine(line, f);
    if (!Within(l.time, line) || !Within(l.queue_id, line) || !Within(l.address, line) ||
        !Within(l.relay, line)) {
      __builtin_trap();
    }
    if (l.kind == sendguard::LogLineKind::kSent && l.address.find('@') == std::string::npos) {
      __builtin_trap();
    }
    auto t = sendguard::NormalizeLogTime(l.time, sendguard::YearHint{2026, 11});
    if (t && t->size() != 19) __builtin_trap();
  }
  (void)sendguard::DetectLogFormat(line);
  auto t = sendguard::NormalizeLogTime(line, sendguard::YearHint{2026, 11});
  if (t && t->size() != 19) __builtin_trap();
  if (size < 256) (void)sendguard::NormalizeMessageDate(line);
  return 0;
}
