// What the MIME walker reads of a part from GMime's tree: its raw content
// header fields and its still-encoded bytes.

#ifndef SENDGUARD_MAIL_PART_SOURCE_H_
#define SENDGUARD_MAIL_PART_SOURCE_H_

#include <gmime/gmime.h>

#include <string>
#include <string_view>

#include "mail/part_readings.h"

namespace sendguard {

// The raw values of `obj`'s Content-Type, Content-Transfer-Encoding and
// Content-Disposition fields, every one of them, in order.
PartFields FieldsOf(GMimeObject* obj);

// The encoded bytes of a leaf part's content. GMime's parser keeps them as a
// window on the message buffer, which is returned without a copy; any other
// stream is read into `*storage`, which the result then views.
std::string_view PartBytes(GMimePart* part, std::string* storage);

// The body of `obj` as GMime writes it back: for a multipart, its prologue,
// each part (header and still-encoded content) between delimiters of its
// boundary, and its epilogue.
std::string ContentBytes(GMimeObject* obj);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_PART_SOURCE_H_
