#include "contacts/contact_index.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>

#include "util/fnv1a.h"
#include "util/mapped_file.h"

namespace sendguard {
namespace {

constexpr char kMagic[8] = {'S', 'G', 'C', 'I', 'D', 'X', '0', '2'};
constexpr std::size_t kHeaderSize = 64;
constexpr std::size_t kSlotSize = 16;
constexpr std::size_t kBlockHeader = 20;
constexpr std::size_t kContactSize = 16;
constexpr std::size_t kNameSize = 12;
constexpr std::size_t kGroupSize = 16;

static_assert(std::endian::native == std::endian::little, "the index is little-endian");

// FNV-1a; never 0, which marks an empty slot.
std::uint64_t HashOf(std::string_view s) {
  const std::uint64_t h = Fnv1a(s);
  return h == 0 ? 1 : h;
}

std::uint32_t U32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
std::uint64_t U64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
void Put32(std::string* out, std::uint32_t v) { out->append(reinterpret_cast<char*>(&v), 4); }
void Put64(std::string* out, std::uint64_t v) { out->append(reinterpret_cast<char*>(&v), 8); }

std::uint32_t Saturated(std::uint64_t v) {
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(v, 0xffffffffu));
}

// The first i in [0, n) for which `before(i)` is false; `before` holds for a
// prefix of the range (a binary search over sorted entries).
template <typename Before>
std::size_t FirstNotBefore(std::size_t n, Before before) {
  std::size_t lo = 0, hi = n;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (before(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

}  // namespace

// One sender's block, read in place.
class ContactIndex::Block : public ContactView {
 public:
  // Null unless the block at `offset` fits in the mapping.
  static std::shared_ptr<const Block> At(std::shared_ptr<const ContactIndex> index,
                                         std::uint64_t offset) {
    const std::size_t size = index->size_;
    if (offset < kHeaderSize || offset > size || size - offset < kBlockHeader) return nullptr;
    const char* p = index->data_ + offset;
    const std::uint64_t sender = U32(p), contacts = U32(p + 4), names = U32(p + 8),
                        groups = U32(p + 12), pool = U32(p + 16);
    const std::uint64_t need =
        kBlockHeader + contacts * kContactSize + names * kNameSize + groups * kGroupSize + pool;
    if (need > size - offset || sender > pool) return nullptr;
    auto b = std::shared_ptr<Block>(new Block);
    b->index_ = std::move(index);
    b->contacts_ = p + kBlockHeader;
    b->count_ = contacts;
    b->names_ = b->contacts_ + contacts * kContactSize;
    b->name_count_ = names;
    b->groups_ = b->names_ + names * kNameSize;
    b->group_count_ = groups;
    b->pool_ = b->groups_ + groups * kGroupSize;
    b->pool_size_ = pool;
    b->sender_ = std::string_view(b->pool_, sender);
    return b;
  }

  std::string_view sender() const { return sender_; }

  bool Knows(std::string_view address) const override {
    const std::string_view domain = DomainOf(address);
    const std::size_t lo = FirstNotBefore(count_, [&](std::size_t i) {
      const std::string_view d = DomainAt(i);
      return d < domain || (d == domain && Address(i) < address);
    });
    return lo < count_ && Address(lo) == address;
  }

  void ForEachInDomain(std::string_view domain, const DomainVisitor& visit) const override {
    const std::size_t lo =
        FirstNotBefore(count_, [&](std::size_t i) { return DomainAt(i) < domain; });
    for (std::size_t i = lo; i < count_ && DomainAt(i) == domain; ++i)
      visit(Address(i), Messages(i));
  }

  std::optional<Known> Named(std::string_view name_key, std::string_view except) const override {
    if (name_key.empty()) return std::nullopt;
    const std::size_t lo =
        FirstNotBefore(name_count_, [&](std::size_t i) { return Key(i) < name_key; });
    for (std::size_t i = lo; i < name_count_ && Key(i) == name_key; ++i) {
      const std::uint32_t c = U32(names_ + i * kNameSize + 8);
      if (c >= count_) continue;
      const std::string_view a = Address(c);
      if (a != except) return Known{a, Messages(c)};
    }
    return std::nullopt;
  }

  std::uint64_t GroupMessages(std::uint64_t signature) const override {
    const std::size_t lo = FirstNotBefore(
        group_count_, [&](std::size_t i) { return U64(groups_ + i * kGroupSize) < signature; });
    if (lo < group_count_ && U64(groups_ + lo * kGroupSize) == signature) {
      return U32(groups_ + lo * kGroupSize + 8);
    }
    return 0;
  }

  bool empty() const override { return count_ == 0; }

 private:
  Block() = default;
  std::string_view Pool(std::uint32_t off, std::uint32_t len) const {
    if (off > pool_size_ || len > pool_size_ - off) return {};
    return std::string_view(pool_ + off, len);
  }
  std::string_view Address(std::size_t i) const {
    const char* e = contacts_ + i * kContactSize;
    return Pool(U32(e), U32(e + 4));
  }
  // Its domain, by the offset the writer stored (no search for the '@').
  std::string_view DomainAt(std::size_t i) const {
    const std::string_view a = Address(i);
    const std::uint32_t start = U32(contacts_ + i * kContactSize + 8);
    return start <= a.size() ? a.substr(start) : std::string_view();
  }
  std::uint64_t Messages(std::size_t i) const { return U32(contacts_ + i * kContactSize + 12); }
  std::string_view Key(std::size_t i) const {
    const char* e = names_ + i * kNameSize;
    return Pool(U32(e), U32(e + 4));
  }

  std::shared_ptr<const ContactIndex> index_;  // keeps the mapping
  const char* contacts_ = nullptr;
  const char* names_ = nullptr;
  const char* groups_ = nullptr;
  const char* pool_ = nullptr;
  std::size_t count_ = 0, name_count_ = 0, group_count_ = 0, pool_size_ = 0;
  std::string_view sender_;
};

Result<std::shared_ptr<const ContactIndex>> ContactIndex::Open(const std::string& path) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) {
    if (file.status().code() == StatusCode::kNotFound) {
      return NotFoundError("no contact index at " + path);
    }
    return Status(file.status().code(), "cannot read contact index " + file.status().message());
  }
  if (file->data().size() < kHeaderSize) {
    return InvalidArgumentError(path + " is not a sendguard contact index (too short)");
  }
  std::shared_ptr<ContactIndex> index(new ContactIndex);
  index->file_.emplace(std::move(file).value());
  index->data_ = index->file_->data().data();
  index->size_ = index->file_->data().size();
  ::madvise(const_cast<char*>(index->data_), index->size_, MADV_RANDOM);
  const char* h = index->data_;
  auto bad = [&](const std::string& why) {
    return InvalidArgumentError(path + " is not a readable sendguard contact index: " + why);
  };
  if (std::memcmp(h, kMagic, sizeof kMagic) != 0) return bad("wrong magic");
  index->version_ = U64(h + 8);
  index->slots_ = U64(h + 16);
  index->senders_ = U64(h + 24);
  index->pairs_ = U64(h + 32);
  index->table_ = U64(h + 40);
  if (U64(h + 48) != index->size_) return bad("its size is not the size it was written with");
  if (index->slots_ == 0 || !std::has_single_bit(index->slots_) ||
      index->senders_ > index->slots_ || index->table_ < kHeaderSize ||
      index->table_ > index->size_ || (index->size_ - index->table_) / kSlotSize < index->slots_) {
    return bad("its sender table does not fit");
  }
  return std::shared_ptr<const ContactIndex>(std::move(index));
}

ContactIndex::~ContactIndex() = default;

std::shared_ptr<const ContactView> ContactIndex::Find(std::string_view sender) const {
  const std::uint64_t hash = HashOf(sender);
  const std::uint64_t mask = slots_ - 1;
  for (std::uint64_t i = 0, slot = hash & mask; i < slots_; ++i, slot = (slot + 1) & mask) {
    const char* s = data_ + table_ + slot * kSlotSize;
    const std::uint64_t h = U64(s);
    if (h == 0) return nullptr;
    if (h != hash) continue;
    std::shared_ptr<const Block> b = Block::At(shared_from_this(), U64(s + 8));
    if (b != nullptr && b->sender() == sender) return b;
  }
  return nullptr;
}

std::size_t ContactIndex::Warm() const {
  ::madvise(const_cast<char*>(data_), size_, MADV_WILLNEED);
  const long page = ::sysconf(_SC_PAGESIZE);
  const std::size_t step = page > 0 ? static_cast<std::size_t>(page) : 4096;
  volatile char sink = 0;
  for (std::size_t at = 0; at < size_; at += step) sink = sink + data_[at];
  return size_;
}

void ContactIndex::ForEachSender(
    const std::function<void(std::string_view sender, const ContactView& contacts)>& visit) const {
  for (std::uint64_t slot = 0; slot < slots_; ++slot) {
    const char* s = data_ + table_ + slot * kSlotSize;
    if (U64(s) == 0) continue;
    if (std::shared_ptr<const Block> b = Block::At(shared_from_this(), U64(s + 8))) {
      visit(b->sender(), *b);
    }
  }
}

Result<std::unique_ptr<ContactIndexWriter>> ContactIndexWriter::Create(const std::string& path) {
  std::FILE* f = std::fopen((path + ".tmp").c_str(), "wb");
  if (f == nullptr) {
    return UnavailableError("cannot write contact index " + path + ".tmp: " + std::strerror(errno));
  }
  std::unique_ptr<ContactIndexWriter> w(new ContactIndexWriter(path, f));
  const std::string header(kHeaderSize, '\0');  // written again by Finish
  if (Status s = w->Write(header.data(), header.size()); !s.ok()) return s;
  return w;
}

ContactIndexWriter::~ContactIndexWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ec;
    std::filesystem::remove(path_ + ".tmp", ec);
  }
}

