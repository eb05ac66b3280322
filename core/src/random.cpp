#include "lightbox/core/random.h"

#include <cmath>
#include <stdexcept>

namespace lightbox {

namespace {
uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
uint64_t splitmixNext(uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  return mixSeed(state);
}
}  // namespace

uint64_t mixSeed(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed) {
  uint64_t state = seed;
  for (auto& word : s_) word = splitmixNext(state);
}

Rng Rng::forItem(uint64_t seed, uint64_t index) { return Rng(mixSeed(seed ^ mixSeed(index + 0x632BE59BD9B4E019ULL))); }

uint64_t Rng::next() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

int64_t Rng::randint(int64_t lo, int64_t hiInclusive) {
  if (hiInclusive < lo) throw std::invalid_argument("Rng::randint: empty range");
  const uint64_t range = static_cast<uint64_t>(hiInclusive - lo) + 1;
  if (range == 0) return static_cast<int64_t>(next());  // the full 64-bit range
  const uint64_t threshold = (0 - range) % range;       // rejects the biased low end
  for (;;) {
    const uint64_t r = next();
    if (r >= threshold) return lo + static_cast<int64_t>(r % range);
  }
}

double Rng::normal(double mean, double sd) {
  if (hasSpare_) {
    hasSpare_ = false;
    return mean + sd * spareNormal_;
  }
  double u, v, s;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double f = std::sqrt(-2.0 * std::log(s) / s);
  spareNormal_ = v * f;
  hasSpare_ = true;
  return mean + sd * u * f;
}

double Rng::gamma(double shape, double scale) {
  if (!(shape > 0.0) || !(scale > 0.0)) throw std::invalid_argument("Rng::gamma: shape and scale must be positive");
  if (shape < 1.0) {
    // Boost a shape below one: X_k = X_{k+1} * U^(1/k).
    const double u = uniform();
    return gamma(shape + 1.0, scale) * std::pow(1.0 - u, 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = 1.0 - uniform();  // (0, 1]
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return d * v * scale;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v * scale;
  }
}

double Rng::exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

}  // namespace lightbox
