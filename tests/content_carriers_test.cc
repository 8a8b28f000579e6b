// Sensitive items are found whichever way a message carries them: plain,
// quoted-printable, base64, HTML, subject, PDF, DOCX, XLSX, ZIP and nested
// message — through the whole parse-and-evaluate pipeline.

#include <gtest/gtest.h>

#include <map>

#include "policy/decision.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using namespace sendguard::testing;  // NOLINT

constexpr const char* kKey =
    "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
    "-----END OPENSSH PRIVATE KEY-----\n";

TEST(ContentCarriersTest, FindsItemsInEveryCarrier) {
  std::string nested = MakeMessage("inner@army.mil", "fwd",
                                   {{"text/plain", "7bit", "", "Grid 18S UJ 23480 06470\n"}});
  std::string raw = MakeMessage(
      "ops@army.mil", "SECRET//NOFORN travel",
      {{"text/plain; charset=utf-8", "7bit", "", "SSN: 123-45-6780\n"},
       {"text/html; charset=utf-8", "quoted-printable", "",
        QuotedPrintable("<p>Visa <b>4111&nbsp;1111 1111 1111</b> exp 12/27</p>")},
       {"text/plain; charset=utf-8", "base64", "", Base64("IBAN GB82 WEST 1234 5698 7654 32\n")},
       Attachment("application/pdf", "keys.pdf", MakePdf({"aws key AKIAZ7XQW3RTY5UIOP2A"})),
       Attachment("application/octet-stream", "creds.docx",
                  MakeDocx({"VPN login", "password: Tr0ub4dor&3"})),
       Attachment("application/octet-stream", "roster.xlsx",
                  MakeXlsx({"DoD ID: 1234567890", "EDIPI"}, {"2345678901"})),
       Attachment("application/zip", "keys.zip", MakeZip({{"id_ed25519", kKey}})),
       {"message/rfc822", "7bit", "fwd.eml", nested}});
  Message m = ParseOk(raw);
  Result<std::unique_ptr<Context>> context = Context::Create(Config{}, History{});
  ASSERT_TRUE(context.ok());
  Result<Decision> d = Evaluate(m, **context);
  ASSERT_TRUE(d.ok());
  std::map<std::string, Finding> by_id;
  for (const Finding& f : d->findings) by_id.emplace(f.detector, f);

  auto where = [&](const std::string& id) {
    std::string all;
    if (by_id.count(id) == 0) return std::string("(not found)");
    for (const std::string& w : by_id[id].where) all += w + ";";
    return all;
  };
  EXPECT_EQ(where("classification-marking"), "subject;");
  EXPECT_EQ(where("us-ssn"), "body;");
  EXPECT_EQ(where("credit-card"), "body;");
  EXPECT_EQ(where("iban"), "body;");
  EXPECT_EQ(where("aws-access-key"), "attachment:keys.pdf;");
  EXPECT_EQ(where("password"), "attachment:creds.docx;");
  EXPECT_EQ(where("dod-id"), "attachment:roster.xlsx;");
  EXPECT_EQ(by_id["dod-id"].count, 2);  // the shared string and the numeric cell
  EXPECT_EQ(where("private-key"), "attachment:keys.zip/id_ed25519;");
  EXPECT_EQ(where("mgrs"), "attachment:fwd.eml/body;");
  EXPECT_EQ(by_id["credit-card"].confidence, Confidence::kHigh);
}

}  // namespace
}  // namespace sendguard
