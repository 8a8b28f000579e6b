// libFuzzer target: the milter protocol as an MTA (or anything that
// connects to the milter socket) might speak it, fed in arbitrary pieces.

#include <cstddef>
#include <cstdint>
#include <string>

#include "milter/milter_session.h"
#include "tests/fake_quarantine_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sendguard;
  static std::unique_ptr<Context> context = std::move(Context::Create(Config(), History())).value();
  testing::FakeQuarantineStore store;
  FilterServices services;
  Checker checker(*context);
  services.checker = &checker;
  services.store = &store;
  MilterSession session(services);
  std::string in, out;
  // The first byte chooses how the stream is cut into reads.
  const std::size_t step = size > 0 ? 1 + data[0] % 64 : 1;
  for (std::size_t pos = size > 0 ? 1 : 0; pos < size; pos += step) {
    in.append(reinterpret_cast<const char*>(data) + pos, std::min(step, size - pos));
    if (!session.Process(&in, &out)) break;
    if (in.size() > MilterSession::kMaxPacket + 4 + 64) __builtin_trap();  // bounded buffering
  }
  return 0;
}
