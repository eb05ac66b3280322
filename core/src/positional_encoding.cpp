#include "lightbox/core/positional_encoding.h"

#include <cmath>
#include <map>
#include <mutex>
#include <numbers>
#include <tuple>
#include <vector>

#include "lightbox/core/random.h"

namespace lightbox {

int positionalEncodingChannels(int ndim) { return ndim + 2 * kFourierFeatures; }

Image positionalEncoding(const Shape& shape) {
  const int nd = shape.ndim;
  Image enc(positionalEncodingChannels(nd), shape);

  Rng rng(kFourierSeed);
  std::vector<double> b(size_t(kFourierFeatures) * size_t(nd));  // row-major 32 x D, as the reference
  for (double& v : b) v = rng.normal() * kFourierScale;

  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    for (int d = 0; d < nd; ++d) {
      // linspace(-1, 1, S) with both end points; a length-1 axis sits at -1 like numpy's linspace.
      const double n = double(shape[d]);
      enc.channel(d)[k] = static_cast<float>(n > 1 ? -1.0 + 2.0 * double(i[d]) / (n - 1.0) : -1.0);
    }
    for (int f = 0; f < kFourierFeatures; ++f) {
      double phase = 0.0;
      for (int d = 0; d < nd; ++d) phase += b[size_t(f) * size_t(nd) + size_t(d)] * double(i[d]) / double(shape[d]);
      phase *= 2.0 * std::numbers::pi;
      enc.channel(nd + f)[k] = static_cast<float>(std::sin(phase));
      enc.channel(nd + kFourierFeatures + f)[k] = static_cast<float>(std::cos(phase));
    }
    ++k;
  } while (nextIndex(i, shape));
  return enc;
}

std::shared_ptr<const Image> cachedPositionalEncoding(const Shape& shape) {
  static std::mutex mutex;
  static std::map<std::tuple<int, int64_t, int64_t, int64_t>, std::shared_ptr<const Image>> cache;
  const auto key = std::make_tuple(shape.ndim, shape.size[0], shape.size[1], shape.size[2]);
  std::lock_guard lock(mutex);
  auto& slot = cache[key];
  if (!slot) slot = std::make_shared<const Image>(positionalEncoding(shape));
  return slot;
}

}  // namespace lightbox
