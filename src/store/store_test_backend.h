// The back ends every store test runs against. A test gets a fresh, empty
// store address from its back end, opens it through OpenStores (again, to
// see what survives a restart) and leaves the cleaning to the back end. A
// new back end (PostgreSQL) adds itself to StoreTestBackends() and must pass
// the same tests.

#ifndef SENDGUARD_STORE_STORE_TEST_BACKEND_H_
#define SENDGUARD_STORE_STORE_TEST_BACKEND_H_

#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "store/stores.h"

namespace sendguard::testing {

struct StoreTestBackend {
  std::string name;  // part of the test names: letters and digits
  // The address of a new, empty store for the test called `test`.
  std::function<std::string(const std::string& test)> make_address;
  // Removes what a test left at `address`.
  std::function<void(const std::string& address)> remove;
};

// Prints the back end's name (for gtest's messages and ctest's test names).
void PrintTo(const StoreTestBackend& backend, std::ostream* os);

// Every back end built into this binary.
std::vector<StoreTestBackend> StoreTestBackends();

// The name gtest gives an instantiation over `info.param`.
std::string StoreTestBackendName(const ::testing::TestParamInfo<StoreTestBackend>& info);

// A fixture for store suites: a fresh address per test, removed after it.
class StoreTest : public ::testing::TestWithParam<StoreTestBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // The stores at this test's address (failing the test when they cannot
  // be opened).
  Stores Open(StoreSelection which = kAllStores);
  const std::string& address() const { return address_; }

 private:
  std::string address_;
};

}  // namespace sendguard::testing

#endif  // SENDGUARD_STORE_STORE_TEST_BACKEND_H_