Status ContactIndexWriter::Write(const void* data, std::size_t n) {
  if (file_ == nullptr) return FailedPreconditionError("the contact index is finished");
  if (n > 0 && std::fwrite(data, 1, n, file_) != n) {
    return UnavailableError("cannot write contact index " + path_ +
                            ".tmp: " + std::strerror(errno));
  }
  offset_ += n;
  return OkStatus();
}

Status ContactIndexWriter::Add(std::string_view sender, const SenderContacts& contacts) {
  const std::vector<Contact>& cs = contacts.contacts();
  const std::vector<SenderContacts::NameEntry>& names = contacts.names();
  std::string pool(sender);
  std::string entries;
  entries.reserve(cs.size() * kContactSize + names.size() * kNameSize +
                  contacts.groups().size() * kGroupSize);
  auto fits = [&](std::size_t more) {
    return pool.size() + more <= std::numeric_limits<std::uint32_t>::max();
  };
  for (const Contact& c : cs) {
    if (!fits(c.address.size())) return ResourceExhaustedError("a sender's block is over 4 GB");
    Put32(&entries, static_cast<std::uint32_t>(pool.size()));
    Put32(&entries, static_cast<std::uint32_t>(c.address.size()));
    Put32(&entries, static_cast<std::uint32_t>(c.address.size() - DomainOf(c.address).size()));
    Put32(&entries, Saturated(c.messages));
    pool += c.address;
  }
  for (const SenderContacts::NameEntry& n : names) {
    if (!fits(n.key.size())) return ResourceExhaustedError("a sender's block is over 4 GB");
    Put32(&entries, static_cast<std::uint32_t>(pool.size()));
    Put32(&entries, static_cast<std::uint32_t>(n.key.size()));
    Put32(&entries, n.contact);
    pool += n.key;
  }
  for (const GroupCount& g : contacts.groups()) {
    Put64(&entries, g.signature);
    Put32(&entries, Saturated(g.messages));
    Put32(&entries, 0);
  }
  pool.resize((pool.size() + 3) & ~std::size_t{3}, '\0');  // keeps the next block aligned
  std::string head;
  Put32(&head, static_cast<std::uint32_t>(sender.size()));
  Put32(&head, static_cast<std::uint32_t>(cs.size()));
  Put32(&head, static_cast<std::uint32_t>(names.size()));
  Put32(&head, static_cast<std::uint32_t>(contacts.groups().size()));
  Put32(&head, static_cast<std::uint32_t>(pool.size()));
  blocks_.emplace_back(HashOf(sender), offset_);
  pairs_ += cs.size();
  if (Status s = Write(head.data(), head.size()); !s.ok()) return s;
  if (Status s = Write(entries.data(), entries.size()); !s.ok()) return s;
  return Write(pool.data(), pool.size());
}

