#include "mail/display_name.h"

#include <vector>

#include "util/strings.h"

namespace sendguard {

std::string_view DisplayNameOf(const Message& m, std::string_view address) {
  for (const std::vector<Address>* list : {&m.to(), &m.cc(), &m.bcc()}) {
    for (const Address& a : *list) {
      if (!a.name.empty() && EqualsIgnoreCase(TrimWhitespace(a.address), address)) return a.name;
    }
  }
  return {};
}

}  // namespace sendguard
