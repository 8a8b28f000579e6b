#include "formats/archive_members.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <string>

#include "mail/charset.h"

namespace sendguard {
namespace {

struct ArchiveDeleter {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

ArchivePtr OpenReader(std::string_view data) {
  ArchivePtr a(archive_read_new());
  if (!a) return nullptr;
  // Formats and filters are named one by one: archive_read_support_filter_all
  // would also enable filters that run external programs.
  archive_read_support_format_zip(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_7zip(a.get());
  archive_read_support_format_rar(a.get());
  archive_read_support_format_rar5(a.get());
  archive_read_support_format_cpio(a.get());
  archive_read_support_format_raw(a.get());
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_bzip2(a.get());
  archive_read_support_filter_xz(a.get());
  archive_read_support_filter_lzma(a.get());
  archive_read_support_filter_zstd(a.get());
  archive_read_support_filter_compress(a.get());
  if (archive_read_open_memory(a.get(), data.data(), data.size()) != ARCHIVE_OK) return nullptr;
  return a;
}

bool MentionsEncryption(struct archive* a) {
  const char* err = archive_error_string(a);
  if (err == nullptr) return false;
  std::string_view e(err);
  return e.find("ncrypt") != std::string_view::npos ||
         e.find("assphrase") != std::string_view::npos;
}

std::string MemberName(struct archive_entry* entry, std::string_view single_name, bool raw_format) {
  if (raw_format && !single_name.empty()) return std::string(single_name);
  const char* utf8 = archive_entry_pathname_utf8(entry);
  if (utf8 != nullptr) return SanitizeUtf8(utf8);
  const char* name = archive_entry_pathname(entry);
  return name != nullptr ? SanitizeUtf8(name) : std::string("unnamed");
}

}  // namespace

void ReadArchive(std::string_view data, const std::string& label, std::string_view single_name,
                 Budget& budget, const MemberFilter& want, const MemberVisitor& visit) {
  ArchivePtr a = OpenReader(data);
  if (!a) {
    budget.Defect("archive-unreadable", label);
    budget.Unread("corrupt", label, "the archive could not be opened");
    return;
  }
  const Limits& limits = budget.limits();
  std::size_t expanded = 0;  // in this archive
  const std::size_t ratio_cap = static_cast<std::size_t>(
      std::max<double>(static_cast<double>(limits.max_expansion_floor),
                       limits.max_expansion_ratio * static_cast<double>(data.size())));
  std::string buffer;
  for (;;) {
    if (!budget.HasTime(label)) return;
    struct archive_entry* entry = nullptr;
    int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) return;
    if (rc < ARCHIVE_WARN) {
      if (MentionsEncryption(a.get())) {
        budget.Encrypted("archive-password", label);
      } else {
        budget.Defect("archive-corrupt", label);
        budget.Unread("corrupt", label,
                      "the archive is damaged; what follows the damage was not read");
      }
      return;
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    bool raw_format = archive_format(a.get()) == ARCHIVE_FORMAT_RAW;
    std::string name = MemberName(entry, single_name, raw_format);
    std::string where = label + "/" + name;
    if (!want(name)) continue;
    if (!budget.TakeArchiveMember(label)) return;
    if (archive_entry_is_encrypted(entry)) {
      budget.Encrypted(
          archive_format(a.get()) == ARCHIVE_FORMAT_ZIP ? "zip-password" : "archive-password",
          where);
      continue;
    }
    buffer.clear();
    bool stop = false;
    char chunk[64 * 1024];
    for (;;) {
      la_ssize_t n = archive_read_data(a.get(), chunk, sizeof(chunk));
      if (n == 0) break;
      if (n < 0) {
        if (MentionsEncryption(a.get())) {
          budget.Encrypted("archive-password", where);
        } else {
          budget.Defect("archive-corrupt", where);
          budget.Unread("corrupt", where,
                        "the member is damaged; what follows the damage was not read");
        }
        stop = buffer.empty();
        break;
      }
      std::size_t got = static_cast<std::size_t>(n);
      expanded += got;
      if (expanded > ratio_cap) {
        budget.Hit("expansion-ratio", label,
                   "archive expands beyond " + std::to_string(limits.max_expansion_ratio) +
                       "x its size; the rest was not read");
        stop = true;
        break;
      }
      if (!budget.TakeExpanded(got, label)) {
        stop = true;
        break;
      }
      if (buffer.size() + got > limits.max_member_bytes) {
        buffer.append(chunk, limits.max_member_bytes - buffer.size());
        budget.Hit("member-size", where,
                   "member larger than " + std::to_string(limits.max_member_bytes) +
                       " bytes; only its beginning was read");
        break;
      }
      buffer.append(chunk, got);
      if (!budget.HasTime(where)) {
        stop = true;
        break;
      }
    }
    if (!buffer.empty()) visit(ArchiveMember{name, buffer});
    if (stop) return;
  }
}

}  // namespace sendguard
