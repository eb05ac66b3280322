// Dataset metrics at the three scales of SPEC §5.2 against the reference protocol run with numpy / scikit-learn:
// fixtures/dataset_metrics_cases.txt holds 47 simulated volumes and the reference's numbers (regenerate with
// fixtures/make_dataset_metrics_cases.py), including "AP in batches of 20" with default_rng(i) permutations.
#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lightbox/core/eval/dataset_metrics.h"

using namespace lightbox;
using namespace lightbox::eval;

namespace {

struct Fixture {
  InMemorySampleSet samples;
  std::map<std::string, double> expected;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    const std::string path = std::string(LIGHTBOX_EVAL_FIXTURES) + "/dataset_metrics_cases.txt";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    Fixture out;
    Shape shape;
    std::vector<float> prediction;
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string key;
      fields >> key;
      if (key == "sample") {
        std::vector<int64_t> sizes;
        for (int64_t s; fields >> s;) sizes.push_back(s);
        shape = Shape::fromVector(sizes);
      } else if (key == "prediction") {
        prediction.clear();
        for (std::string v; fields >> v;) prediction.push_back(std::stof(v));
      } else if (key == "labels") {
        std::vector<float> annotation;
        for (int v; fields >> v;) annotation.push_back(float(v));
        out.samples.add(shape, prediction, labelsFromMask(annotation));
      } else if (key == "result") {
        std::string name;
        double value = 0;
        fields >> name >> value;
        out.expected[name] = value;
      }
    }
    return out;
  }();
  return f;
}

double expected(const std::string& key) {
  const auto it = fixture().expected.find(key);
  if (it == fixture().expected.end()) throw std::runtime_error("fixture lacks " + key);
  return it->second;
}

// A helper, not a macro: a failure is recorded and the caller goes on to the next comparison.
void compareNear(double actual, const std::string& key) {
  QVERIFY2(std::abs(actual - expected(key)) <= 1e-9, qPrintable(QString("%1: %2 vs reference %3")
                                                                   .arg(QString::fromStdString(key))
                                                                   .arg(actual, 0, 'g', 17)
                                                                   .arg(expected(key), 0, 'g', 17)));
}

void compareImageLevel(const ImageLevelMetrics& m, const std::string& scale) {
  QCOMPARE(double(m.items), expected(scale + "_items"));
  QCOMPARE(double(m.positives), expected(scale + "_positives"));
  compareNear(m.averagePrecision.mean.value, scale + "_ap_mean");
  compareNear(m.averagePrecision.percentile75.value, scale + "_ap_percentile75");
  compareNear(m.averagePrecision.topQuarterMean.value, scale + "_ap_top_quarter_mean");
  compareNear(m.areaUnderRoc.mean.value, scale + "_auroc_mean");
  compareNear(m.areaUnderRoc.percentile75.value, scale + "_auroc_percentile75");
  compareNear(m.areaUnderRoc.topQuarterMean.value, scale + "_auroc_top_quarter_mean");
}

// The same samples as the fixture, handed out one at a time from a copy made on demand, as a project-backed set
// would load them.
class OnDemandSet final : public SampleSet {
 public:
  size_t size() const override { return fixture().samples.size(); }
  void withSample(size_t index, const std::function<void(const SampleView&)>& use) const override {
    ++loads;
    fixture().samples.withSample(index, [&](const SampleView& v) {
      const std::vector<float> prediction(v.prediction.begin(), v.prediction.end());
      const std::vector<uint8_t> labels(v.labels.begin(), v.labels.end());
      use({v.shape, prediction, labels});
    });
  }
  mutable size_t loads = 0;
};

}  // namespace

