#include "mail/display_name.h"

#include <gtest/gtest.h>

#include "sendguard/parser.h"

namespace sendguard {
namespace {

TEST(DisplayNameTest, TheFirstNameAnyAddressFieldGivesTheRecipient) {
  Message m = std::move(ParseMessage("From: a@own.mil\r\nTo: ops@navy.mil\r\n"
                                     "Cc: \"John Smith\" <John.Smith@contoso.com>\r\n"
                                     "Bcc: Ann Lee <ann@p.com>\r\nSubject: x\r\n\r\nx\r\n",
                                     Envelope{}))
                  .value();
  EXPECT_EQ(DisplayNameOf(m, "john.smith@contoso.com"), "John Smith");
  EXPECT_EQ(DisplayNameOf(m, "ann@p.com"), "Ann Lee");
  EXPECT_EQ(DisplayNameOf(m, "ops@navy.mil"), "");  // no name given
  EXPECT_EQ(DisplayNameOf(m, "nobody@p.com"), "");
}

}  // namespace
}  // namespace sendguard
