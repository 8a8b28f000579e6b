// The lexical level of Rich Text Format (Microsoft RTF 1.9.1): groups,
// control words with their optional signed numeric parameter, control
// symbols, \'hh bytes, \binN binary runs and plain text, one token at a time.
// The meaning of the tokens (destinations, code pages, \uN) is left to the
// reader of the text (formats/rtf_text.h).

#ifndef SENDGUARD_FORMATS_RTF_TOKENIZER_H_
#define SENDGUARD_FORMATS_RTF_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sendguard {

struct RtfToken {
  enum Kind {
    kEnd,            // no more input
    kGroupStart,     // {
    kGroupEnd,       // }
    kControlWord,    // \word or \wordN; `text` is the word
    kControlSymbol,  // \ followed by one character that is not a letter; `text` is it
    kHexByte,        // \'hh; `byte` is its value
    kBinary,         // \binN: `text` is the N bytes that follow (fewer when cut by the end)
    kText,           // a run of plain text bytes (no \ { } or line ends); `text` is it
  };
  Kind kind = kEnd;
  std::string_view text = {};
  bool has_param = false;
  std::int32_t param = 0;  // the parameter of a control word, clamped to int32
  unsigned char byte = 0;
};

// Reads the tokens of `rtf` in order. Line ends (CR, LF) outside \bin data
// are not text and are dropped, as RTF says; "\" at the end of the input, a
// \' without two hex digits and bytes after the last token are given as the
// text they are. Never reads past the input; each call is O(token length).
class RtfTokenizer {
 public:
  explicit RtfTokenizer(std::string_view rtf) : in_(rtf) {}

  // The next token; kEnd once the input is used up (and after).
  RtfToken Next();

  // Bytes of the input read so far.
  std::size_t offset() const { return pos_; }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_RTF_TOKENIZER_H_
