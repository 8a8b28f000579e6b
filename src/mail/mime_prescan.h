// A cheap pass over a raw message before GMime parses it, finding where the
// first structural limit (MIME parts, header fields, the size of one field,
// addresses) would be passed. GMime builds the whole MIME tree before the
// walker can count anything, so bytes past that point must never reach it.

#ifndef SENDGUARD_MAIL_MIME_PRESCAN_H_
#define SENDGUARD_MAIL_MIME_PRESCAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

struct PrescanLimits {
  int parts = 0;  // MIME parts the message may still add to the tree
  int header_fields = 0;
  std::size_t header_bytes = 0;  // of one field
  int addresses = 0;             // in all address fields of the message
  int addresses_per_field = 0;   // in one address field; 0: no limit of its own
  int nesting = 1 << 30;         // multiparts open inside each other
};

// The addresses an address field has beyond PrescanLimits::addresses_per_field:
// bytes [begin, end) of `raw`, from the comma that would begin one address
// too many to the end of the field's value (its line end excluded).
struct DroppedAddresses {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string field = {};  // the field's name, as written
};

struct PrescanCut {
  // Bytes before `offset` are within the limits; npos when all of them are.
  std::size_t offset = std::string_view::npos;
  // "parts", "header-fields", "header-size", "total-addresses" or "nesting"
  std::string limit = {};
  // Address lists cut short to addresses_per_field, in order, all before
  // `offset`. The message stays readable without them: what is left of each
  // field still ends where the field ended.
  std::vector<DroppedAddresses> dropped = {};

  bool cut() const { return offset != std::string_view::npos; }
};

// Follows `raw`'s header blocks and the boundaries their multipart
// Content-Types declare (message/rfc822 bodies start a header block of
// their own), counting as the MIME walker does: the top message's body, each
// part after a boundary line and each attached message's body is one part.
// Returns the first offset past a limit in `limits`:
//   - parts: the start of the boundary line (or attached message) that would
//     begin one part too many; the top body part is never cut;
//   - header-fields: the start of the field one too many;
//   - header-size: `header_bytes` into the field that is longer;
//   - total-addresses: the comma (or the field) that would begin one address too
//     many, so that the bytes before it hold exactly `addresses` (addresses
//     dropped from a field past addresses_per_field do not count);
//   - nesting: the start of the part whose multipart would open one level
//     too many (GMime's cost per boundary line grows with the nesting).
// Runs in time linear in `raw`, using memory bounded by the nesting of open
// multiparts.
PrescanCut PrescanMessage(std::string_view raw, const PrescanLimits& limits);

// `raw` as the MIME parser may see it after `cut` (from PrescanMessage on
// `raw`): the bytes before cut.offset, without the dropped address lists.
// A view of `raw` when nothing was dropped, else of `*storage`, which it
// fills.
std::string_view WithinLimits(std::string_view raw, const PrescanCut& cut, std::string* storage);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_MIME_PRESCAN_H_