Status ContactIndexWriter::Finish(std::uint64_t version) {
  const std::uint64_t slots = std::bit_ceil(std::max<std::uint64_t>(16, blocks_.size() * 2));
  std::vector<std::pair<std::uint64_t, std::uint64_t>> table(slots, {0, 0});
  for (const auto& [hash, offset] : blocks_) {
    std::uint64_t slot = hash & (slots - 1);
    while (table[slot].first != 0) slot = (slot + 1) & (slots - 1);
    table[slot] = {hash, offset};
  }
  const std::uint64_t table_offset = offset_;
  std::string out;
  out.reserve(slots * kSlotSize);
  for (const auto& [hash, offset] : table) {
    Put64(&out, hash);
    Put64(&out, offset);
  }
  if (Status s = Write(out.data(), out.size()); !s.ok()) return s;
  std::string header(kMagic, sizeof kMagic);
  for (std::uint64_t v : {version, slots, std::uint64_t{blocks_.size()}, pairs_, table_offset,
                          offset_, std::uint64_t{0}}) {
    Put64(&header, v);
  }
  const bool written = std::fseek(file_, 0, SEEK_SET) == 0 &&
                       std::fwrite(header.data(), 1, header.size(), file_) == header.size() &&
                       std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const int closed = std::fclose(file_);
  file_ = nullptr;
  std::error_code ec;
  if (!written || closed != 0) {
    std::filesystem::remove(path_ + ".tmp", ec);
    return UnavailableError("cannot write contact index " + path_ +
                            ".tmp: " + std::strerror(errno));
  }
  std::filesystem::rename(path_ + ".tmp", path_, ec);
  if (ec) {
    std::filesystem::remove(path_ + ".tmp", ec);
    return UnavailableError("cannot move the contact index into place at " + path_);
  }
  return OkStatus();
}

std::string ContactIndexPath(const std::string& store_path) { return store_path + ".contacts"; }

}  // namespace sendguard
