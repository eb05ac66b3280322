// Image-level scores (SPEC §5.2) against numpy: fixtures/image_scores_cases.txt holds maps and numpy's mean,
// 75th percentile and top-quarter mean of the clipped map (regenerate with fixtures/make_image_scores_cases.py).
#include <QtTest>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lightbox/core/eval/image_scores.h"

using namespace lightbox;
using namespace lightbox::eval;

namespace {

struct Case {
  std::string name;
  Shape shape;
  std::vector<float> values;
  ImageScores image;
  std::vector<ImageScores> slices;
};

ImageScores readScores(std::istringstream& fields) {
  ImageScores s;
  fields >> s.mean >> s.percentile75 >> s.topQuarterMean;
  return s;
}

std::vector<Case> readCases() {
  const std::string path = std::string(LIGHTBOX_EVAL_FIXTURES) + "/image_scores_cases.txt";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    if (key == "case") {
      cases.emplace_back();
      int ndim = 0;
      fields >> cases.back().name >> ndim;
      std::vector<int64_t> sizes(static_cast<size_t>(ndim));
      for (int64_t& s : sizes) fields >> s;
      cases.back().shape = Shape::fromVector(sizes);
    } else if (key == "values") {
      for (std::string v; fields >> v;) cases.back().values.push_back(std::stof(v));
    } else if (key == "image") {
      cases.back().image = readScores(fields);
    } else if (key == "slice") {
      int z = 0;
      fields >> z;
      cases.back().slices.push_back(readScores(fields));
    }
  }
  return cases;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b)); }

bool same(const ImageScores& a, const ImageScores& b) {
  return close(a.mean, b.mean) && close(a.percentile75, b.percentile75) && close(a.topQuarterMean, b.topQuarterMean);
}

QString describe(const ImageScores& s) {
  return QString("(%1, %2, %3)").arg(s.mean, 0, 'g', 17).arg(s.percentile75, 0, 'g', 17).arg(s.topQuarterMean, 0,
                                                                                              'g', 17);
}

}  // namespace

class TestImageScores : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void matchesNumpy_data() {
    QTest::addColumn<int>("index");
    const std::vector<Case> cases = readCases();
    QVERIFY(cases.size() >= 10);
    for (size_t i = 0; i < cases.size(); ++i) QTest::newRow(cases[i].name.c_str()) << int(i);
  }

  void matchesNumpy() {
    QFETCH(int, index);
    const Case c = readCases()[size_t(index)];
    QCOMPARE(int64_t(c.values.size()), c.shape.count());
    const ImageScores s = imageScores(c.values);
    QVERIFY2(same(s, c.image), qPrintable(describe(s) + " vs numpy " + describe(c.image)));
    if (c.shape.ndim == 3) {
      const std::vector<ImageScores> slices = sliceScores(c.values, c.shape);
      QCOMPARE(slices.size(), c.slices.size());
      for (size_t z = 0; z < slices.size(); ++z)
        QVERIFY2(same(slices[z], c.slices[z]), qPrintable(QString("slice %1: ").arg(z) + describe(slices[z]) +
                                                          " vs numpy " + describe(c.slices[z])));
    }
  }

  // The documented small-n rule: fewer than 4 values -> the top "quarter" is the single highest value.
  void topQuarterOfFewValuesIsTheMaximum() {
    const std::vector<float> three{0.1f, 0.7f, 0.4f};
    QCOMPARE(imageScores(three).topQuarterMean, double(0.7f));
    const std::vector<float> eight{0.f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f};
    QCOMPARE(imageScores(eight).topQuarterMean, (double(0.6f) + double(0.7f)) / 2);
  }

  void clipsToUnitInterval() {
    const std::vector<float> map{-3.f, 5.f, 0.5f, 2.f};
    const ImageScores s = imageScores(map);
    QCOMPARE(s.mean, 2.5 / 4);
    QCOMPARE(s.topQuarterMean, 1.0);
  }

  void badInputIsRejected() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, imageScores({}));
    const std::vector<float> withNan{0.1f, std::numeric_limits<float>::quiet_NaN()};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, imageScores(withNan));
    const std::vector<float> six(6, 0.f);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sliceScores(six, Shape(2, 3)));      // 2D
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sliceScores(six, Shape(2, 2, 2)));  // size mismatch
  }
};

QTEST_GUILESS_MAIN(TestImageScores)
#include "test_image_scores.moc"
