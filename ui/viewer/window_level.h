#pragma once
// Window/level maths of the viewer, free of widgets: the DICOM linear VOI function, the CT presets, the default
// window (DICOM's, else the 0.1-99.9 percentile range) and an 8-bit look-up table that maps float voxel values to
// display grey levels without any per-pixel arithmetic beyond one multiply-add and a table read.

#include <QString>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lightbox::ui {

struct WindowLevel {
  double centre = 0.0;
  double width = 1.0;  ///< always > 0
  double lower() const { return centre - width / 2.0; }
  double upper() const { return centre + width / 2.0; }
  bool operator==(const WindowLevel&) const = default;
};

/// The CT presets on keys 1-5 (width / centre in HU).
struct WindowPreset {
  std::string_view key;  ///< stable id: "soft-tissue", "lung", "liver", "bone", "brain"
  WindowLevel window;
};
const std::array<WindowPreset, 5>& windowPresets();

/// DICOM PS3.3 C.11.2.1.2.1 linear VOI LUT function for an 8-bit output:
///   x <= c - 0.5 - (w - 1) / 2  -> 0;  x > c - 0.5 + (w - 1) / 2 -> 255;
///   else ((x - (c - 0.5)) / (w - 1) + 0.5) * 255.  (w < 1 is treated as 1, a hard threshold.)
/// That formula assumes integer stored values (its 0.5 and w - 1 are one unit); for continuous data (z-scores,
/// [-1, 1] working arrays) `continuous` maps [c - w/2, c + w/2] linearly onto [0, 255] instead.
double applyWindow(double x, const WindowLevel& wl, bool continuous = false);

/// The [p_low, p_high] percentile range of `values` as a window (at most ~1M values are looked at, evenly spaced).
/// A constant image gets a window of width 1 around its value.
WindowLevel percentileWindow(const float* values, int64_t count, double lowPercent = 0.1, double highPercent = 99.9);

/// Decimals that show a window with about three significant digits of its width, the level to the same resolution
/// (W 1.49 L 0.19, W 400 L 40, W 0.0123 L 0.0051): a drag changes the width by far less than the digits a
/// round-trip printing (W 1.48579 L 0.186845) would show. Never negative, at most 6.
int windowLevelDecimals(const WindowLevel& wl);
/// "W 1.49  L 0.19" in the UI language's number format, as every window label of the viewer shows it.
QString windowLevelText(const WindowLevel& wl);

/// Left-drag window/level: right widens, left narrows; down raises the centre (darker), up lowers it (brighter).
/// `valuesPerPixel` scales the drag to the image's value range.
WindowLevel dragWindow(const WindowLevel& start, double dx, double dy, double valuesPerPixel);

/// Float values -> 8-bit grey through a table over the data range [lo, hi]: entry k holds the window applied to the
/// value lo + k / scale. Integer data with a range of at most 65535 get one entry per integer (exact, DICOM's
/// formula); other data 65536 entries over the range and the continuous formula.
class WindowLut {
 public:
  WindowLut() = default;
  WindowLut(double lo, double hi, bool integerValued);

  void setWindow(const WindowLevel& wl);
  const WindowLevel& window() const { return window_; }

  uint8_t operator()(float v) const {
    double t = (double(v) - lo_) * scale_ + 0.5;
    if (!(t > 0.0)) t = 0.0;  // also NaN
    const auto k = static_cast<size_t>(t);
    return table_[k < table_.size() ? k : table_.size() - 1];
  }
  size_t size() const { return table_.size(); }
  double lo() const { return lo_; }
  double scale() const { return scale_; }
  bool continuous() const { return continuous_; }

 private:
  double lo_ = 0.0, scale_ = 1.0;
  bool continuous_ = false;
  WindowLevel window_;
  std::vector<uint8_t> table_ = std::vector<uint8_t>(1, 0);
};

/// Whether every value is an integer (checked on at most ~1M evenly spaced values).
bool looksIntegerValued(const float* values, int64_t count);

}  // namespace lightbox::ui
