#include "util/strings.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(EscapeControlTest, ControlCharactersCannotForgeLinesOrDriveTheTerminal) {
  EXPECT_EQ(EscapeControl("a.eml\naccept\tx"), "a.eml\\x0aaccept\\x09x");
  EXPECT_EQ(EscapeControl("\x1b[2J\x7f"), "\\x1b[2J\\x7f");
  EXPECT_EQ(EscapeControl("C:\\mail"), "C:\\\\mail");
  EXPECT_EQ(EscapeControl("\xc2\x9b"
                          "31m"),
            "\\xc2\\x9b31m");  // U+009B, CSI
}

TEST(EscapeControlTest, PrintableTextIsKept) {
  EXPECT_EQ(EscapeControl("R\xc3\xa9union \xd0\xb0rmy.mil 2026-12-01.eml"),
            "R\xc3\xa9union \xd0\xb0rmy.mil 2026-12-01.eml");
  EXPECT_EQ(EscapeControl(""), "");
  EXPECT_EQ(EscapeControl("\xc2\xa0"), "\xc2\xa0");  // U+00A0 is not a control
}

}  // namespace
}  // namespace sendguard
