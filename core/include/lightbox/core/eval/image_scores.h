#pragma once
// Image-level scores of an anomaly map (SPEC §5.2): the map is clipped to [0, 1] (as the reference clips every
// prediction before any metric), then aggregated three ways. "mean" is the paper's score; the other two are the
// reference's extra variants.
//
// All arithmetic is float64 (numpy aggregates a float32 map in float32); the difference is ~1e-7 relative and only
// matters for rankings of nearly equal scores.

#include <cstdint>
#include <span>
#include <vector>

#include "lightbox/core/grid.h"

namespace lightbox::eval {

struct ImageScores {
  double mean = 0.0;            ///< np.mean of the clipped map (the paper's image score)
  double percentile75 = 0.0;    ///< np.percentile(map, 75), numpy's default linear interpolation
  double topQuarterMean = 0.0;  ///< mean of the highest floor(n / 4) values (the *intended* definition, see below)
};

/// Scores of one map (any shape; every value counts). NaN anywhere or an empty map -> std::invalid_argument.
///
/// topQuarterMean: the reference means the mean of the highest floor(0.25 n) values but computes something else for
/// 2-D maps (SPEC §5.2 note, §8.17); this is the intended definition. For n < 4, floor(n / 4) = 0 would make it the
/// mean of nothing (numpy: NaN); we use the single highest value instead, i.e. max(1, floor(n / 4)) values.
ImageScores imageScores(std::span<const float> map);

/// Scores of every slice along array axis 0 of a 3D map (SPEC §5.2 slice-wise scale: all slices, also empty ones).
/// `map` holds shape.count() values in row-major order. Throws std::invalid_argument unless shape is 3D and matches.
std::vector<ImageScores> sliceScores(std::span<const float> map, const Shape& shape);

/// min(max(v, 0), 1); throws std::invalid_argument for NaN (numpy would carry it into every metric).
float clipToUnit(float v);

}  // namespace lightbox::eval
