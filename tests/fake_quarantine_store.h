// An in-memory quarantine for tests and fuzzers: keeps held messages, or
// refuses every hold when `refuse` is set.

#ifndef SENDGUARD_TESTS_FAKE_QUARANTINE_STORE_H_
#define SENDGUARD_TESTS_FAKE_QUARANTINE_STORE_H_

#include <map>
#include <string>
#include <vector>

#include "store/quarantine_store.h"

namespace sendguard::testing {

class FakeQuarantineStore : public QuarantineStore {
 public:
  bool refuse = false;
  std::vector<HeldMessage> held;

  Result<std::string> Hold(HeldMessage m) override {
    if (refuse) return UnavailableError("disk full");
    m.id = "id" + std::to_string(held.size());
    held.push_back(m);
    return m.id;
  }
  Result<std::vector<HeldMessage>> List(std::string_view, std::string_view, int, int) override {
    return held;
  }
  Result<std::map<std::string, std::int64_t>> CountByStatus() override {
    return std::map<std::string, std::int64_t>{{"held", static_cast<std::int64_t>(held.size())}};
  }
  Result<HeldMessage> Get(std::string_view) override { return NotFoundError("no"); }
  Status Transition(std::string_view, HeldStatus, HeldStatus, std::string_view,
                    std::string_view) override {
    return Status();
  }
  Status AddEvent(std::string_view, std::string_view, std::string_view, std::string_view) override {
    return Status();
  }
  Result<std::vector<QuarantineEvent>> Events(int, std::int64_t) override {
    return std::vector<QuarantineEvent>{};
  }
};

}  // namespace sendguard::testing

#endif  // SENDGUARD_TESTS_FAKE_QUARANTINE_STORE_H_
