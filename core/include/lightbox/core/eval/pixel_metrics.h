#pragma once
// Pixel-level AP and AUROC over a whole test set (~1e8 voxels) in bounded memory, with results identical to
// averagePrecision / areaUnderRoc (metrics.h) on the same pixels: same tie groups, same arithmetic.
//
// The pixels are not held: a PixelSource is asked to deliver them again on every pass.
//   pass 1    histogram of the top 16 bits of each score's order-preserving key, positives and negatives apart;
//   pass 2..  the buckets, swept from the highest score down in groups that fit the memory budget: a bucket with
//             few pixels keeps 4 bytes per pixel (low 16 key bits + label) and is sorted; a crowded bucket
//             (> 262144 pixels, e.g. every clipped 0 or 1) is counted in a dense 2^16 x 2 histogram (1 MiB)
//             instead. Each distinct score then yields one tie group, in descending order, exactly as in memory.
// Passes: 1 + about ceil(scratch / budget), where scratch = 4 bytes per pixel of the sparse buckets + 1 MiB per crowded
// bucket (measured: 1e8 pixels, 256 MiB -> 2 passes, 64 MiB -> 5, 16 MiB -> 19; each pass costs one read of the
// source plus ~1 s of work per 1e8 pixels on one core).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

#include "lightbox/core/eval/metrics.h"

namespace lightbox::eval {

/// Receives one chunk of pixels: scores and labels (0 = negative, anything else = positive) of equal length.
using PixelChunkSink = std::function<void(std::span<const float> scores, std::span<const uint8_t> labels)>;
/// Delivers every pixel of the set to the sink, in chunks of any size. Called once per pass; every call must
/// deliver the same pixels (in any order), otherwise std::invalid_argument is thrown.
using PixelSource = std::function<void(const PixelChunkSink& sink)>;

struct StreamingOptions {
  /// Scratch memory for the passes (the fixed ~2 MiB of per-bucket counts and offsets included). At least 4 MiB.
  size_t memoryBudgetBytes = size_t(256) << 20;
};

struct StreamingStats {
  int passes = 0;               ///< calls made to the source
  size_t peakScratchBytes = 0;  ///< largest scratch held at once (histograms, offsets, entries)
};

struct PixelMetrics {
  MetricValue averagePrecision;
  MetricValue areaUnderRoc;
  uint64_t positives = 0, negatives = 0;
  StreamingStats stats;
};

/// AP and AUROC of all pixels the source delivers; identical to averagePrecision / areaUnderRoc on the same pixels.
/// Throws std::invalid_argument for a NaN score, chunks whose lengths differ, a budget under 4 MiB or a source that
/// changes between passes.
PixelMetrics streamingPixelMetrics(const PixelSource& source, const StreamingOptions& options = {});

/// The tie groups behind it, for other curves over the same pixels.
struct TieGroupVisitor {
  /// Called once after pass 1, before any group, with the label totals.
  std::function<void(uint64_t positives, uint64_t negatives)> totals;
  /// Called once per distinct score, highest score first (-0 and +0 are one value, reported as +0).
  std::function<void(float score, uint64_t positives, uint64_t negatives)> group;
};
StreamingStats forEachTieGroupStreaming(const PixelSource& source, const StreamingOptions& options,
                                        const TieGroupVisitor& visitor);

/// A source over pixels already in memory (for tests, and for callers that have them anyway).
PixelSource pixelSourceOf(std::span<const float> scores, std::span<const uint8_t> labels);

}  // namespace lightbox::eval
