// libFuzzer target: the YAML configuration parser, the whole file.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/app_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto c = sendguard::ParseAppConfig(std::string_view(reinterpret_cast<const char*>(data), size),
                                     "fuzz.yaml");
  if (!c.ok() && c.status().message().empty()) __builtin_trap();  // errors always explain
  return 0;
}
