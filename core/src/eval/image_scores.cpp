#include "lightbox/core/eval/image_scores.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>

namespace lightbox::eval {

float clipToUnit(float v) {
  if (std::isnan(v)) throw std::invalid_argument("anomaly map: NaN value");
  return v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
}

namespace {

// numpy's _lerp (used by percentile's 'linear' method): interpolates from the nearer end so that t = 1 gives b
// exactly.
double lerp(double a, double b, double t) {
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

}  // namespace

ImageScores imageScores(std::span<const float> map) {
  if (map.empty()) throw std::invalid_argument("imageScores: empty map");
  std::vector<double> v(map.size());
  double sum = 0.0;
  for (size_t i = 0; i < map.size(); ++i) sum += (v[i] = clipToUnit(map[i]));
  const size_t n = v.size();
  ImageScores s;
  s.mean = sum / double(n);

  // 75th percentile: virtual index 0.75 (n - 1) between the two order statistics around it.
  const double position = 0.75 * double(n - 1);
  const size_t below = size_t(std::floor(position));
  const double fraction = position - double(below);
  std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(below), v.end());
  const double lower = v[below];
  const double upper = below + 1 < n ? *std::min_element(v.begin() + std::ptrdiff_t(below) + 1, v.end()) : lower;
  s.percentile75 = lerp(lower, upper, fraction);

  // Top quarter: partition the k largest to the front (descending comparator), then average them.
  const size_t k = std::max<size_t>(1, n / 4);
  std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(k - 1), v.end(), std::greater<>());
  double top = 0.0;
  for (size_t i = 0; i < k; ++i) top += v[i];
  s.topQuarterMean = top / double(k);
  return s;
}

std::vector<ImageScores> sliceScores(std::span<const float> map, const Shape& shape) {
  if (shape.ndim != 3) throw std::invalid_argument("sliceScores: needs a 3D map, got " + shape.toString());
  if (int64_t(map.size()) != shape.count())
    throw std::invalid_argument("sliceScores: " + std::to_string(map.size()) + " values for shape " +
                                shape.toString());
  const size_t perSlice = size_t(shape[1] * shape[2]);
  std::vector<ImageScores> out;
  out.reserve(size_t(shape[0]));
  for (int64_t z = 0; z < shape[0]; ++z) out.push_back(imageScores(map.subspan(size_t(z) * perSlice, perSlice)));
  return out;
}

}  // namespace lightbox::eval
