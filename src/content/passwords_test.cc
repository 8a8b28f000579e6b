#include <gtest/gtest.h>

#include "content/scan_for_test.h"

namespace sendguard::testing {
namespace {

TEST(PasswordTest, PasswordsGivenOut) {
  EXPECT_EQ(Detect("password", "password: Tr0ub4dor&3"), kHigh);
  EXPECT_EQ(Detect("password", "login with pwd=S3cr3t!x"), kHigh);
  EXPECT_EQ(Detect("password", "Your temporary password is Welcome2024!"), kHigh);
  EXPECT_EQ(Detect("password", "{\"user\": \"bob\", \"password\": \"hunter22\"}"), kHigh);
  EXPECT_EQ(Detect("password", "PIN: 4821"), kMedium);
  EXPECT_EQ(Findings("Password: Tr0ub4dor&3")["password"].sample, "Password: ********");
}

TEST(PasswordTest, TalkAboutPasswords) {
  for (const char* text : {
           "Please reset your password before Friday.",
           "Your password is too short.",
           "The password is required for every login.",
           "Your password is expired; choose a new one.",
           "Forgot your password? Click here.",
           "Passwords must be 12 characters long.",
           "password: ********",
           "Password: <your password>",
           "password: see attached",
           "Password: N/A",
           "The password policy: see the intranet.",
           "Click here to reset your password: https://example.com/reset?token=abc123",
           "The PIN was forgotten again, and the passcode is somewhere in the drawer.",
       }) {
    EXPECT_EQ(Detect("password", text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace sendguard::testing
