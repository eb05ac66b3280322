#include "lightbox/core/eval/pixel_metrics.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "curve_accumulators.h"
#include "tie_groups.h"

namespace lightbox::eval {

namespace {

constexpr size_t kBuckets = size_t(1) << 16;
constexpr size_t kDenseBytes = 2 * kBuckets * sizeof(uint64_t);  // one crowded bucket: [low16][label] counts
constexpr size_t kEntryBytes = sizeof(uint32_t);                 // one pixel of a sparse bucket
// Histogram of pass 1 (positives and negatives per bucket) + per-bucket offsets, fill positions and dense flags.
constexpr size_t kFixedBytes = 4 * kBuckets * sizeof(uint64_t) + kBuckets * sizeof(uint8_t);
constexpr size_t kMinimumBudget = size_t(4) << 20;

struct BucketCounts {
  std::vector<uint64_t> positives = std::vector<uint64_t>(kBuckets, 0);
  std::vector<uint64_t> negatives = std::vector<uint64_t>(kBuckets, 0);
  uint64_t total(size_t b) const { return positives[b] + negatives[b]; }
};

void checkChunk(std::span<const float> scores, std::span<const uint8_t> labels) {
  if (scores.size() != labels.size())
    throw std::invalid_argument("pixel metrics: a chunk of " + std::to_string(scores.size()) + " scores has " +
                                std::to_string(labels.size()) + " labels");
}

BucketCounts countBuckets(const PixelSource& source) {
  BucketCounts counts;
  source([&](std::span<const float> scores, std::span<const uint8_t> labels) {
    checkChunk(scores, labels);
    for (size_t i = 0; i < scores.size(); ++i) {
      if (std::isnan(scores[i])) throw std::invalid_argument("pixel metrics: NaN score");
      const size_t b = detail::orderedKey(scores[i]) >> 16;
      ++(labels[i] ? counts.positives : counts.negatives)[b];
    }
  });
  return counts;
}

size_t bucketCost(uint64_t pixels) {
  return pixels * kEntryBytes > kDenseBytes ? kDenseBytes : size_t(pixels) * kEntryBytes;
}

// One pass: buckets [low, high] (high first in the sweep), with their layout in the scratch.
struct Pass {
  size_t low = 0, high = 0;
  size_t scratchBytes = 0;
};

std::vector<Pass> planPasses(const BucketCounts& counts, size_t passBudget) {
  std::vector<Pass> passes;
  Pass current;
  bool open = false;
  for (size_t b = kBuckets; b-- > 0;) {
    const uint64_t n = counts.total(b);
    if (n == 0) continue;
    const size_t cost = bucketCost(n);
    if (open && current.scratchBytes + cost > passBudget) {
      passes.push_back(current);
      open = false;
    }
    if (!open) {
      current = Pass{b, b, 0};
      open = true;
    }
    current.low = b;
    current.scratchBytes += cost;
  }
  if (open) passes.push_back(current);
  return passes;
}

}  // namespace

StreamingStats forEachTieGroupStreaming(const PixelSource& source, const StreamingOptions& options,
                                        const TieGroupVisitor& visitor) {
  if (options.memoryBudgetBytes < kMinimumBudget)
    throw std::invalid_argument("pixel metrics: memory budget of " + std::to_string(options.memoryBudgetBytes) +
                                " bytes is under the minimum of 4 MiB");
  const BucketCounts counts = countBuckets(source);
  if (visitor.totals) {
    uint64_t positives = 0, negatives = 0;
    for (size_t b = 0; b < kBuckets; ++b) positives += counts.positives[b], negatives += counts.negatives[b];
    visitor.totals(positives, negatives);
  }
  const std::vector<Pass> passes = planPasses(counts, options.memoryBudgetBytes - kFixedBytes);
  size_t peak = kFixedBytes;

  std::vector<uint64_t> offset(kBuckets, 0);  // sparse bucket: start of its entries; dense: start of its histogram
  std::vector<uint64_t> fill(kBuckets, 0);
  std::vector<uint8_t> dense(kBuckets, 0);
  std::vector<uint32_t> entries;
  std::vector<uint64_t> histograms;
  for (const Pass& pass : passes) {
    uint64_t entryCount = 0, histogramCount = 0;
    for (size_t b = pass.low; b <= pass.high; ++b) {
      const uint64_t n = counts.total(b);
      dense[b] = n * kEntryBytes > kDenseBytes ? 1 : 0;
      offset[b] = dense[b] ? histogramCount : entryCount;
      fill[b] = offset[b];
      (dense[b] ? histogramCount : entryCount) += dense[b] ? 2 * kBuckets : n;
    }
    // Free the previous pass's buffers before allocating (assign would keep the larger capacity), so the budget holds.
    std::vector<uint32_t>().swap(entries);
    std::vector<uint64_t>().swap(histograms);
    entries.resize(size_t(entryCount));
    histograms.resize(size_t(histogramCount), 0);
    peak = std::max(peak, kFixedBytes + size_t(entryCount) * kEntryBytes + size_t(histogramCount) * sizeof(uint64_t));

    source([&](std::span<const float> scores, std::span<const uint8_t> labels) {
      checkChunk(scores, labels);
      for (size_t i = 0; i < scores.size(); ++i) {
        if (std::isnan(scores[i])) throw std::invalid_argument("pixel metrics: NaN score");
        const uint32_t key = detail::orderedKey(scores[i]);
        const size_t b = key >> 16;
        if (b < pass.low || b > pass.high) continue;
        const uint32_t entry = ((key & 0xFFFFu) << 1) | (labels[i] ? 1u : 0u);
        if (dense[b]) {
          ++histograms[size_t(offset[b]) + entry];
        } else {
          if (fill[b] - offset[b] == counts.total(b))
            throw std::invalid_argument("pixel metrics: the pixel source delivered different pixels on a later pass");
          entries[size_t(fill[b]++)] = entry;
        }
      }
    });

    for (size_t b = pass.high + 1; b-- > pass.low;) {
      const uint64_t n = counts.total(b);
      if (n == 0) continue;
      const uint32_t high = uint32_t(b) << 16;
      uint64_t pos = 0, neg = 0;  // to check the pass against pass 1
      if (dense[b]) {
        const uint64_t* h = histograms.data() + offset[b];
        for (size_t v = kBuckets; v-- > 0;) {
          const uint64_t vNeg = h[2 * v], vPos = h[2 * v + 1];
          if (vNeg || vPos) visitor.group(detail::scoreOfKey(high | uint32_t(v)), vPos, vNeg);
          pos += vPos;
          neg += vNeg;
        }
      } else {
        if (fill[b] - offset[b] != n)
          throw std::invalid_argument("pixel metrics: the pixel source delivered different pixels on a later pass");
        const auto first = entries.begin() + std::ptrdiff_t(offset[b]), last = first + std::ptrdiff_t(n);
        std::sort(first, last, std::greater<>());
        for (auto it = first; it != last;) {
          const uint32_t value = *it >> 1;
          uint64_t vPos = 0, vNeg = 0;
          for (; it != last && (*it >> 1) == value; ++it) (*it & 1u) ? ++vPos : ++vNeg;
          visitor.group(detail::scoreOfKey(high | value), vPos, vNeg);
          pos += vPos;
          neg += vNeg;
        }
      }
      if (pos != counts.positives[b] || neg != counts.negatives[b])
        throw std::invalid_argument("pixel metrics: the pixel source delivered different pixels on a later pass");
    }
  }
  return {1 + int(passes.size()), peak};
}

PixelMetrics streamingPixelMetrics(const PixelSource& source, const StreamingOptions& options) {
  PixelMetrics result;
  std::optional<detail::AveragePrecisionAccumulator> ap;
  std::optional<detail::AurocAccumulator> auroc;
  TieGroupVisitor visitor;
  visitor.totals = [&](uint64_t positives, uint64_t negatives) {
    result.positives = positives;
    result.negatives = negatives;
    ap.emplace(positives);
    auroc.emplace(positives, negatives);
  };
  visitor.group = [&](float, uint64_t positives, uint64_t negatives) {
    ap->add(positives, negatives);
    auroc->add(positives, negatives);
  };
  result.stats = forEachTieGroupStreaming(source, options, visitor);
  result.averagePrecision = ap->result();
  result.areaUnderRoc = auroc->result();
  return result;
}

PixelSource pixelSourceOf(std::span<const float> scores, std::span<const uint8_t> labels) {
  return [scores, labels](const PixelChunkSink& sink) { sink(scores, labels); };
}

}  // namespace lightbox::eval
