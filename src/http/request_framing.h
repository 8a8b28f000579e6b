// Strict HTTP/1.1 request framing, checked once a request's headers are in
// and before its body is read. A request whose length two parties could
// read differently (a proxy in front and this server) is refused, so that
// no request can be smuggled inside another one.

#ifndef SENDGUARD_HTTP_REQUEST_FRAMING_H_
#define SENDGUARD_HTTP_REQUEST_FRAMING_H_

#include <httplib.h>

#include <optional>
#include <string>

namespace sendguard {

// Why the request's framing is ambiguous, or nullopt when it is not:
// a header name that is not an RFC 9110 token (as "Transfer-Encoding "
// with a space before the colon), Content-Length given more than once or
// not a plain number, Transfer-Encoding given more than once, other than
// exactly "chunked", or together with Content-Length.
std::optional<std::string> FramingError(const httplib::Headers& headers);

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_REQUEST_FRAMING_H_
