// Read-only memory mapping of a whole file.

#ifndef SENDGUARD_UTIL_MAPPED_FILE_H_
#define SENDGUARD_UTIL_MAPPED_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "sendguard/status.h"

namespace sendguard {

class MappedFile {
 public:
  // Maps `path` read-only. Empty files map to an empty view.
  static Result<MappedFile> Open(const std::string& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }

 private:
  MappedFile(void* addr, std::size_t size) : addr_(addr), size_(size) {}
  void* addr_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_MAPPED_FILE_H_
