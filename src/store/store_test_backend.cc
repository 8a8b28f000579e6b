#include "store/store_test_backend.h"

#include <unistd.h>

#include <cctype>
#include <filesystem>

namespace sendguard::testing {
namespace {

StoreTestBackend SqliteBackend() {
  StoreTestBackend b;
  b.name = "Sqlite";
  b.make_address = [](const std::string& test) {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("sendguard_store_" + std::to_string(::getpid()) + "_" + test + ".db"))
                           .string();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
    return path;
  };
  b.remove = [](const std::string& path) {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  };
  return b;
}

}  // namespace

void PrintTo(const StoreTestBackend& backend, std::ostream* os) { *os << backend.name; }

std::vector<StoreTestBackend> StoreTestBackends() { return {SqliteBackend()}; }

std::string StoreTestBackendName(const ::testing::TestParamInfo<StoreTestBackend>& info) {
  return info.param.name;
}

void StoreTest::SetUp() {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(test->test_suite_name()) + "_" + test->name();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  address_ = GetParam().make_address(name);
}

void StoreTest::TearDown() { GetParam().remove(address_); }

Stores StoreTest::Open(StoreSelection which) {
  Result<Stores> s = OpenStores(address_, which);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : Stores{};
}

}  // namespace sendguard::testing
