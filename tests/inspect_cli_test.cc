// `sendguard inspect --text` end to end: a message carrying text in a PDF, a
// DOCX, an XLSX, a ZIP of a .txt, a nested message/rfc822 and a
// quoted-printable HTML part, written to a file and read by the binary.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/fixtures.h"

namespace sendguard {
namespace {

using namespace sendguard::testing;  // NOLINT

std::string RunInspectText(const std::string& path) {
  std::string cmd = std::string(SENDGUARD_BINARY) + " inspect --text '" + path + "'";
  FILE* p = popen(cmd.c_str(), "r");
  EXPECT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  while (p != nullptr && std::fgets(buf, sizeof(buf), p) != nullptr) out += buf;
  EXPECT_EQ(p != nullptr ? pclose(p) : -1, 0);
  return out;
}

TEST(InspectCliTest, ShowsTextFromEveryKindOfPart) {
  std::string nested = MakeMessage("inner@army.mil", "Inner subject",
                                   {{"text/plain", "7bit", "", "nested rfc822 marker"}});
  std::string raw = MakeMessage(
      "ops@army.mil", "all kinds",
      {{"text/html; charset=utf-8", "quoted-printable", "",
        QuotedPrintable("<p>quoted&#45;printable html marker</p>")},
       Attachment("application/pdf", "a.pdf", MakePdf({"pdf marker"})),
       Attachment("application/octet-stream", "b.docx", MakeDocx({"docx marker"})),
       Attachment("application/octet-stream", "c.xlsx", MakeXlsx({"xlsx marker"}, {"12345"})),
       Attachment("application/zip", "d.zip", MakeZip({{"notes.txt", "zip txt marker"}})),
       {"message/rfc822", "7bit", "fwd.eml", nested}});
  std::string path = (std::filesystem::temp_directory_path() /
                      ("sendguard_inspect_" + std::to_string(::getpid()) + ".eml"))
                         .string();
  std::ofstream(path, std::ios::binary) << raw;
  std::string text = RunInspectText(path);
  std::filesystem::remove(path);
  for (const char* marker :
       {"quoted-printable html marker", "pdf marker", "docx marker", "xlsx marker", "12345",
        "zip txt marker", "nested rfc822 marker", "Inner subject"}) {
    EXPECT_NE(text.find(marker), std::string::npos) << marker << " missing from:\n" << text;
  }
}

}  // namespace
}  // namespace sendguard
