// The decision journal: one JSON line per decision (or failure to decide),
// appended to a file, for whatever reads decisions later (a SIEM, `jq`).
// Lines are written with one write(2) on an O_APPEND descriptor, so
// concurrent writers never interleave and need no lock.

#ifndef SENDGUARD_SERVICE_JOURNAL_H_
#define SENDGUARD_SERVICE_JOURNAL_H_

#include <string>
#include <string_view>

#include "sendguard/status.h"

namespace sendguard {

class DecisionJournal {
 public:
  // Opens (creating, mode 0640) `path` for appending.
  static Result<DecisionJournal> Open(const std::string& path);
  DecisionJournal(DecisionJournal&& other) noexcept
      : fd_(other.fd_), path_(std::move(other.path_)) {
    other.fd_ = -1;
  }
  DecisionJournal& operator=(DecisionJournal&&) = delete;
  ~DecisionJournal();

  // Appends `line` and a newline. Fails when the disk refuses.
  Status Append(std::string_view line) const;

 private:
  DecisionJournal(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_JOURNAL_H_
