// libFuzzer target: recipient addresses (domain parsing, IDNA, PSL,
// skeletons, the typo index) against a small fixed history.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "recipients/recipient_analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sendguard::History* history = [] {
    auto* h = new sendguard::History();
    h->Add("army.mil", 9000);
    h->Add("us.af.mil", 3000);
    h->Add("partner.co.uk", 500);
    h->Add("ops@navy.mil", 40);
    h->Finish();
    return h;
  }();
  static const sendguard::RecipientAnalyzer analyzer({}, *history);
  sendguard::RecipientVerdict v =
      analyzer.Analyze(std::string_view(reinterpret_cast<const char*>(data), size), {});
  if (v.suggestion && v.suggestion->find('@') == std::string::npos) __builtin_trap();
  return 0;
}
