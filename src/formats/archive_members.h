// Reading the members of archives (zip, tar, gzip, bzip2, xz, 7z, rar) from
// memory with libarchive, within the message's limits.

#ifndef SENDGUARD_FORMATS_ARCHIVE_MEMBERS_H_
#define SENDGUARD_FORMATS_ARCHIVE_MEMBERS_H_

#include <array>
#include <functional>
#include <string>
#include <string_view>

#include "mail/budget.h"

namespace sendguard {

// The limits ReadArchive records hits of besides "time" (LimitHit::limit).
inline constexpr std::array<std::string_view, 4> kArchiveLimitNames = {
    "archive-members", "member-size", "expanded-size", "expansion-ratio"};

struct ArchiveMember {
  std::string name;       // path inside the archive, UTF-8
  std::string_view data;  // decompressed content, possibly cut by a limit
};

// Which members to read: called with each regular file's path; members it
// declines are skipped without being decompressed.
using MemberFilter = std::function<bool(std::string_view name)>;
using MemberVisitor = std::function<void(const ArchiveMember& member)>;

// Reads the archive in `data`, reported under `label`, and calls `visit` for
// each accepted regular file in archive order. Enforces max_archive_members,
// max_member_bytes, max_expanded_bytes, the expansion ratio and the time
// budget; records encrypted members and corrupt archives. `single_name` names
// the content of a bare compressed file (report.txt.gz → "report.txt").
void ReadArchive(std::string_view data, const std::string& label, std::string_view single_name,
                 Budget& budget, const MemberFilter& want, const MemberVisitor& visit);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_ARCHIVE_MEMBERS_H_
