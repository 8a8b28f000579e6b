#include "util/object_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace sendguard {
namespace {

struct Thing {
  int serial;
  std::atomic<int> users{0};  // threads using it at once
};

class ObjectPoolTest : public ::testing::Test {
 protected:
  std::unique_ptr<Thing> Make() {
    auto t = std::make_unique<Thing>();
    t->serial = made_.fetch_add(1);
    return t;
  }
  auto Maker() {
    return [this] { return Make(); };
  }
  std::atomic<int> made_{0};
};

TEST_F(ObjectPoolTest, ReturnedObjectsAreReused) {
  ObjectPool<Thing> pool;
  Thing* first;
  {
    ObjectPool<Thing>::Loan a = pool.Borrow("k", Maker());
    ASSERT_TRUE(a);
    first = a.get();
    EXPECT_EQ(pool.idle(), 0u);
  }
  EXPECT_EQ(pool.idle(), 1u);
  ObjectPool<Thing>::Loan b = pool.Borrow("k", Maker());
  EXPECT_EQ(b.get(), first);
  EXPECT_EQ(made_.load(), 1);
  EXPECT_EQ(pool.idle(), 0u);
}

TEST_F(ObjectPoolTest, ObjectsOnLoanAreNeverLentTwice) {
  ObjectPool<Thing> pool;
  ObjectPool<Thing>::Loan a = pool.Borrow("k", Maker());
  ObjectPool<Thing>::Loan b = pool.Borrow("k", Maker());
  EXPECT_NE(a.get(), b.get());
  EXPECT_EQ(made_.load(), 2);
}

TEST_F(ObjectPoolTest, KeysKeepTheirOwnObjects) {
  ObjectPool<Thing> pool;
  { auto a = pool.Borrow("utf-8", Maker()); }
  auto b = pool.Borrow("koi8-r", Maker());
  EXPECT_EQ(made_.load(), 2);
  EXPECT_EQ(pool.idle(), 1u);
}

TEST_F(ObjectPoolTest, IdleObjectsAndKeysAreBounded) {
  ObjectPool<Thing> pool(/*max_keys=*/2, /*max_idle=*/2);
  {
    auto a = pool.Borrow("k", Maker()), b = pool.Borrow("k", Maker()),
         c = pool.Borrow("k", Maker());
  }
  EXPECT_EQ(pool.idle(), 2u);
  { auto d = pool.Borrow("other", Maker()); }
  EXPECT_EQ(pool.idle(), 3u);
  { auto e = pool.Borrow("third", Maker()); }  // a third key: the rest is dropped
  EXPECT_EQ(pool.idle(), 1u);
}

TEST_F(ObjectPoolTest, FailedMakesGiveEmptyLoansAndKeepNothing) {
  ObjectPool<Thing> pool;
  {
    auto a = pool.Borrow("bad", [] { return std::unique_ptr<Thing>(); });
    EXPECT_FALSE(a);
  }
  EXPECT_EQ(pool.idle(), 0u);
}

TEST_F(ObjectPoolTest, MovedLoansGiveBackOnce) {
  ObjectPool<Thing> pool;
  {
    auto a = pool.Borrow("k", Maker());
    ObjectPool<Thing>::Loan b = std::move(a);
    ObjectPool<Thing>::Loan c;
    c = std::move(b);
    EXPECT_TRUE(c);
  }
  EXPECT_EQ(pool.idle(), 1u);
}

TEST_F(ObjectPoolTest, ManyThreadsShareFewObjectsOneAtATime) {
  ObjectPool<Thing> pool;
  constexpr int kThreads = 8, kRounds = 2000;
  std::atomic<int> overlaps{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kRounds; ++i) {
        auto loan = pool.Borrow(i % 2 ? "a" : "b", Maker());
        if (loan->users.fetch_add(1) != 0) overlaps.fetch_add(1);
        loan->users.fetch_sub(1);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(overlaps.load(), 0);
  // Never more objects than could be on loan at once, per key.
  EXPECT_LE(made_.load(), 2 * kThreads);
  EXPECT_EQ(pool.idle(), static_cast<std::size_t>(made_.load()));
}

}  // namespace
}  // namespace sendguard