class TestDatasetMetrics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void pixelLevelMatchesReference() {
    QCOMPARE(fixture().samples.size(), size_t(47));
    const PixelLevelMetrics m = pixelLevelMetrics(fixture().samples);
    compareNear(m.averagePrecision.value, "pixel_ap");
    compareNear(m.areaUnderRoc.value, "pixel_auroc");
    QCOMPARE(m.batched.repeats.size(), size_t(10));
    for (size_t i = 0; i < 10; ++i) compareNear(m.batched.repeats[i], "batched_repeat_" + std::to_string(i));
    compareNear(m.batched.mean, "batched_mean");
    compareNear(m.batched.std, "batched_std");
  }

  void sampleLevelMatchesReference() { compareImageLevel(sampleLevelMetrics(fixture().samples), "sample"); }
  void sliceLevelMatchesReference() { compareImageLevel(sliceLevelMetrics(fixture().samples), "slice"); }

  void onDemandSetGivesTheSameNumbers() {
    OnDemandSet set;
    const PixelLevelMetrics m = pixelLevelMetrics(set);
    compareNear(m.averagePrecision.value, "pixel_ap");
    compareNear(m.batched.mean, "batched_mean");
    QVERIFY(set.loads >= 47 * 2);  // every pass reloads
  }

  // Zimmerer's rule: fraction > 5 / 128^2.
  void sliceAnomalyRule() {
    QVERIFY(!sliceIsAnomalous(2, 112 * 80));
    QVERIFY(sliceIsAnomalous(3, 112 * 80));
    QVERIFY(!sliceIsAnomalous(5, 128 * 128));  // exactly the threshold: not greater
    QVERIFY(sliceIsAnomalous(6, 128 * 128));
    QVERIFY(!sliceIsAnomalous(0, 1));
    std::vector<uint8_t> labels(2 * 112 * 80, 0);
    labels[10] = labels[20] = 1;                           // slice 0: 2 voxels
    labels[8960 + 1] = labels[8960 + 2] = labels[8960 + 3] = 1;  // slice 1: 3 voxels
    QCOMPARE(sliceLabels(labels, Shape(2, 112, 80)), (std::vector<uint8_t>{0, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sliceIsAnomalous(3, 2));
  }

  void labelsFromMasks() {
    const std::vector<float> annotation{0.0f, 2.0f, -1.0f, 0.0f, 0.5f};
    QCOMPARE(labelsFromMask(annotation), (std::vector<uint8_t>{0, 1, 1, 0, 1}));
    const std::vector<uint8_t> bytes{0, 4, 0};
    QCOMPARE(labelsFromMask(bytes), (std::vector<uint8_t>{0, 1, 0}));
    QVERIFY(sampleLabel(labelsFromMask(bytes)));
    QVERIFY(!sampleLabel(std::vector<uint8_t>(5, 0)));
    const std::vector<float> withNan{0.0f, std::nanf("")};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, labelsFromMask(withNan));
  }

  // A chunk without positives scores 0 (scikit-learn) and is counted.
  void chunksWithoutPositivesAreCounted() {
    InMemorySampleSet set;
    for (int i = 0; i < 3; ++i) set.add(Shape(2, 2), {0.1f, 0.2f, 0.3f, 0.4f}, {0, 0, 0, uint8_t(i == 0)});
    BatchedApOptions options;
    options.batchSize = 1;
    options.repeats = 2;
    const BatchedAveragePrecision b = averagePrecisionInBatches(set, options);
    QCOMPARE(b.chunksWithoutPositives, size_t(4));
    QCOMPARE(b.repeats, (std::vector<double>{1.0 / 3, 1.0 / 3}));
    QCOMPARE(b.std, 0.0);
  }

  void badInputIsRejected() {
    InMemorySampleSet set;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, set.add(Shape(2, 2), {0.1f}, {0, 0, 0, 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, averagePrecisionInBatches(set));
    set.add(Shape(2, 2), {0.1f, 0.2f, 0.3f, 0.4f}, {0, 0, 0, 1});
    BatchedApOptions zero;
    zero.batchSize = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, averagePrecisionInBatches(set, zero));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sliceLevelMetrics(set));  // 2D sample
  }
};

QTEST_GUILESS_MAIN(TestDatasetMetrics)
#include "test_dataset_metrics.moc"
