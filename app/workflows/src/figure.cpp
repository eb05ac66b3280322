#include "figure.h"

#include <algorithm>
#include <cmath>

namespace lightbox::workflows {

Window robustWindow(const std::vector<float>& values) {
  if (values.empty()) return {};
  std::vector<float> sorted = values;
  const auto pick = [&](double q) {
    const size_t k = std::min(sorted.size() - 1, size_t(q * double(sorted.size() - 1)));
    std::nth_element(sorted.begin(), sorted.begin() + long(k), sorted.end());
    return double(sorted[k]);
  };
  Window w{pick(0.005), pick(0.995)};
  if (!(w.high > w.low)) w.high = w.low + 1.0;
  return w;
}

Rgb heatColour(double v) {
  v = std::clamp(v, 0.0, 1.0);
  const auto channel = [](double x) { return uint8_t(std::lround(255.0 * std::clamp(x, 0.0, 1.0))); };
  return {channel(3.0 * v), channel(3.0 * v - 1.0), channel(3.0 * v - 2.0)};
}

Figure::Figure(int width, int height, Rgb background)
    : width_(width), height_(height), pixels_(size_t(width) * size_t(height) * 3) {
  for (size_t k = 0; k < pixels_.size(); k += 3) std::copy(background.begin(), background.end(), pixels_.begin() + long(k));
}

void Figure::set(int x, int y, Rgb rgb) {
  if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
  std::copy(rgb.begin(), rgb.end(), pixels_.begin() + (long(y) * width_ + x) * 3);
}

}  // namespace lightbox::workflows
