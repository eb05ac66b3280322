#include "lightbox/core/eval/numpy_permutation.h"

#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace lightbox::eval {

namespace {

// numpy/random/bit_generator.pyx constants.
constexpr uint32_t kInitA = 0x43b0d7e5u, kMultA = 0x931e8875u, kInitB = 0x8b51f9ddu, kMultB = 0x58f38dedu;
constexpr uint32_t kMixMultL = 0xca01f9ddu, kMixMultR = 0x4973f715u;
constexpr int kXShift = 16;
constexpr size_t kPoolSize = 4;

uint32_t hashmix(uint32_t value, uint32_t& hashConst) {
  value ^= hashConst;
  hashConst *= kMultA;
  value *= hashConst;
  value ^= value >> kXShift;
  return value;
}

uint32_t mix(uint32_t x, uint32_t y) {
  uint32_t result = kMixMultL * x - kMixMultR * y;
  result ^= result >> kXShift;
  return result;
}

// 128-bit arithmetic on (hi, lo) pairs in portable C++ (no __int128, which -Wpedantic rejects and MSVC lacks).
void multiply64(uint64_t a, uint64_t b, uint64_t& hi, uint64_t& lo) {
  const uint64_t aLo = a & 0xFFFFFFFFu, aHi = a >> 32, bLo = b & 0xFFFFFFFFu, bHi = b >> 32;
  const uint64_t ll = aLo * bLo, lh = aLo * bHi, hl = aHi * bLo, hh = aHi * bHi;
  const uint64_t middle = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
  lo = (middle << 32) | (ll & 0xFFFFFFFFu);
  hi = hh + (lh >> 32) + (hl >> 32) + (middle >> 32);
}

// PCG_DEFAULT_MULTIPLIER_128.
constexpr uint64_t kMultHi = 0x2360ED051FC65DA4ull, kMultLo = 0x4385DF649FCCF645ull;

}  // namespace

std::vector<uint32_t> numpySeedSequenceState(uint64_t entropy, size_t words) {
  // _int_to_uint32_array: little-endian 32-bit words, [0] for zero.
  std::vector<uint32_t> entropyWords;
  if (entropy == 0) entropyWords.push_back(0);
  for (uint64_t e = entropy; e > 0; e >>= 32) entropyWords.push_back(uint32_t(e & 0xFFFFFFFFu));

  // SeedSequence.mix_entropy.
  uint32_t hashConst = kInitA;
  uint32_t pool[kPoolSize];
  for (size_t i = 0; i < kPoolSize; ++i)
    pool[i] = hashmix(i < entropyWords.size() ? entropyWords[i] : 0u, hashConst);
  for (size_t src = 0; src < kPoolSize; ++src)
    for (size_t dst = 0; dst < kPoolSize; ++dst)
      if (src != dst) pool[dst] = mix(pool[dst], hashmix(pool[src], hashConst));
  for (size_t src = kPoolSize; src < entropyWords.size(); ++src)
    for (size_t dst = 0; dst < kPoolSize; ++dst) pool[dst] = mix(pool[dst], hashmix(entropyWords[src], hashConst));

  // SeedSequence.generate_state: cycle over the pool.
  std::vector<uint32_t> state(words);
  uint32_t outConst = kInitB;
  for (size_t i = 0; i < words; ++i) {
    uint32_t v = pool[i % kPoolSize];
    v ^= outConst;
    outConst *= kMultB;
    v *= outConst;
    v ^= v >> kXShift;
    state[i] = v;
  }
  return state;
}

NumpyPcg64::NumpyPcg64(uint64_t seed) {
  // generate_state(4, uint64) views pairs of 32-bit words little-endian; words 0-1 = state, 2-3 = increment.
  const std::vector<uint32_t> w = numpySeedSequenceState(seed, 8);
  auto word64 = [&](size_t k) { return uint64_t(w[2 * k]) | (uint64_t(w[2 * k + 1]) << 32); };
  const uint64_t seedHi = word64(0), seedLo = word64(1), seqHi = word64(2), seqLo = word64(3);
  // pcg_setseq_128_srandom_r: inc = (initseq << 1) | 1; step; state += initstate; step.
  incHi_ = (seqHi << 1) | (seqLo >> 63);
  incLo_ = (seqLo << 1) | 1u;
  stateHi_ = stateLo_ = 0;
  step();
  const uint64_t lo = stateLo_ + seedLo;
  stateHi_ = stateHi_ + seedHi + (lo < seedLo ? 1 : 0);
  stateLo_ = lo;
  step();
}

void NumpyPcg64::step() {
  // state = state * MULT + inc (mod 2^128).
  uint64_t hi, lo;
  multiply64(stateLo_, kMultLo, hi, lo);
  hi += stateHi_ * kMultLo + stateLo_ * kMultHi;
  const uint64_t sumLo = lo + incLo_;
  stateHi_ = hi + incHi_ + (sumLo < lo ? 1 : 0);
  stateLo_ = sumLo;
}

uint64_t NumpyPcg64::next64() {
  step();
  // XSL-RR: xor the halves, rotate right by the top 6 bits.
  const uint64_t x = stateHi_ ^ stateLo_;
  const unsigned rot = unsigned(stateHi_ >> 58);
  return (x >> rot) | (x << ((64u - rot) & 63u));
}

uint32_t NumpyPcg64::next32() {
  if (hasBufferedHalf_) {
    hasBufferedHalf_ = false;
    return bufferedHalf_;
  }
  const uint64_t next = next64();
  hasBufferedHalf_ = true;
  bufferedHalf_ = uint32_t(next >> 32);
  return uint32_t(next & 0xFFFFFFFFu);
}

uint64_t NumpyPcg64::interval(uint64_t max) {
  if (max == 0) return 0;
  uint64_t mask = max;
  for (int shift = 1; shift <= 32; shift *= 2) mask |= mask >> shift;
  uint64_t value;
  if (max <= 0xFFFFFFFFu) {
    while ((value = (next32() & mask)) > max) {
    }
  } else {
    while ((value = (next64() & mask)) > max) {
    }
  }
  return value;
}

std::vector<int64_t> numpyPermutation(uint64_t seed, int64_t n) {
  if (n < 0) throw std::invalid_argument("numpyPermutation: negative length " + std::to_string(n));
  std::vector<int64_t> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), int64_t{0});
  NumpyPcg64 rng(seed);
  for (int64_t i = n - 1; i >= 1; --i) std::swap(order[size_t(i)], order[size_t(rng.interval(uint64_t(i)))]);
  return order;
}

}  // namespace lightbox::eval
