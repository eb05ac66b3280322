#pragma once
// numpy's np.random.default_rng(seed).permutation(n), bit for bit, for the "AP in batches of 20" protocol
// (SPEC §5.2): the reference shuffles the test images with default_rng(seed=i) for repeat i, so matching its
// permutations lets our batched AP use exactly the reference's chunks.
//
// Reproduced chain (numpy 1.24, checked against Debian's numpy in tests/core/fixtures/numpy_permutations.txt):
// SeedSequence(seed) -> generate_state(4, uint64) -> PCG64 (XSL-RR 128/64) -> Generator.shuffle, a Fisher-Yates
// shuffle from the last element down that draws j in [0, i] by masked rejection (numpy's random_interval: 32-bit
// draws, low half of each 64-bit output first, while i < 2^32). Nothing else of numpy's Generator is provided.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lightbox::eval {

/// numpy.random.SeedSequence(entropy).generate_state(words, np.uint32) for a non-negative integer entropy
/// (no spawn key).
std::vector<uint32_t> numpySeedSequenceState(uint64_t entropy, size_t words);

/// numpy.random.PCG64 seeded from SeedSequence(seed), as np.random.default_rng(seed) builds it.
class NumpyPcg64 {
 public:
  explicit NumpyPcg64(uint64_t seed);
  /// PCG64.random_raw(): one 64-bit output.
  uint64_t next64();
  /// numpy's next_uint32: the low half of a 64-bit output, then its high half on the following call.
  uint32_t next32();
  /// numpy's random_interval(max): uniform on [0, max] by rejection under the smallest all-ones mask >= max.
  uint64_t interval(uint64_t max);

 private:
  uint64_t stateHi_ = 0, stateLo_ = 0, incHi_ = 0, incLo_ = 0;
  uint32_t bufferedHalf_ = 0;
  bool hasBufferedHalf_ = false;
  void step();
};

/// np.random.default_rng(seed).permutation(n): a permutation of 0 .. n-1. Throws std::invalid_argument for n < 0.
std::vector<int64_t> numpyPermutation(uint64_t seed, int64_t n);

}  // namespace lightbox::eval
