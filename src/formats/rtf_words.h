// The vocabulary of RTF (Microsoft RTF 1.9.1) that the reader of its text
// (formats/rtf_text.h) needs: which destinations hold text worth scanning,
// which control words stand for characters, and the code pages of fonts'
// character sets.

#ifndef SENDGUARD_FORMATS_RTF_WORDS_H_
#define SENDGUARD_FORMATS_RTF_WORDS_H_

#include <string>
#include <string_view>

namespace sendguard {

// Destinations whose content is not text anyone reads (tables of colours,
// styles, lists, revisions; theme and data-store blobs; date fields, shape
// property names, bookmarks, the alternative picture of \nonshppict).
bool IsSkippedDestination(std::string_view word);

// Ignorable destinations ({\*\word ...}) whose text is nonetheless read:
// field instructions, annotations, document variables and user properties,
// shape text, form-field texts, info fields. Every other one is skipped.
bool IsReadIgnorable(std::string_view word);

// Destinations that hold a field of their own (info fields, headers and
// footers, footnotes, field instructions): their text is put on its own line.
bool IsLineDestination(std::string_view word);

// The UTF-8 text of a control word that stands for a character (\emdash,
// \bullet, \lquote, \emspace, ...), or empty.
std::string_view SymbolWordText(std::string_view word);

// The code page of \fcharsetN, or 0 when it is the document's (ANSI,
// default, symbol and unknown character sets).
int CodepageOfCharset(int charset);

// The charset name ToUtf8 (mail/charset.h) knows code page `codepage` by.
std::string CharsetOfCodepage(int codepage);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_RTF_WORDS_H_
