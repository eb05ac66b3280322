#pragma once
// Internal to the metrics: the scores grouped by distinct value, visited from the highest score down, with the
// number of positive and negative labels in each group. Both sklearn curves are step functions over these groups.

#include <bit>
#include <cstdint>
#include <functional>
#include <span>

namespace lightbox::eval::detail {

/// Unsigned key with the order of the float: flip all bits of negatives, set the sign bit of positives.
inline uint32_t orderedKey(float score) {
  if (score == 0.0f) score = 0.0f;  // -0 == +0 for numpy: one tie group
  const uint32_t bits = std::bit_cast<uint32_t>(score);
  return (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
}

/// The float whose orderedKey is `key` (+0 for the key of zero).
inline float scoreOfKey(uint32_t key) {
  return std::bit_cast<float>((key & 0x80000000u) ? (key & 0x7FFFFFFFu) : ~key);
}

struct LabelCounts {
  uint64_t positives = 0;
  uint64_t negatives = 0;
};

/// Total counts. Throws std::invalid_argument for different lengths or a NaN score (sklearn rejects both).
LabelCounts countLabels(std::span<const float> scores, std::span<const uint8_t> labels);

/// Calls `group(positives, negatives)` once per distinct score, in descending score order (-0 and +0 are one value,
/// as numpy compares them equal). O(n) time plus small per-bucket sorts; 4 bytes of scratch per element.
void forEachTieGroupDescending(std::span<const float> scores, std::span<const uint8_t> labels,
                               const std::function<void(uint32_t positives, uint32_t negatives)>& group);

}  // namespace lightbox::eval::detail
