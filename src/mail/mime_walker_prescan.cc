// MimeWalker::Prescan: the structural limits applied to raw bytes before
// GMime reads them (mail/mime_prescan.h), and their record in the budget.

#include <string>

#include "mail/mime_prescan.h"
#include "mail/mime_walker.h"
#include "util/utf8.h"

namespace sendguard {
namespace {

std::string CutDetail(const std::string& limit, const Limits& l) {
  const std::string rest = "; the rest of the message was not read";
  if (limit == "parts") {
    return "more than " + std::to_string(l.max_parts) + " MIME parts; the rest were not read";
  }
  if (limit == "header-fields") {
    return "more than " + std::to_string(l.max_header_fields) + " header fields" + rest;
  }
  if (limit == "header-size") {
    return "a header field longer than " + std::to_string(l.max_header_bytes) + " bytes" + rest;
  }
  if (limit == "nesting") {
    return "multiparts nested more than " + std::to_string(l.max_multipart_nesting) + " deep" +
           rest;
  }
  return "more than " + std::to_string(l.max_total_addresses) + " addresses in address fields" +
         rest;
}

}  // namespace

std::string_view MimeWalker::Prescan(std::string_view raw, const std::string& prefix,
                                     std::string* storage) {
  const Limits& l = budget_.limits();
  const PrescanCut cut = PrescanMessage(raw, PrescanLimits{.parts = budget_.parts_left(),
                                                           .header_fields = l.max_header_fields,
                                                           .header_bytes = l.max_header_bytes,
                                                           .addresses = l.max_total_addresses,
                                                           .addresses_per_field = l.max_addresses,
                                                           .nesting = l.max_multipart_nesting});
  const std::string message = prefix.empty() ? std::string("message") : prefix;
  for (const DroppedAddresses& d : cut.dropped) {
    budget_.Hit("addresses", message + "/" + SanitizeUtf8(d.field),
                "a " + SanitizeUtf8(d.field) + " field with more than " +
                    std::to_string(l.max_addresses) +
                    " addresses; the rest of that field was not read");
  }
  if (cut.cut()) {
    budget_.Hit(
        cut.limit,
        cut.limit == "parts" ? (prefix.empty() ? std::string("body") : prefix + "/body") : message,
        CutDetail(cut.limit, l));
  }
  return WithinLimits(raw, cut, storage);
}

}  // namespace sendguard
