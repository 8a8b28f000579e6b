#include "milter/milter_session.h"

#include <gtest/gtest.h>

#include "tests/fake_quarantine_store.h"
#include "tests/milter_stream.h"

namespace sendguard {
namespace {

using testing::MilterMessage;
using testing::MilterNegotiation;
using testing::MilterPacket;

// The commands of the reply packets in `out`, with the data of 'y' and 'h'.
std::vector<std::string> Replies(const std::string& out) {
  std::vector<std::string> r;
  std::size_t pos = 0;
  while (pos + 5 <= out.size()) {
    std::uint32_t len = (std::uint32_t{static_cast<unsigned char>(out[pos])} << 24) |
                        (std::uint32_t{static_cast<unsigned char>(out[pos + 1])} << 16) |
                        (std::uint32_t{static_cast<unsigned char>(out[pos + 2])} << 8) |
                        static_cast<unsigned char>(out[pos + 3]);
    std::string data = out.substr(pos + 5, len - 1);
    char cmd = out[pos + 4];
    r.push_back(cmd == 'y' || cmd == 'h' || cmd == '-' ? std::string(1, cmd) + ":" + data
                                                       : std::string(1, cmd));
    pos += 4 + len;
  }
  return r;
}

class MilterSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    History h;
    h.Add("navy.mil", 4000);
    h.Finish();
    context_ = std::move(Context::Create(Config(), std::move(h))).value();
    checker_ = std::make_unique<Checker>(*context_);
    services_.checker = checker_.get();
    services_.store = &store_;
  }
  std::unique_ptr<Context> context_;
  std::unique_ptr<Checker> checker_;
  testing::FakeQuarantineStore store_;
  FilterServices services_;
};

TEST_F(MilterSessionTest, PipelinedMessagesGetOneReplyEach) {
  MilterSession s(services_);
  std::string in = MilterNegotiation() +
                   MilterMessage("dana@army.mil", {"ops@navy.mil"}, "report", "All fine.\r\n") +
                   MilterMessage("dana@army.mil", {"ops@army.ml"}, "travel", "Flights.\r\n") +
                   MilterMessage("dana@army.mil", {"ops@navy.mil"}, "brief",
                                 "SECRET//NOFORN\r\n\r\nPlans.\r\n") +
                   MilterPacket('Q', "");
  std::string out;
  EXPECT_FALSE(s.Process(&in, &out));  // quit closes
  EXPECT_TRUE(in.empty());
  std::vector<std::string> r = Replies(out);
  ASSERT_EQ(r.size(), 4u) << out.size();
  EXPECT_EQ(r[0], "O");  // negotiation; no replies for the no-reply steps
  EXPECT_EQ(r[1], "a");
  EXPECT_EQ(r[2], "d");  // held: stored, then discarded
  EXPECT_EQ(r[3].rfind("y:550 5.7.1 sendguard: ", 0), 0u) << r[3];
  ASSERT_EQ(store_.held.size(), 1u);
  EXPECT_EQ(store_.held[0].recipients, std::vector<std::string>{"ops@army.ml"});
}

TEST_F(MilterSessionTest, ByteByByteIsTheSameAsAtOnce) {
  MilterSession s(services_);
  std::string stream = MilterNegotiation() +
                       MilterMessage("dana@army.mil", {"ops@army.ml"}, "travel", "Flights.\r\n");
  std::string in, out;
  for (char c : stream) {
    in.push_back(c);
    ASSERT_TRUE(s.Process(&in, &out));
  }
  std::vector<std::string> r = Replies(out);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1], "d");
}

TEST_F(MilterSessionTest, NegotiationAsksOnlyForWhatTheMtaOffers) {
  MilterSession s(services_);
  // An MTA offering no "no reply" steps: every step is answered.
  std::string d;
  for (std::uint32_t v : {6u, 0x09u, 0u}) {
    for (int shift : {24, 16, 8, 0}) d.push_back(static_cast<char>(v >> shift));
  }
  std::string in = MilterPacket('O', d) +
                   MilterMessage("dana@army.mil", {"ops@navy.mil"}, "report", "All fine.\r\n");
  std::string out;
  ASSERT_TRUE(s.Process(&in, &out));
  std::vector<std::string> r = Replies(out);
  // O, then continue for C, M, R, 3 headers, EOH, body; then accept.
  ASSERT_EQ(r.size(), 10u);
  EXPECT_EQ(r.back(), "a");
  EXPECT_EQ(r[1], "c");
  // The actions granted are within those offered (add headers, delete recipients).
  EXPECT_EQ(out.substr(9, 4), std::string("\0\0\0\x09", 4));
}

TEST_F(MilterSessionTest, ProtocolViolationsClose) {
  for (std::string bad : {MilterPacket('M', "x"),  // before negotiation
                          MilterNegotiation() + MilterPacket('Z', ""),
                          MilterNegotiation() + std::string("\xff\xff\xff\xff", 4) + "O",
                          MilterNegotiation() + std::string("\0\0\0\0", 4) + "x"}) {
    MilterSession s(services_);
    std::string out;
    EXPECT_FALSE(s.Process(&bad, &out));
  }
}

TEST_F(MilterSessionTest, EndWithoutAStartIsTempfailed) {
  MilterSession s(services_);
  std::string in = MilterNegotiation() + MilterPacket('E', "");
  std::string out;
  ASSERT_TRUE(s.Process(&in, &out));
  std::vector<std::string> r = Replies(out);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].rfind("y:451 4.3.0", 0), 0u);
}

TEST_F(MilterSessionTest, AbortForgetsTheMessage) {
  MilterSession s(services_);
  std::string in = MilterNegotiation() + MilterPacket('M', testing::Nul("<a@army.mil>")) +
                   MilterPacket('A', "") + MilterPacket('E', "");
  std::string out;
  ASSERT_TRUE(s.Process(&in, &out));
  EXPECT_EQ(Replies(out).back().rfind("y:451", 0), 0u);
}

}  // namespace
}  // namespace sendguard
