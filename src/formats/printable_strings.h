// The strings pass: the readable runs of characters in content no reader
// understands, so that what is plain text underneath (a banner in a legacy
// document, a password in a binary blob) is still scanned.

#ifndef SENDGUARD_FORMATS_PRINTABLE_STRINGS_H_
#define SENDGUARD_FORMATS_PRINTABLE_STRINGS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sendguard {

// Every run of at least `min_chars` printable characters in `data`, one run
// a line, as valid UTF-8: printable ASCII and well-formed UTF-8 sequences,
// and ASCII stored as UTF-16 in either byte order. Tabs count as
// printable. Linear in `data`.
std::string PrintableStrings(std::string_view data, std::size_t min_chars = 6);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_PRINTABLE_STRINGS_H_
