// Bounded-memory pixel AP / AUROC: must equal the in-memory averagePrecision / areaUnderRoc exactly (same tie
// groups, same arithmetic), for every case of the scikit-learn fixture and for inputs that force several passes,
// crowded (dense) buckets and chunked sources.
#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lightbox/core/eval/metrics.h"
#include "lightbox/core/eval/pixel_metrics.h"
#include "lightbox/core/random.h"

using namespace lightbox;
using namespace lightbox::eval;

namespace {

struct Pixels {
  std::vector<float> scores;
  std::vector<uint8_t> labels;
};

std::vector<Pixels> readSklearnCases() {
  const std::string path = std::string(LIGHTBOX_EVAL_FIXTURES) + "/metrics_cases.txt";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<Pixels> cases;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    if (key == "case") cases.emplace_back();
    if (key == "scores")
      for (std::string v; fields >> v;) cases.back().scores.push_back(std::stof(v));
    if (key == "labels")
      for (int v; fields >> v;) cases.back().labels.push_back(uint8_t(v));
  }
  return cases;
}

// Delivers the pixels in chunks of `chunk`, in reverse chunk order on odd passes (order must not matter).
PixelSource chunkedSource(const Pixels& p, size_t chunk, int* calls = nullptr) {
  return [&p, chunk, calls](const PixelChunkSink& sink) {
    const int pass = calls ? (*calls)++ : 0;
    const size_t n = p.scores.size(), chunks = (n + chunk - 1) / chunk;
    for (size_t k = 0; k < chunks; ++k) {
      const size_t c = pass % 2 ? chunks - 1 - k : k;
      const size_t first = c * chunk, len = std::min(chunk, n - first);
      sink(std::span<const float>(p.scores).subspan(first, len), std::span<const uint8_t>(p.labels).subspan(first, len));
    }
  };
}

// Same values bit for bit, same warning state.
bool identical(const MetricValue& a, const MetricValue& b) {
  return a.value == b.value && a.warning.has_value() == b.warning.has_value();
}

void checkIdentical(const Pixels& p, const StreamingOptions& options, size_t chunk, int minPasses = 2) {
  int calls = 0;
  const PixelMetrics s = streamingPixelMetrics(chunkedSource(p, chunk, &calls), options);
  const MetricValue ap = averagePrecision(p.scores, p.labels), auroc = areaUnderRoc(p.scores, p.labels);
  QVERIFY2(identical(s.averagePrecision, ap),
           qPrintable(QString("AP %1 vs %2").arg(s.averagePrecision.value, 0, 'g', 17).arg(ap.value, 0, 'g', 17)));
  QVERIFY2(identical(s.areaUnderRoc, auroc),
           qPrintable(QString("AUROC %1 vs %2").arg(s.areaUnderRoc.value, 0, 'g', 17).arg(auroc.value, 0, 'g', 17)));
  QCOMPARE(s.stats.passes, calls);
  QVERIFY2(s.stats.passes >= minPasses, qPrintable(QString("%1 passes").arg(s.stats.passes)));
  QVERIFY(s.stats.peakScratchBytes <= options.memoryBudgetBytes);
}

// 40 % exact zeros and 20 % exact ones (as clipping produces), the rest spread or crowded into one bucket.
Pixels clippedLike(size_t n, uint64_t seed, double prevalence) {
  Rng rng(seed);
  Pixels p;
  for (size_t i = 0; i < n; ++i) {
    const bool positive = rng.uniform() < prevalence;
    const double u = rng.uniform();
    p.labels.push_back(positive ? 1 : 0);
    p.scores.push_back(u < 0.4   ? 0.0f
                       : u < 0.6 ? 1.0f
                       : u < 0.8 ? float(0.5 + 0.007 * rng.uniform())
                                 : float(std::min(1.0, rng.uniform() * 0.8 + 0.2 * positive)));
  }
  return p;
}

}  // namespace

