// The display name a message's own header gives one of its recipients.

#ifndef SENDGUARD_MAIL_DISPLAY_NAME_H_
#define SENDGUARD_MAIL_DISPLAY_NAME_H_

#include <string_view>

#include "sendguard/message.h"

namespace sendguard {

// The name To, Cc or Bcc of `m` gives `address` (any case), the first one
// that gives it any; empty when none does. A view into `m`.
std::string_view DisplayNameOf(const Message& m, std::string_view address);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_DISPLAY_NAME_H_
