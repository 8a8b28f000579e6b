// Decoding a part whose Content-Transfer-Encoding is uuencode (x-uuencode,
// uue, x-uue): the body of a "begin MODE NAME" ... "end" block, as mail
// clients decode it.

#ifndef SENDGUARD_MAIL_UUDECODE_H_
#define SENDGUARD_MAIL_UUDECODE_H_

#include <string>
#include <string_view>

namespace sendguard {

struct UudecodeResult {
  std::string data = {};
  bool found_begin = false;  // a "begin MODE NAME" line (MODE octal) was found
  std::string name = {};     // the NAME of that line, as it is
};

// Decodes the lines after the first "begin MODE NAME" line of `encoded` up
// to an "end" line, a line of length zero or the end of the input. Each
// line is its length character followed by groups of four characters; a
// line shorter than its length says is decoded as far as it goes, a longer
// one is cut at its length. Without a begin line, `found_begin` is false
// and `data` is empty. Linear in `encoded`; never fails.
UudecodeResult DecodeUuencodeBlock(std::string_view encoded);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_UUDECODE_H_
