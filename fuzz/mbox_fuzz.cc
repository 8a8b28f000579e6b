// libFuzzer target: the mbox splitter.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mail/mbox.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  sendguard::MboxReader reader(in);
  std::string_view msg;
  std::size_t total = 0;
  while (reader.Next(&msg)) total += msg.size();
  if (total > size) __builtin_trap();  // a message can never be larger than its mbox
  return 0;
}