class TestPixelMetrics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void equalsInMemoryOnSklearnCases() {
    const std::vector<Pixels> cases = readSklearnCases();
    QVERIFY(cases.size() >= 10);  // random, tied, all-positive, all-negative, signed zeros, constant, ...
    for (const Pixels& p : cases) checkIdentical(p, {}, 7);
  }

  void equalsInMemoryAcrossManyPasses() {
    // 1.2M pixels: 480k exact zeros (a dense bucket), 240k ones, 240k crowded around 0.5 and 240k spread (~1 MB of
    // entries each): with a 4 MiB budget a pass holds at most ~1.9 MiB, so the sweep needs at least three passes.
    const Pixels p = clippedLike(1200000, 41, 0.1);
    StreamingOptions small;
    small.memoryBudgetBytes = size_t(4) << 20;
    checkIdentical(p, small, 65536, 4);
    checkIdentical(p, {}, 100000, 2);  // default budget: one sweep after the histogram
  }

  void equalsInMemoryForEdgeCases() {
    StreamingOptions small;
    small.memoryBudgetBytes = size_t(4) << 20;
    Pixels allPositive = clippedLike(300000, 5, 1.0), allNegative = clippedLike(300000, 6, 0.0);
    checkIdentical(allPositive, small, 30000);
    checkIdentical(allNegative, small, 30000);
    Pixels tied;  // one value only: a single dense bucket holding a single tie group
    tied.scores.assign(400000, 0.25f);
    for (size_t i = 0; i < tied.scores.size(); ++i) tied.labels.push_back(i % 7 == 0);
    checkIdentical(tied, small, 50000);
    Pixels signedZeros{{-0.0f, 0.0f, -0.0f, 0.0f, -1.5f, 2.0f}, {1, 0, 0, 1, 0, 1}};
    checkIdentical(signedZeros, {}, 2);
    Pixels empty;
    checkIdentical(empty, {}, 1, 1);
  }

  void tieGroupsComeInDescendingOrder() {
    const Pixels p{{0.5f, 0.25f, 0.5f, -0.0f, 0.0f, 0.75f}, {1, 0, 0, 1, 1, 0}};
    std::vector<float> values;
    std::vector<std::pair<uint64_t, uint64_t>> counts;
    uint64_t P = 0, N = 0;
    TieGroupVisitor v;
    v.totals = [&](uint64_t pos, uint64_t neg) { P = pos, N = neg; };
    v.group = [&](float s, uint64_t pos, uint64_t neg) { values.push_back(s), counts.push_back({pos, neg}); };
    forEachTieGroupStreaming(pixelSourceOf(p.scores, p.labels), {}, v);
    QCOMPARE(P, uint64_t(3));
    QCOMPARE(N, uint64_t(3));
    QCOMPARE(values, (std::vector<float>{0.75f, 0.5f, 0.25f, 0.0f}));
    QVERIFY(!std::signbit(values.back()));
    QCOMPARE(counts, (std::vector<std::pair<uint64_t, uint64_t>>{{0, 1}, {1, 1}, {0, 1}, {2, 0}}));
  }

  void badInputIsRejected() {
    const Pixels p = clippedLike(1000, 2, 0.3);
    StreamingOptions tiny;
    tiny.memoryBudgetBytes = size_t(1) << 20;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, streamingPixelMetrics(pixelSourceOf(p.scores, p.labels), tiny));
    const std::vector<float> nan{0.1f, std::numeric_limits<float>::quiet_NaN()};
    const std::vector<uint8_t> two{0, 1}, one{1};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, streamingPixelMetrics(pixelSourceOf(nan, two)));
    const std::vector<float> scores{0.1f, 0.2f};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, streamingPixelMetrics(pixelSourceOf(scores, one)));
    // A source that hands out different pixels on its second pass.
    int calls = 0;
    const Pixels q = clippedLike(1000, 3, 0.3);
    const PixelSource changing = [&](const PixelChunkSink& sink) {
      sink(calls++ == 0 ? std::span<const float>(p.scores) : std::span<const float>(q.scores), p.labels);
    };
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, streamingPixelMetrics(changing));
  }
};

QTEST_GUILESS_MAIN(TestPixelMetrics)
#include "test_pixel_metrics.moc"
