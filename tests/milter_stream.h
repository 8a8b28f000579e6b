// Building milter protocol byte streams, as an MTA sends them, for tests
// and fuzz seeds.

#ifndef SENDGUARD_TESTS_MILTER_STREAM_H_
#define SENDGUARD_TESTS_MILTER_STREAM_H_

#include <cstdint>
#include <string>
#include <vector>

namespace sendguard::testing {

// One packet: length, command, data.
inline std::string MilterPacket(char command, const std::string& data) {
  std::string out;
  std::uint32_t len = static_cast<std::uint32_t>(data.size() + 1);
  for (int shift : {24, 16, 8, 0}) out.push_back(static_cast<char>(len >> shift));
  out.push_back(command);
  return out + data;
}

inline std::string Nul(const std::string& s) { return s + std::string(1, '\0'); }

// Option negotiation as Postfix 3.7 offers it: version 6, every action, and
// every protocol step flag it knows.
inline std::string MilterNegotiation() {
  std::string d;
  for (std::uint32_t v : {6u, 0x1ffu, 0x1fffffu}) {
    for (int shift : {24, 16, 8, 0}) d.push_back(static_cast<char>(v >> shift));
  }
  return MilterPacket('O', d);
}

// One message: connect, MAIL, RCPTs, headers, body, the queue id macro and
// end of body.
inline std::string MilterMessage(const std::string& from, const std::vector<std::string>& rcpts,
                                 const std::string& subject, const std::string& body,
                                 const std::string& queue_id = "4F2A11234") {
  std::string s = MilterPacket(
      'C', Nul("client.example.mil") + "4" + std::string("\x00\x19", 2) + Nul("192.0.2.1"));
  s += MilterPacket('M', Nul("<" + from + ">"));
  std::string to;
  for (const std::string& r : rcpts) {
    s += MilterPacket('R', Nul("<" + r + ">"));
    to += (to.empty() ? "" : ", ") + r;
  }
  s += MilterPacket('L', Nul("From") + Nul(" " + from));
  s += MilterPacket('L', Nul("To") + Nul(" " + to));
  s += MilterPacket('L', Nul("Subject") + Nul(" " + subject));
  s += MilterPacket('N', "");
  s += MilterPacket('B', body);
  s += MilterPacket('D', "E" + Nul("i") + Nul(queue_id));
  s += MilterPacket('E', "");
  return s;
}

}  // namespace sendguard::testing

#endif  // SENDGUARD_TESTS_MILTER_STREAM_H_
