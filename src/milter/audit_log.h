// The audit log: one JSON line per decision, appended to a file. Lines are
// written with one write(2) on an O_APPEND descriptor, so concurrent
// writers never interleave and need no lock.

#ifndef SENDGUARD_MILTER_AUDIT_LOG_H_
#define SENDGUARD_MILTER_AUDIT_LOG_H_

#include <string>
#include <string_view>

#include "sendguard/status.h"

namespace sendguard {

class AuditLog {
 public:
  // Opens (creating, mode 0640) `path` for appending.
  static Result<AuditLog> Open(const std::string& path);
  AuditLog(AuditLog&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) {
    other.fd_ = -1;
  }
  AuditLog& operator=(AuditLog&&) = delete;
  ~AuditLog();

  // Appends `line` and a newline. Fails when the disk refuses.
  Status Append(std::string_view line) const;

 private:
  AuditLog(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MILTER_AUDIT_LOG_H_
