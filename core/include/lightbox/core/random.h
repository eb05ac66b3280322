#pragma once
// Seeded randomness with distributions implemented here, so that one seed gives bit-identical results with any
// compiler and standard library (std::normal_distribution and friends are implementation-defined).

#include <cstdint>

namespace lightbox {

/// xoshiro256** seeded through SplitMix64. Cheap to copy; one generator per sample.
class Rng {
 public:
  explicit Rng(uint64_t seed = 0);

  /// Generator for item `index` of a stream identified by `seed` (e.g. run seed + sample index): independent of the
  /// order in which items are generated, so multi-threaded pipelines stay reproducible.
  static Rng forItem(uint64_t seed, uint64_t index);

  uint64_t next();
  /// U[0, 1) with 53 random bits.
  double uniform();
  /// U[a, b).
  double uniform(double a, double b) { return a + (b - a) * uniform(); }
  /// Integer uniform on [lo, hi], both ends included (numpy randint(lo, hi + 1)). Unbiased.
  int64_t randint(int64_t lo, int64_t hiInclusive);
  /// N(mean, sd), Marsaglia's polar method.
  double normal(double mean = 0.0, double sd = 1.0);
  /// Gamma with shape k > 0 and scale theta (mean k*theta), Marsaglia & Tsang.
  double gamma(double shape, double scale);
  /// Exponential with the given mean.
  double exponential(double mean);
  /// True with probability p.
  bool bernoulli(double p) { return uniform() < p; }

 private:
  uint64_t s_[4];
  double spareNormal_ = 0.0;
  bool hasSpare_ = false;
};

/// SplitMix64 finaliser: a good 64-bit mixing function, used to derive seeds.
uint64_t mixSeed(uint64_t x);

}  // namespace lightbox
