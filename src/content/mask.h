// Masking of matched values, so that findings can be printed and logged
// without repeating what they found.

#ifndef SENDGUARD_CONTENT_MASK_H_
#define SENDGUARD_CONTENT_MASK_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sendguard {

// `value` with every letter and digit replaced by '*' except the first
// `head` and last `tail` of them; separators and other bytes are kept, so
// "4111 1111 1111 1111" with (4, 4) is "4111 **** **** 1111". At most half
// of the letters and digits are ever shown: `head` and `tail` shrink for
// short values. Bytes of non-ASCII characters are always hidden.
std::string MaskValue(std::string_view value, std::size_t head, std::size_t tail);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_MASK_H_
