// numpy's default_rng(seed).permutation(n) bit for bit (SPEC §5.2 "AP in batches of 20" uses seeds 0..9):
// fixtures/numpy_permutations.txt holds numpy's own SeedSequence words, PCG64 outputs and permutations
// (regenerate with fixtures/make_numpy_permutations.py); no Python at test time.
#include <QtTest>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lightbox/core/eval/numpy_permutation.h"

using namespace lightbox::eval;

namespace {

struct Fixture {
  std::vector<std::pair<uint64_t, std::vector<uint32_t>>> states;
  std::vector<std::pair<uint64_t, std::vector<uint64_t>>> raws;
  struct Perm {
    uint64_t seed;
    int64_t n;
    std::vector<int64_t> values;
  };
  std::vector<Perm> perms;
};

Fixture readFixture() {
  const std::string path = std::string(LIGHTBOX_EVAL_FIXTURES) + "/numpy_permutations.txt";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  Fixture f;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    uint64_t seed = 0;
    fields >> key >> seed;
    if (key == "state") {
      f.states.push_back({seed, {}});
      for (uint32_t w; fields >> w;) f.states.back().second.push_back(w);
    } else if (key == "raw") {
      f.raws.push_back({seed, {}});
      for (uint64_t r; fields >> r;) f.raws.back().second.push_back(r);
    } else if (key == "perm") {
      Fixture::Perm p{seed, 0, {}};
      fields >> p.n;
      for (int64_t v; fields >> v;) p.values.push_back(v);
      f.perms.push_back(p);
    }
  }
  return f;
}

}  // namespace

class TestNumpyPermutation : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void seedSequenceMatchesNumpy() {
    const Fixture f = readFixture();
    QVERIFY(f.states.size() >= 10);
    for (const auto& [seed, words] : f.states) QCOMPARE(numpySeedSequenceState(seed, words.size()), words);
  }

  void pcg64MatchesNumpy() {
    const Fixture f = readFixture();
    QVERIFY(f.raws.size() >= 10);
    for (const auto& [seed, outputs] : f.raws) {
      NumpyPcg64 rng(seed);
      for (uint64_t expected : outputs) QCOMPARE(rng.next64(), expected);
    }
  }

  void permutationMatchesNumpy() {
    const Fixture f = readFixture();
    QVERIFY(f.perms.size() >= 70);
    for (const Fixture::Perm& p : f.perms) {
      QCOMPARE(int64_t(p.values.size()), p.n);
      QVERIFY2(numpyPermutation(p.seed, p.n) == p.values,
               qPrintable(QString("seed %1, n %2").arg(p.seed).arg(p.n)));
    }
  }

  // next32 hands out the low half of a 64-bit output first, then the high half.
  void next32SplitsOutputsLowHalfFirst() {
    NumpyPcg64 a(3), b(3);
    for (int i = 0; i < 4; ++i) {
      const uint64_t full = a.next64();
      QCOMPARE(b.next32(), uint32_t(full & 0xFFFFFFFFu));
      QCOMPARE(b.next32(), uint32_t(full >> 32));
    }
  }

  void intervalStaysInRange() {
    NumpyPcg64 rng(1);
    for (uint64_t max : {uint64_t(0), uint64_t(1), uint64_t(6), uint64_t(1) << 31, (uint64_t(1) << 40) + 3})
      for (int i = 0; i < 200; ++i) QVERIFY(rng.interval(max) <= max);
  }

  void largePermutationIsAPermutation() {
    std::vector<int64_t> p = numpyPermutation(9, 100000);
    std::sort(p.begin(), p.end());
    std::vector<int64_t> expected(100000);
    std::iota(expected.begin(), expected.end(), int64_t{0});
    QVERIFY(p == expected);
  }

  void negativeLengthIsRejected() { QVERIFY_THROWS_EXCEPTION(std::invalid_argument, numpyPermutation(0, -1)); }
};

QTEST_GUILESS_MAIN(TestNumpyPermutation)
#include "test_numpy_permutation.moc"
