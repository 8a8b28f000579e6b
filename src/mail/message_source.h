// Finding the messages behind command-line paths: single message files,
// mbox files, Maildir folders and plain directories.

#ifndef SENDGUARD_MAIL_MESSAGE_SOURCE_H_
#define SENDGUARD_MAIL_MESSAGE_SOURCE_H_

#include <functional>
#include <string>
#include <string_view>

#include "sendguard/status.h"

namespace sendguard {

// One message found: where it is ("mail/a.eml", "Sent.mbox#12",
// "Maildir/cur/1700000000.x:2,S") and its raw bytes, valid during the call.
using MessageVisitor = std::function<void(const std::string& source, std::string_view raw)>;
// A path that could not be read, with the reason.
using SourceErrorVisitor = std::function<void(const std::string& source, const Status& error)>;

// Visits every message under `path`, in a stable (sorted) order. A directory
// with cur/ or new/ is read as a Maildir (tmp/ is skipped: messages there are
// still being written); any other directory is walked recursively, hidden
// entries skipped. A file starting with "From " or named *.mbox / *.mbx is
// read as an mbox, any other file as one message. Unreadable paths are reported to `on_error`
// and the walk goes on.
void ForEachMessage(const std::string& path, const MessageVisitor& visit,
                    const SourceErrorVisitor& on_error);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_MESSAGE_SOURCE_H_
