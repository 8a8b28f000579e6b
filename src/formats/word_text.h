// The text of a Word 97-2003 document (MS-DOC): the WordDocument stream's
// File Information Block and the piece table (CLX) in its table stream give
// the character positions of every story (main text, footnotes, headers and
// footers, comments, endnotes, text boxes), each piece stored as cp1252 or
// UTF-16LE.

#ifndef SENDGUARD_FORMATS_WORD_TEXT_H_
#define SENDGUARD_FORMATS_WORD_TEXT_H_

#include <string>
#include <string_view>

namespace sendguard {

struct WordText {
  enum class Status {
    kOk,         // `text` holds every story
    kEncrypted,  // the FIB says encrypted or obfuscated: nothing read
    kOld,        // not Word 97 or later (nFib too low): not read here
    kCorrupt,    // FIB or piece table damaged; `text` holds what was read
  };
  Status status = Status::kCorrupt;
  std::string text;    // UTF-8; paragraph, cell and page marks end lines
  std::string detail;  // why, when status is not kOk
};

// Reads the text of the document whose WordDocument stream is `word` and
// whose table streams are `table0` ("0Table") and `table1` ("1Table"),
// either possibly empty. Output is at most about 3 bytes per byte of `word`:
// overlapping pieces are not read twice beyond that (kCorrupt).
WordText ReadWordText(std::string_view word, std::string_view table0, std::string_view table1);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_WORD_TEXT_H_
