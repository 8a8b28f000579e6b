#include "formats/ole2_storage.h"

#include <gsf/gsf.h>

#include <memory>

namespace sendguard {
namespace {

struct Unref {
  void operator()(void* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
using InputPtr = std::unique_ptr<GsfInput, Unref>;
using InfilePtr = std::unique_ptr<GsfInfile, Unref>;

class Walker {
 public:
  Walker(const std::string& label, int max_depth, Budget& budget, const StorageVisitor& visit)
      : label_(label), max_depth_(max_depth), budget_(budget), visit_(visit) {}

  // False once a limit stops the walk.
  bool Walk(GsfInfile* dir, const std::string& path, int depth) {
    const int n = gsf_infile_num_children(dir);
    std::vector<Ole2Stream> streams;
    std::vector<std::pair<InfilePtr, std::string>> storages;
    for (int i = 0; i < n; ++i) {
      InputPtr child(gsf_infile_child_by_index(dir, i));
      if (!child) continue;
      const char* raw_name = gsf_infile_name_by_index(dir, i);
      const std::string name = raw_name != nullptr ? raw_name : "";
      const std::string child_path = path.empty() ? name : path + "/" + name;
      if (GSF_IS_INFILE(child.get()) && gsf_infile_num_children(GSF_INFILE(child.get())) >= 0) {
        storages.emplace_back(InfilePtr(GSF_INFILE(child.release())), child_path);
        continue;
      }
      const std::string where = label_ + "/" + child_path;
      if (!budget_.HasTime(where) || !budget_.TakeArchiveMember(label_)) return false;
      const gsf_off_t size = gsf_input_size(child.get());
      if (size < 0) continue;
      std::size_t take = static_cast<std::size_t>(size);
      if (take > budget_.limits().max_member_bytes) {
        take = budget_.limits().max_member_bytes;
        budget_.Hit("member-size", where,
                    "stream of " + std::to_string(size) + " bytes cut at " + std::to_string(take) +
                        "; the rest was not inspected");
      }
      if (!budget_.TakeExpanded(take, label_)) return false;
      Ole2Stream s;
      s.name = name;
      s.data.resize(take);
      if (take > 0 &&
          gsf_input_read(child.get(), take, reinterpret_cast<guint8*>(s.data.data())) == nullptr) {
        budget_.Defect("ole2-stream-unreadable", where);
        s.data.clear();
      }
      streams.push_back(std::move(s));
    }
    visit_(path, streams);
    streams.clear();
    for (auto& [storage, child_path] : storages) {
      if (depth + 1 > max_depth_) {
        budget_.Hit(
            "depth", label_ + "/" + child_path,
            "storages nested deeper than " + std::to_string(max_depth_) + " were not inspected");
        continue;
      }
      if (!Walk(storage.get(), child_path, depth + 1)) return false;
    }
    return true;
  }

 private:
  const std::string& label_;
  int max_depth_;
  Budget& budget_;
  const StorageVisitor& visit_;
};

}  // namespace

bool WalkOle2(std::string_view data, const std::string& label, int max_depth, Budget& budget,
              const StorageVisitor& visit, std::string* error) {
  InputPtr input(gsf_input_memory_new(reinterpret_cast<const guint8*>(data.data()),
                                      static_cast<gsf_off_t>(data.size()), FALSE));
  if (!input) {
    *error = "cannot read the bytes";
    return false;
  }
  GError* err = nullptr;
  InfilePtr ole(gsf_infile_msole_new(input.get(), &err));
  if (!ole) {
    *error = err != nullptr && err->message != nullptr ? err->message : "not a compound file";
    if (err != nullptr) g_error_free(err);
    return false;
  }
  Walker(label, max_depth, budget, visit).Walk(ole.get(), "", 0);
  return true;
}

}  // namespace sendguard
