#include "logs/mail_log.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(MailLogTest, PostfixSent) {
  auto d = ParseSentLine(
      "Nov 29 10:00:01 mx1 postfix/smtp[4321]: 4F2A11234: to=<Ops@Army.ML>, "
      "relay=mx.army.ml[41.73.1.2]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, "
      "status=sent (250 2.0.0 Ok)",
      LogFormat::kPostfix);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->queue_id, "4F2A11234");
  EXPECT_EQ(d->recipient, "ops@army.ml");
  EXPECT_EQ(d->relay, "mx.army.ml");
  EXPECT_EQ(d->time, "Nov 29 10:00:01");
}

TEST(MailLogTest, PostfixOtherLinesAreNotDeliveries) {
  EXPECT_FALSE(
      ParseSentLine("Nov 29 10:00:01 mx1 postfix/smtp[1]: 4F2A1: to=<a@b.c>, "
                    "status=deferred (timeout)",
                    LogFormat::kPostfix));
  EXPECT_FALSE(
      ParseSentLine("Nov 29 10:00:01 mx1 postfix/qmgr[1]: 4F2A1: from=<a@b.c>, "
                    "size=100, nrcpt=1 (queue active)",
                    LogFormat::kPostfix));
  EXPECT_FALSE(ParseSentLine("garbage", LogFormat::kPostfix));
  EXPECT_FALSE(ParseSentLine("", LogFormat::kPostfix));
}

TEST(MailLogTest, EximDeliveries) {
  auto d = ParseSentLine(
      "2026-11-29 10:00:01 1tGxyz-000ABC-12 => ops@army.mil R=dnslookup T=remote_smtp "
      "H=mx.army.mil [1.2.3.4] C=\"250 OK\"",
      LogFormat::kExim);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->queue_id, "1tGxyz-000ABC-12");
  EXPECT_EQ(d->recipient, "ops@army.mil");
  EXPECT_EQ(d->relay, "mx.army.mil");
  auto more =
      ParseSentLine("2026-11-29 10:00:01 1tGxyz-000ABC-12 -> b@navy.mil R=x T=y", LogFormat::kExim);
  ASSERT_TRUE(more.has_value());
  EXPECT_EQ(more->recipient, "b@navy.mil");
  EXPECT_FALSE(
      ParseSentLine("2026-11-29 10:00:01 1tGxyz-000ABC-12 <= a@x.org H=h", LogFormat::kExim));
}

TEST(MailLogTest, SendmailSent) {
  auto d = ParseSentLine(
      "Nov 29 10:00:01 mx sendmail[123]: 4ATA00ab012345: to=<ops@army.ml>, delay=00:00:01, "
      "mailer=esmtp, pri=120, relay=mx.army.ml. [41.73.1.2], dsn=2.0.0, stat=Sent (OK)",
      LogFormat::kSendmail);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->recipient, "ops@army.ml");
  EXPECT_EQ(d->relay, "mx.army.ml");
}

TEST(MailLogTest, DetectsFormats) {
  EXPECT_EQ(DetectLogFormat("Nov 29 10:00:01 mx postfix/smtpd[1]: connect"), LogFormat::kPostfix);
  EXPECT_EQ(DetectLogFormat("2026-11-29 10:00:01 1abc-00-01 <= a@b.c"), LogFormat::kExim);
  EXPECT_EQ(DetectLogFormat("Nov 29 10:00:01 mx sendmail[1]: x: from=<a@b>"), LogFormat::kSendmail);
  EXPECT_FALSE(DetectLogFormat("hello").has_value());
}

}  // namespace
}  // namespace sendguard
