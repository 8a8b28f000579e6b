// The api-token detector: tokens of well-known services by their formats
// (GitHub, GitLab, Slack, Google, Stripe, JWT, npm, OpenAI, SendGrid,
// Twilio), and secret-looking values given to a secret's name in
// configuration and code ("API_KEY=...", "client_secret: ...").

#ifndef SENDGUARD_CONTENT_API_TOKENS_H_
#define SENDGUARD_CONTENT_API_TOKENS_H_

#include "content/detector.h"

namespace sendguard {

// The definition of the "api-token" detector.
DetectorDef ApiTokenDetector();

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_API_TOKENS_H_
