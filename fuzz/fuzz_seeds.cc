// Writes seed corpora: for attachment_fuzz, one small file per format the
// extractor reads, made by the test fixtures; with a second directory, for
// milter_fuzz, MTA conversations.
//
//   fuzz_seeds ATTACHMENT_DIR [MILTER_DIR]

#include <fstream>
#include <iostream>

#include "tests/fixtures.h"
#include "tests/milter_stream.h"

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: fuzz_seeds ATTACHMENT_DIR [MILTER_DIR]\n";
    return 2;
  }
  using namespace sendguard::testing;  // NOLINT
  const std::string dir = argv[1];
  const Files seeds = {
      {"a.zip", MakeZip({{"notes.txt", "zip text"}, {"in.zip", MakeZip({{"x.txt", "deep"}})}})},
      {"a.docx", MakeDocx({"SECRET//NOFORN", "memo"})},
      {"a.xlsx", MakeXlsx({"SSN"}, {"078051120"})},
      {"a.odt", MakeOdt({"open document"})},
      {"a.pdf", MakePdf({"pdf text", "line two"})},
      {"a.tgz", MakeTarGz({{"a.txt", "tar text"}})},
      {"a.gz", MakeGzip("gzip text")},
      {"a.html", "\x01<html><body><p>Fish &amp; chips</p><script>x</script></body></html>"},
      {"a.eml", "Subject: attached\r\nContent-Type: text/plain\r\n\r\nnested message\r\n"},
  };
  Files all;
  for (const auto& [name, data] : seeds) all.emplace_back(dir + "/" + name, data);
  if (argc == 3) {
    const std::string m = argv[2];
    // The first byte of a milter seed chooses how the stream is cut into reads.
    all.emplace_back(m + "/clean", "\x07" + MilterNegotiation() +
                                       MilterMessage("dana@army.mil", {"ops@navy.mil"}, "report",
                                                     "All on schedule.\r\n"));
    all.emplace_back(m + "/typo-and-secret",
                     "\x3f" + MilterNegotiation() +
                         MilterMessage("dana@army.mil", {"ops@army.ml", "b@navy.mil"}, "travel",
                                       "SECRET//NOFORN\r\n") +
                         MilterPacket('A', "") + MilterPacket('Q', ""));
  }
  for (const auto& [name, data] : all) {
    std::ofstream out(name, std::ios::binary);
    out << data;
    if (!out) {
      std::cerr << "fuzz_seeds: cannot write " << name << "\n";
      return 1;
    }
  }
  return 0;
}
