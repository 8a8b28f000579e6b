// libFuzzer target: recipient addresses (domain parsing, IDNA, PSL,
// skeletons, the typo index) and their display names, judged against a
// small fixed history and one sender's contacts.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "contacts/address_judge.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sendguard::History* history = [] {
    auto* h = new sendguard::History();
    h->Add("army.mil", 9000);
    h->Add("us.af.mil", 3000);
    h->Add("partner.co.uk", 500);
    h->Add("ops@navy.mil", 40);
    h->Add("john.smith@partner.co.uk", 30);
    h->Finish();
    return h;
  }();
  static const sendguard::RecipientAnalyzer analyzer({}, *history);
  static const sendguard::AddressJudge judge(analyzer, *history);
  static const sendguard::SenderContacts contacts(
      {{"john.smith@partner.co.uk", 20, "", "", {"john smith"}}, {"ops@navy.mil", 5, "", "", {}}});
  // The input is an address, then optionally a NUL and its display name.
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = in.find('\0');
  const std::string address(in.substr(0, nul));
  const std::string name(nul == std::string_view::npos ? std::string_view() : in.substr(nul + 1));
  const std::vector<std::string> all = {address};
  const std::vector<sendguard::Address> visible = {{name, address}};
  sendguard::RecipientVerdict v = judge.JudgeMessage(
      sendguard::MessageRecipients{"ann@army.mil", &contacts, all, visible, {}})[0];
  if (v.suggestion && v.suggestion->find('@') == std::string::npos) __builtin_trap();
  (void)sendguard::NameKey(name);
  (void)sendguard::LocalPartNameKey(address);
  return 0;
}
