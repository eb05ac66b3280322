// SPEC §5.5 chest X-ray preprocessing: window, equalise, invert MONOCHROME1, [-1, 1], 256 x 256.
#include <algorithm>
#include <stdexcept>
#include <vector>

#include "resize_2d.h"

namespace lightbox::imageio {

void equalizeHistogram(Image& img, int bins) {
  const auto [lo, hi] = img.range(0);
  if (!(hi > lo)) {
    // numpy's histogram of a constant image puts everything in the middle bin: cdf = 1 everywhere.
    std::fill(img.values().begin(), img.values().end(), 1.0f);
    return;
  }
  const double width = (double(hi) - lo) / bins;
  std::vector<double> cdf(size_t(bins), 0.0);
  for (const float v : img.values()) {
    const int b = std::min(bins - 1, int((double(v) - lo) / width));  // the last edge belongs to the last bin
    cdf[size_t(b)] += 1.0;
  }
  for (int b = 1; b < bins; ++b) cdf[size_t(b)] += cdf[size_t(b - 1)];
  for (double& c : cdf) c /= cdf.back();
  // np.interp over the bin centres, clamped at both ends.
  for (float& v : img.values()) {
    const double position = (double(v) - lo) / width - 0.5;  // in units of bins, 0 = first centre
    if (position <= 0.0) {
      v = float(cdf.front());
    } else if (position >= bins - 1) {
      v = float(cdf.back());
    } else {
      const int b = int(position);
      const double t = position - b;
      v = float(cdf[size_t(b)] * (1.0 - t) + cdf[size_t(b + 1)] * t);
    }
  }
}

Preprocessed preprocessChestXray2D(const Image& img, const ChestXrayOptions& options) {
  if (img.ndim() != 2 || img.channels() != 1)
    throw std::invalid_argument("preprocessChestXray2D: needs a single-channel 2D image");
  if (options.intermediateSize < 1 || options.size < 1)
    throw std::invalid_argument("preprocessChestXray2D: sizes must be positive");

  std::ostringstream log;
  IndexMapping first, second;
  Image work = detail::resizeSquare(img, options.intermediateSize, first, log);
  if (options.hasWindow && options.windowWidth > 0) {
    const double lo = options.windowCentre - options.windowWidth / 2, hi = options.windowCentre + options.windowWidth / 2;
    for (float& v : work.values()) v = float(std::clamp(double(v), lo, hi));
    log << "clipped to the window [" << lo << ", " << hi << "]\n";
  } else {
    log << "no VOI window in the file: not clipped\n";
  }
  equalizeHistogram(work);
  log << "histogram-equalised (256 bins)\n";
  if (options.monochrome1) {
    for (float& v : work.values()) v = 1.0f - v;
    log << "inverted (MONOCHROME1)\n";
  }
  detail::mapToUnitRange(work, log);
  log << "\n";

  Preprocessed out;
  out.image = detail::resizeSquare(work, options.size, second, log);
  out.toOriginal = detail::compose(first, second);
  out.foreground = Mask(Shape(options.size, options.size), 1);
  out.description = log.str();
  return out;
}

}  // namespace lightbox::imageio
