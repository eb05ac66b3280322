#include "tie_groups.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace lightbox::eval::detail {

namespace {

// Two-level radix grouping instead of a comparison sort: the high 16 bits of an order-preserving key pick a bucket
// (counting sort), and each entry keeps only its low 16 bits and its label in a uint32. So the scratch is 4 bytes per
// element (400 MB for 1e8 pixels, where sorting (index, score) pairs would need 8-16) and no step is O(n log n).
constexpr int kBuckets = 1 << 16;
// Above this size a bucket is grouped by a 2^16-entry histogram rather than sorted (the histogram costs ~64k steps).
constexpr size_t kHistogramThreshold = 4096;

}  // namespace

LabelCounts countLabels(std::span<const float> scores, std::span<const uint8_t> labels) {
  if (scores.size() != labels.size())
    throw std::invalid_argument("metrics: " + std::to_string(scores.size()) + " scores but " +
                                std::to_string(labels.size()) + " labels");
  LabelCounts counts;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (std::isnan(scores[i])) throw std::invalid_argument("metrics: NaN score at element " + std::to_string(i));
    if (labels[i]) ++counts.positives;
  }
  counts.negatives = scores.size() - counts.positives;
  return counts;
}

void forEachTieGroupDescending(std::span<const float> scores, std::span<const uint8_t> labels,
                               const std::function<void(uint32_t, uint32_t)>& group) {
  const size_t n = scores.size();
  std::vector<uint64_t> start(kBuckets + 1, 0);
  for (float s : scores) ++start[(orderedKey(s) >> 16) + 1];
  for (int b = 0; b < kBuckets; ++b) start[b + 1] += start[b];

  // Entry: low 16 key bits above the label bit, so sorting entries sorts by score and counting stays easy.
  std::vector<uint32_t> entries(n);
  {
    std::vector<uint64_t> fill(start.begin(), start.end() - 1);
    for (size_t i = 0; i < n; ++i) {
      const uint32_t key = orderedKey(scores[i]);
      entries[fill[key >> 16]++] = ((key & 0xFFFFu) << 1) | (labels[i] ? 1u : 0u);
    }
  }

  std::vector<uint32_t> histogram;  // [low16][label], only for large buckets
  for (int b = kBuckets - 1; b >= 0; --b) {
    const auto first = entries.begin() + std::ptrdiff_t(start[b]), last = entries.begin() + std::ptrdiff_t(start[b + 1]);
    if (first == last) continue;
    if (size_t(last - first) >= kHistogramThreshold) {
      histogram.assign(2 * kBuckets, 0);
      for (auto it = first; it != last; ++it) ++histogram[*it];
      for (int v = kBuckets - 1; v >= 0; --v) {
        const uint32_t neg = histogram[2 * size_t(v)], pos = histogram[2 * size_t(v) + 1];
        if (neg || pos) group(pos, neg);
      }
    } else {
      std::sort(first, last, std::greater<>());
      for (auto it = first; it != last;) {
        const uint32_t value = *it >> 1;
        uint32_t pos = 0, neg = 0;
        for (; it != last && (*it >> 1) == value; ++it) (*it & 1u) ? ++pos : ++neg;
        group(pos, neg);
      }
    }
  }
}

}  // namespace lightbox::eval::detail
