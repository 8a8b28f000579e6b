// A compact on-disk copy of every sender's contacts, mapped into memory and
// read in place. A look-up hashes the sender and binary-searches inside that
// sender's block, touching a few pages: judging against 10^8 sender/recipient
// pairs costs about what it costs against 10^6, and no process holds them in
// its heap (the kernel's page cache shares them between processes).
//
// Layout, little-endian, every field 4-byte aligned:
//   header  "SGCIDX02", u64 version, u64 slots, u64 senders, u64 pairs,
//           u64 table offset, u64 file size, u64 reserved
//   table   `slots` entries of {u64 hash, u64 block offset}, open addressing
//           with linear probing; hash 0 marks an empty slot
//   block   u32 sender length, u32 contacts, u32 names, u32 groups,
//           u32 pool size, contacts {u32 address offset, u32 length, u32
//           domain start, u32 messages} in (domain, address) order, names
//           {u32 key offset, u32 length, u32 contact} in
//           SenderContacts::names() order, groups {u64 signature, u32
//           messages, u32 0} by signature, then the pool: the sender, the
//           addresses, the keys
// A damaged file is refused at Open when its header or table is wrong, and
// reads inside a block are bounds-checked: a damaged block reads as fewer
// contacts, never outside the mapping.

#ifndef SENDGUARD_CONTACTS_CONTACT_INDEX_H_
#define SENDGUARD_CONTACTS_CONTACT_INDEX_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "contacts/sender_contacts.h"
#include "sendguard/status.h"
#include "util/mapped_file.h"

namespace sendguard {

class ContactIndex : public std::enable_shared_from_this<ContactIndex> {
 public:
  // Maps the index at `path`: NotFound when there is none, an error naming
  // the file when it is not a readable index.
  static Result<std::shared_ptr<const ContactIndex>> Open(const std::string& path);
  ~ContactIndex();
  ContactIndex(const ContactIndex&) = delete;
  ContactIndex& operator=(const ContactIndex&) = delete;

  // The contacts of `sender` (an address, lower-cased), or null when the
  // index has none. The view keeps the mapping alive. Thread-safe.
  std::shared_ptr<const ContactView> Find(std::string_view sender) const;
  // Calls `visit` for every sender whose block reads, in table order.
  void ForEachSender(
      const std::function<void(std::string_view sender, const ContactView& contacts)>& visit) const;

  // Reads the whole mapping once, so that the look-ups after it neither
  // wait for the disk nor fault pages in (about a second per GB); returns
  // the bytes touched.
  std::size_t Warm() const;

  // The store's version the index was written from (ContactStore::Version).
  std::uint64_t version() const { return version_; }
  std::uint64_t senders() const { return senders_; }
  std::uint64_t pairs() const { return pairs_; }

 private:
  ContactIndex() = default;
  class Block;

  std::optional<MappedFile> file_;
  const char* data_ = nullptr;  // file_'s bytes
  std::size_t size_ = 0;
  std::uint64_t version_ = 0, slots_ = 0, senders_ = 0, pairs_ = 0, table_ = 0;
};

// Writes an index, one sender at a time, with memory for the sender table
// only (16 bytes a sender). The file appears at `path` on Finish, whole or
// not at all.
class ContactIndexWriter {
 public:
  // Starts writing `path` (as `path`.tmp until Finish).
  static Result<std::unique_ptr<ContactIndexWriter>> Create(const std::string& path);
  ~ContactIndexWriter();  // removes the unfinished file

  // Adds `sender`'s (lower-cased) contacts; each sender once.
  Status Add(std::string_view sender, const SenderContacts& contacts);
  // Writes the table and header for store version `version` and moves the
  // file into place.
  Status Finish(std::uint64_t version);

 private:
  ContactIndexWriter(std::string path, std::FILE* file) : path_(std::move(path)), file_(file) {}
  Status Write(const void* data, std::size_t n);

  std::string path_;
  std::FILE* file_ = nullptr;
  std::uint64_t offset_ = 0, pairs_ = 0;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> blocks_;  // hash, offset
};

// The index kept beside the store at `store_path`.
std::string ContactIndexPath(const std::string& store_path);

}  // namespace sendguard

#endif  // SENDGUARD_CONTACTS_CONTACT_INDEX_H_
