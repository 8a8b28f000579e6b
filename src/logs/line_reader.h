// Reading a text file line by line in constant memory, with gzip, bzip2 and
// xz compressed files (rotated logs: maillog.2.gz) decompressed on the fly.

#ifndef SENDGUARD_LOGS_LINE_READER_H_
#define SENDGUARD_LOGS_LINE_READER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "sendguard/status.h"

namespace sendguard {

// Calls `f` with each line of `path`, without its line end. Lines longer
// than `max_line` bytes are cut to that length (the rest is skipped) so a
// file without newlines cannot exhaust memory. Returns an error when the
// file cannot be opened or its compression is corrupt.
Status ForEachLine(const std::string& path, const std::function<void(std::string_view)>& f,
                   std::size_t max_line = 64 * 1024);

// The first `max_bytes` bytes of `path`, decompressed like ForEachLine's
// input; reads no further.
Result<std::string> ReadHead(const std::string& path, std::size_t max_bytes);

}  // namespace sendguard

#endif  // SENDGUARD_LOGS_LINE_READER_H_
