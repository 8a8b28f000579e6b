#include "mail/xml_init.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <mutex>

namespace sendguard {
namespace {
void Silent(void*, const char*, ...) {}
void SilentStructured(void*, xmlErrorPtr) {}
}  // namespace

void EnsureXmlInitialized() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  // Error handlers are per thread in libxml2.
  thread_local bool silenced = false;
  if (!silenced) {
    xmlSetGenericErrorFunc(nullptr, Silent);
    xmlSetStructuredErrorFunc(nullptr, SilentStructured);
    silenced = true;
  }
}

}  // namespace sendguard
