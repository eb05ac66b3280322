// Average precision and AUROC against scikit-learn (SPEC §5.2, §9): fixtures/metrics_cases.txt holds inputs and
// sklearn 1.2's own values (regenerate with fixtures/make_metrics_cases.py); no Python at test time.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lightbox/core/eval/metrics.h"
#include "lightbox/core/random.h"

using namespace lightbox;
using namespace lightbox::eval;

namespace {

struct Case {
  std::string name;
  double ap = 0.0;
  bool aurocDefined = true;
  double auroc = 0.0;
  std::vector<float> scores;
  std::vector<uint8_t> labels;
};

std::vector<Case> readCases() {
  std::ifstream in(LIGHTBOX_METRICS_FIXTURE);
  if (!in) throw std::runtime_error("cannot open " LIGHTBOX_METRICS_FIXTURE);
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    if (key == "case") {
      cases.emplace_back();
      fields >> cases.back().name;
    } else if (key == "ap") {
      fields >> cases.back().ap;
    } else if (key == "auroc") {
      std::string v;
      fields >> v;
      cases.back().aurocDefined = v != "undefined";
      if (cases.back().aurocDefined) cases.back().auroc = std::stod(v);
    } else if (key == "scores") {
      for (std::string v; fields >> v;) cases.back().scores.push_back(std::stof(v));  // stof: "-0" stays -0.0f
    } else if (key == "labels") {
      for (int v; fields >> v;) cases.back().labels.push_back(uint8_t(v));
    }
  }
  return cases;
}

// Independent reference: a plain comparison sort, ties grouped, sklearn's formulas. Checks the radix path on
// inputs too big for fixtures.
std::pair<double, double> reference(const std::vector<float>& scores, const std::vector<uint8_t>& labels) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  const double P = double(std::count_if(labels.begin(), labels.end(), [](uint8_t l) { return l != 0; }));
  const double N = double(scores.size()) - P;
  double tp = 0, fp = 0, ap = 0, auc = 0;
  for (size_t i = 0; i < order.size();) {
    double pos = 0, neg = 0;
    const float s = scores[order[i]];
    for (; i < order.size() && scores[order[i]] == s; ++i) (labels[order[i]] ? pos : neg) += 1;
    auc += neg * (tp + pos / 2);
    tp += pos;
    fp += neg;
    ap += pos / P * tp / (tp + fp);
  }
  return {ap, auc / (P * N)};
}

}  // namespace

class TestMetrics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void matchesScikitLearn_data() {
    QTest::addColumn<int>("index");
    const std::vector<Case> cases = readCases();
    QVERIFY(cases.size() >= 10);
    for (size_t i = 0; i < cases.size(); ++i) QTest::newRow(cases[i].name.c_str()) << int(i);
  }

  void matchesScikitLearn() {
    QFETCH(int, index);
    const Case c = readCases()[size_t(index)];
    QCOMPARE(c.scores.size(), c.labels.size());
    const MetricValue ap = averagePrecision(c.scores, c.labels), auroc = areaUnderRoc(c.scores, c.labels);
    QVERIFY2(std::abs(ap.value - c.ap) <= 1e-9, qPrintable(QString("AP %1 vs sklearn %2").arg(ap.value, 0, 'g', 17)
                                                               .arg(c.ap, 0, 'g', 17)));
    const bool anyPositive = std::any_of(c.labels.begin(), c.labels.end(), [](uint8_t l) { return l != 0; });
    QCOMPARE(ap.warning.has_value(), !anyPositive);
    if (c.aurocDefined) {
      QVERIFY2(std::abs(auroc.value - c.auroc) <= 1e-9,
               qPrintable(QString("AUROC %1 vs sklearn %2").arg(auroc.value, 0, 'g', 17).arg(c.auroc, 0, 'g', 17)));
      QVERIFY(!auroc.warning);
    } else {  // sklearn raises; we substitute 0.5 and say why
      QCOMPARE(auroc.value, 0.5);
      QVERIFY(auroc.warning);
    }
  }

  // The order of the elements does not matter (ties are grouped, not broken by position).
  void orderDoesNotMatter() {
    const Case c = readCases().back();  // "large": many ties
    std::vector<size_t> order(c.scores.size());
    std::iota(order.begin(), order.end(), size_t{0});
    Rng rng(3);
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[size_t(rng.randint(0, int64_t(k) - 1))]);
    std::vector<float> scores;
    std::vector<uint8_t> labels;
    for (size_t i : order) scores.push_back(c.scores[i]), labels.push_back(c.labels[i]);
    QVERIFY(std::abs(averagePrecision(scores, labels).value - c.ap) <= 1e-9);
    QVERIFY(std::abs(areaUnderRoc(scores, labels).value - c.auroc) <= 1e-9);
  }

  // Large inputs crowded into few radix buckets take the histogram path; compare with the plain sort.
  void largeCrowdedInputMatchesReference() {
    Rng rng(11);
    const size_t n = 300000;
    std::vector<float> scores(n);
    std::vector<uint8_t> labels(n);
    for (size_t i = 0; i < n; ++i) {
      labels[i] = rng.uniform() < 0.05 ? 1 : 0;
      // [0.5, 0.5078): one 16-bit bucket; plus exact 0 and 1 as clipping produces.
      const double u = rng.uniform();
      scores[i] = u < 0.2 ? 0.0f : u > 0.9 ? 1.0f : float(0.5 + 0.0078 * rng.uniform() + 0.001 * labels[i]);
    }
    const auto [ap, auc] = reference(scores, labels);
    QVERIFY(std::abs(averagePrecision(scores, labels).value - ap) <= 1e-9);
    QVERIFY(std::abs(areaUnderRoc(scores, labels).value - auc) <= 1e-9);
  }

  // SPEC §7.2 random baselines: an uninformative (constant) score gives AP = prevalence and AUROC = 0.5.
  void randomBaselines() {
    std::vector<float> scores(1000, 0.3f);
    std::vector<uint8_t> labels(1000, 0);
    for (size_t i = 0; i < labels.size(); i += 8) labels[i] = 1;
    QVERIFY(std::abs(averagePrecision(scores, labels).value - 0.125) <= 1e-12);
    QCOMPARE(areaUnderRoc(scores, labels).value, 0.5);
  }

  void emptyAndInvalidInput() {
    const MetricValue ap = averagePrecision({}, {}), auroc = areaUnderRoc({}, {});
    QCOMPARE(ap.value, 0.0);
    QVERIFY(ap.warning);
    QCOMPARE(auroc.value, 0.5);
    QVERIFY(auroc.warning);
    const std::vector<float> two{0.1f, 0.2f};
    const std::vector<uint8_t> one{1};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, averagePrecision(two, one));
    const std::vector<float> withNan{0.1f, std::nanf("")};
    const std::vector<uint8_t> labels{0, 1};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, areaUnderRoc(withNan, labels));
  }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
