// A fixed-size, zero-initialised array in anonymous memory that asks the
// kernel for transparent huge pages: for large hash tables read at random,
// where 4 KiB pages would cost a TLB miss on nearly every probe.

#ifndef SENDGUARD_UTIL_HUGE_ARRAY_H_
#define SENDGUARD_UTIL_HUGE_ARRAY_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

namespace sendguard {

template <typename T>
class HugeArray {
  static_assert(std::is_trivial_v<T>, "HugeArray holds trivial types only");

 public:
  HugeArray() = default;
  // `n` zero elements. Throws std::bad_alloc when memory cannot be mapped.
  explicit HugeArray(std::size_t n) : size_(n) {
    if (n == 0) return;
    bytes_ = n * sizeof(T);
    // Below a huge page, ordinary pages waste less than a huge one would.
    const bool huge = bytes_ >= kHuge;
    if (huge) bytes_ = (bytes_ + kHuge - 1) / kHuge * kHuge;
    // Huge pages only back 2 MiB-aligned ranges: map one page more and align.
    mapped_ = huge ? bytes_ + kHuge : bytes_;
    void* p = mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    base_ = p;
    auto aligned = reinterpret_cast<std::uintptr_t>(p);
    if (huge) {
      aligned = (aligned + kHuge - 1) & ~(kHuge - 1);
      madvise(reinterpret_cast<void*>(aligned), bytes_, MADV_HUGEPAGE);  // a hint; fine if refused
    }
    data_ = reinterpret_cast<T*>(aligned);
  }
  HugeArray(HugeArray&& o) noexcept { *this = std::move(o); }
  HugeArray& operator=(HugeArray&& o) noexcept {
    if (this != &o) {
      Release();
      data_ = std::exchange(o.data_, nullptr);
      base_ = std::exchange(o.base_, nullptr);
      size_ = std::exchange(o.size_, 0);
      bytes_ = std::exchange(o.bytes_, 0);
      mapped_ = std::exchange(o.mapped_, 0);
    }
    return *this;
  }
  HugeArray(const HugeArray&) = delete;
  HugeArray& operator=(const HugeArray&) = delete;
  ~HugeArray() { Release(); }

  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  std::size_t size() const { return size_; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  std::size_t bytes() const { return bytes_; }

 private:
  static constexpr std::size_t kHuge = std::size_t{2} << 20;
  void Release() {
    if (base_ != nullptr) munmap(base_, mapped_);
    base_ = nullptr;
    data_ = nullptr;
  }
  T* data_ = nullptr;
  void* base_ = nullptr;  // the mapping, before alignment
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;
  std::size_t mapped_ = 0;
};

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_HUGE_ARRAY_H_
