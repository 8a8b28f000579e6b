// libFuzzer target: the on-disk contact index, as a damaged or hostile file
// would be mapped: Open must refuse it or every read must stay inside it.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "contacts/contact_index.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/contact_index_fuzz_" + std::to_string(::getpid());
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  sendguard::Result<std::shared_ptr<const sendguard::ContactIndex>> index =
      sendguard::ContactIndex::Open(path);
  if (!index.ok()) return 0;
  std::size_t seen = 0;
  (*index)->ForEachSender([&](std::string_view sender, const sendguard::ContactView& c) {
    if (++seen > 64) return;
    // A damaged table or block may answer wrongly; it must not read astray
    // (ASan watches every read).
    (*index)->Find(sender);
    std::string first;
    c.ForEachInDomain("army.mil", [&](std::string_view a, std::uint64_t) {
      if (first.empty()) first = std::string(a);
    });
    c.Knows(first);
    c.Knows("ops@army.mil");
    c.Named("john smith", "");
  });
  return 0;
}
