// Walking the storages and streams of an OLE2 compound file held in memory,
// with libgsf, within the message's limits.

#ifndef SENDGUARD_FORMATS_OLE2_STORAGE_H_
#define SENDGUARD_FORMATS_OLE2_STORAGE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/budget.h"

namespace sendguard {

struct Ole2Stream {
  std::string name;  // UTF-8, control characters kept ("\1Ole10Native")
  std::string data;  // its bytes, cut at max_member_bytes (recorded)
};

// Called once per storage with its path below the root ("" for the root,
// "ObjectPool/_1234" below it) and the streams it holds directly.
using StorageVisitor =
    std::function<void(const std::string& path, std::vector<Ole2Stream>& streams)>;

// Walks the compound file `data` (not copied), reported under `label`: each
// storage's streams are read and handed to `visit`, then its storages are
// walked, at most `max_depth` storages deep ("depth" hit). Every stream
// takes an archive member and its size in expanded bytes from `budget`; a
// stream beyond max_member_bytes is cut ("member-size"); time is checked per
// stream. Returns false, with libgsf's reason in `error`, when `data` cannot
// be opened as a compound file.
bool WalkOle2(std::string_view data, const std::string& label, int max_depth, Budget& budget,
              const StorageVisitor& visit, std::string* error);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_OLE2_STORAGE_H_
