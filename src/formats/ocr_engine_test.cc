#include "formats/ocr_engine.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace sendguard {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct PixFree {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using Picture = std::unique_ptr<Pix, PixFree>;

Picture Decode(const std::string& bytes) {
  return Picture(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
}

// Threads of this process, from /proc/self/status.
int Threads() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Threads:", 0) == 0) return std::atoi(line.c_str() + 8);
  }
  return -1;
}

TEST(OcrEngineTest, ReadsTheBannerOfAPageOnOneThread) {
  ASSERT_TRUE(OcrEngine::Shared().Available().ok());
  Picture page = Decode(Fixture("banner-page.png"));
  ASSERT_TRUE(page);
  const int before = Threads();
  Result<OcrText> read =
      OcrEngine::Shared().Recognize(page.get(), steady_clock::now() + milliseconds(30000));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_FALSE(read->cut_short);
  EXPECT_NE(read->text.find("SECRET//NOFORN"), std::string::npos) << read->text;
  EXPECT_NE(read->text.find("4111 1111 1111 1111"), std::string::npos) << read->text;
  // Debian's libtesseract would start OpenMP threads: none are started.
  EXPECT_EQ(Threads(), before);
}

TEST(OcrEngineTest, MissingLanguageDataIsAnErrorWithItsReason) {
  OcrEngine engine(OcrEngine::Options{"/nonexistent/tessdata", "eng", 1});
  Status available = engine.Available();
  EXPECT_EQ(available.code(), StatusCode::kUnavailable);
  EXPECT_NE(available.message().find("/nonexistent/tessdata/eng.traineddata"), std::string::npos)
      << available.message();
  Picture page = Decode(Fixture("banner-page.png"));
  Result<OcrText> read = engine.Recognize(page.get(), steady_clock::now() + milliseconds(5000));
  EXPECT_EQ(read.status().code(), StatusCode::kUnavailable);
}

TEST(OcrEngineTest, StopsAtItsDeadline) {
  Picture page = Decode(Fixture("banner-page.png"));
  Result<OcrText> late = OcrEngine::Shared().Recognize(page.get(), steady_clock::now());
  EXPECT_EQ(late.status().code(), StatusCode::kDeadlineExceeded);

  // Warm: an engine is idle, so the deadline covers recognition only.
  ASSERT_TRUE(
      OcrEngine::Shared().Recognize(page.get(), steady_clock::now() + milliseconds(30000)).ok());
  const auto start = steady_clock::now();
  Result<OcrText> cut = OcrEngine::Shared().Recognize(page.get(), start + milliseconds(20));
  const auto took = steady_clock::now() - start;
  ASSERT_TRUE(cut.ok()) << cut.status().ToString();
  EXPECT_TRUE(cut->cut_short);
  EXPECT_EQ(cut->text.find("release"), std::string::npos) << cut->text;  // the last line
  EXPECT_LT(took, milliseconds(1000));
}

TEST(OcrEngineTest, ConcurrentCallersShareAFewEngines) {
  OcrEngine engine(OcrEngine::Options{"/usr/share/tesseract-ocr/5/tessdata", "eng", 2});
  Picture page = Decode(Fixture("banner-page.png"));
  std::vector<std::string> texts(3);
  std::vector<std::thread> threads;
  for (std::string& text : texts) {
    threads.emplace_back([&engine, &page, &text] {
      // Each caller reads its own copy: a Pix is not shared across threads.
      Picture mine(pixCopy(nullptr, page.get()));
      Result<OcrText> r = engine.Recognize(mine.get(), steady_clock::now() + milliseconds(60000));
      if (r.ok()) text = r->text;
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& text : texts) EXPECT_NE(text.find("NOFORN"), std::string::npos) << text;
}

}  // namespace
}  // namespace sendguard
