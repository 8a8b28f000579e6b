#include "mail/message_source.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>
#include <vector>

#include "mail/mbox.h"
#include "util/mapped_file.h"

namespace sendguard {
namespace {

namespace fs = std::filesystem;

void VisitFile(const std::string& path, const MessageVisitor& visit,
               const SourceErrorVisitor& on_error) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) {
    on_error(path, file.status());
    return;
  }
  std::string_view data = file->data();
  if (!LooksLikeMbox(data, path)) {
    visit(path, data);
    return;
  }
  MboxReader reader(data);
  std::string_view raw;
  while (reader.Next(&raw)) visit(path + "#" + std::to_string(reader.index()), raw);
}

std::vector<fs::path> SortedEntries(const fs::path& dir, const SourceErrorVisitor& on_error) {
  std::vector<fs::path> entries;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    on_error(dir.string(), UnavailableError(dir.string() + ": " + ec.message()));
    return entries;
  }
  for (const fs::directory_entry& e : it) {
    std::string name = e.path().filename().string();
    if (!name.empty() && name[0] == '.') continue;
    entries.push_back(e.path());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

// The directories already walked, by device and inode, so that a symlink
// back up the tree (or two links to one folder) is walked once.
using Seen = std::set<std::pair<dev_t, ino_t>>;

bool FirstVisit(const fs::path& dir, Seen* seen) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return true;  // the walk reports what it cannot read
  return seen->insert({st.st_dev, st.st_ino}).second;
}

void VisitPath(const fs::path& path, const MessageVisitor& visit,
               const SourceErrorVisitor& on_error, int depth, Seen* seen) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) {
    on_error(path.string(), NotFoundError(path.string() + ": " + ec.message()));
    return;
  }
  if (fs::is_regular_file(st)) {
    VisitFile(path.string(), visit, on_error);
    return;
  }
  if (!fs::is_directory(st)) {
    on_error(path.string(), InvalidArgumentError(path.string() + ": not a file or directory"));
    return;
  }
  if (depth > 32) {
    on_error(path.string(),
             ResourceExhaustedError(path.string() + ": directories nested too deep"));
    return;
  }
  if (!FirstVisit(path, seen)) return;
  bool maildir = fs::is_directory(path / "cur", ec) || fs::is_directory(path / "new", ec);
  if (maildir) {
    for (const char* sub : {"cur", "new"}) {
      fs::path d = path / sub;
      if (!fs::is_directory(d, ec)) continue;
      for (const fs::path& f : SortedEntries(d, on_error)) {
        if (fs::is_regular_file(f, ec)) VisitFile(f.string(), visit, on_error);
      }
    }
    return;
  }
  for (const fs::path& p : SortedEntries(path, on_error)) {
    VisitPath(p, visit, on_error, depth + 1, seen);
  }
}

}  // namespace

void ForEachMessage(const std::string& path, const MessageVisitor& visit,
                    const SourceErrorVisitor& on_error) {
  Seen seen;
  VisitPath(fs::path(path), visit, on_error, 0, &seen);
}

}  // namespace sendguard
