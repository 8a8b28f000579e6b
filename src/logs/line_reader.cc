#include "logs/line_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace sendguard {
namespace {

struct ArchiveDeleter {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

std::string ErrorText(struct archive* a, const char* fallback) {
  const char* e = archive_error_string(a);
  return e != nullptr ? e : fallback;
}

// Opens `path` for reading its (decompressed) bytes; `*empty` is set for a
// file with no content.
Status OpenDecompressed(const std::string& path, ArchivePtr* out, bool* empty) {
  ArchivePtr a(archive_read_new());
  archive_read_support_format_raw(a.get());
  archive_read_support_format_empty(a.get());
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_bzip2(a.get());
  archive_read_support_filter_xz(a.get());
  if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK) {
    return UnavailableError(path + ": " + ErrorText(a.get(), "cannot open"));
  }
  struct archive_entry* entry = nullptr;
  int rc = archive_read_next_header(a.get(), &entry);
  *empty = rc == ARCHIVE_EOF;
  if (rc != ARCHIVE_OK && rc != ARCHIVE_EOF) {
    return InvalidArgumentError(path + ": " + ErrorText(a.get(), "unreadable"));
  }
  *out = std::move(a);
  return OkStatus();
}

}  // namespace

Result<std::string> ReadHead(const std::string& path, std::size_t max_bytes) {
  ArchivePtr a;
  bool empty = false;
  if (Status s = OpenDecompressed(path, &a, &empty); !s.ok()) return s;
  std::string head;
  if (empty) return head;
  head.resize(max_bytes);
  std::size_t used = 0;
  while (used < max_bytes) {
    la_ssize_t n = archive_read_data(a.get(), head.data() + used, max_bytes - used);
    if (n < 0) return InvalidArgumentError(path + ": " + ErrorText(a.get(), "read error"));
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  head.resize(used);
  return head;
}

Status ForEachLine(const std::string& path, const std::function<void(std::string_view)>& f,
                   std::size_t max_line) {
  ArchivePtr a;
  bool empty = false;
  if (Status s = OpenDecompressed(path, &a, &empty); !s.ok()) return s;
  if (empty) return OkStatus();
  std::string carry;
  bool cut = false;  // the current line passed max_line; skip to its end
  char buf[1 << 16];
  for (;;) {
    la_ssize_t n = archive_read_data(a.get(), buf, sizeof(buf));
    if (n < 0) {
      return InvalidArgumentError(path + ": " + ErrorText(a.get(), "read error"));
    }
    if (n == 0) break;
    std::string_view chunk(buf, static_cast<std::size_t>(n));
    while (!chunk.empty()) {
      std::size_t nl = chunk.find('\n');
      std::string_view piece = chunk.substr(0, nl);
      if (!cut) {
        std::size_t room = max_line > carry.size() ? max_line - carry.size() : 0;
        if (piece.size() > room) {
          carry.append(piece.substr(0, room));
          cut = true;
        } else {
          carry.append(piece);
        }
      }
      if (nl == std::string_view::npos) break;
      std::string_view line = carry;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      f(line);
      carry.clear();
      cut = false;
      chunk.remove_prefix(nl + 1);
    }
  }
  if (!carry.empty()) f(carry);
  return OkStatus();
}

}  // namespace sendguard
