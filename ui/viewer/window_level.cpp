#include "viewer/window_level.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace lightbox::ui {

namespace {
constexpr int64_t kMaxLooked = 1 << 20;

std::vector<float> sample(const float* values, int64_t count) {
  std::vector<float> out;
  const int64_t step = std::max<int64_t>(1, count / kMaxLooked);
  out.reserve(size_t(count / step + 1));
  for (int64_t i = 0; i < count; i += step)
    if (std::isfinite(values[i])) out.push_back(values[i]);
  return out;
}
}  // namespace

const std::array<WindowPreset, 5>& windowPresets() {
  static const std::array<WindowPreset, 5> presets{{
      {"soft-tissue", {40.0, 400.0}},
      {"lung", {-600.0, 1500.0}},
      {"liver", {90.0, 150.0}},
      {"bone", {480.0, 2500.0}},
      {"brain", {40.0, 80.0}},
  }};
  return presets;
}

double applyWindow(double x, const WindowLevel& wl, bool continuous) {
  if (continuous) {
    const double w = wl.width > 0 ? wl.width : 1e-12;
    return std::clamp((x - (wl.centre - w / 2.0)) / w, 0.0, 1.0) * 255.0;
  }
  const double c = wl.centre;
  const double w = std::max(1.0, wl.width);
  const double lowEdge = c - 0.5 - (w - 1.0) / 2.0;
  const double highEdge = c - 0.5 + (w - 1.0) / 2.0;
  if (x <= lowEdge) return 0.0;
  if (x > highEdge) return 255.0;
  if (w == 1.0) return 255.0;
  return ((x - (c - 0.5)) / (w - 1.0) + 0.5) * 255.0;
}

int windowLevelDecimals(const WindowLevel& wl) {
  if (!(wl.width > 0) || !std::isfinite(wl.width)) return 0;
  const int leading = int(std::floor(std::log10(wl.width)));  // position of the first significant digit
  return std::clamp(2 - leading, 0, 6);
}

QString windowLevelText(const WindowLevel& wl) {
  const int decimals = windowLevelDecimals(wl);
  const QLocale l;
  const auto text = [&](double v) {
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(v * scale) / scale;
    return l.toString(rounded == 0.0 ? 0.0 : rounded, 'f', decimals);  // no "-0.00"
  };
  return QCoreApplication::translate("ImageViewer", "W %1  L %2").arg(text(wl.width), text(wl.centre));
}

WindowLevel percentileWindow(const float* values, int64_t count, double lowPercent, double highPercent) {
  std::vector<float> v = sample(values, count);
  if (v.empty()) return {0.0, 1.0};
  const auto at = [&](double pct) {
    const double pos = std::clamp(pct / 100.0, 0.0, 1.0) * double(v.size() - 1);
    const auto k = static_cast<size_t>(std::floor(pos));
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(k), v.end());
    double value = v[k];
    if (k + 1 < v.size()) {
      const float next = *std::min_element(v.begin() + std::ptrdiff_t(k) + 1, v.end());
      value += (pos - double(k)) * (double(next) - value);
    }
    return value;
  };
  const double lo = at(lowPercent);
  const double hi = at(highPercent);
  if (!(hi > lo)) return {lo, 1.0};
  return {(lo + hi) / 2.0, hi - lo};
}

WindowLevel dragWindow(const WindowLevel& start, double dx, double dy, double valuesPerPixel) {
  WindowLevel wl = start;
  wl.width = std::max(start.width + dx * valuesPerPixel, std::max(1e-6, valuesPerPixel * 0.01));
  wl.centre = start.centre + dy * valuesPerPixel;
  return wl;
}

WindowLut::WindowLut(double lo, double hi, bool integerValued) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || hi < lo) lo = hi = 0.0;
  lo_ = lo;
  continuous_ = !integerValued;
  size_t entries;
  if (integerValued && hi - lo <= 65535.0) {
    scale_ = 1.0;
    entries = size_t(hi - lo) + 1;
  } else {
    entries = 65536;
    scale_ = hi > lo ? double(entries - 1) / (hi - lo) : 1.0;
  }
  table_.assign(entries, 0);
  setWindow(window_);
}

void WindowLut::setWindow(const WindowLevel& wl) {
  window_ = wl;
  for (size_t k = 0; k < table_.size(); ++k)
    table_[k] = static_cast<uint8_t>(std::lround(applyWindow(lo_ + double(k) / scale_, wl, continuous_)));
}

bool looksIntegerValued(const float* values, int64_t count) {
  const int64_t step = std::max<int64_t>(1, count / kMaxLooked);
  for (int64_t i = 0; i < count; i += step)
    if (values[i] != std::floor(values[i])) return false;
  return true;
}

}  // namespace lightbox::ui
