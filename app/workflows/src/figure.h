#pragma once
// An RGB canvas for figures: panels of grey images, masks and heat maps, with captions.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "lightbox/core/grid.h"

namespace lightbox::workflows {

using Rgb = std::array<uint8_t, 3>;

/// A 2D slice of doubles (rows x cols) taken from an image or map.
struct Slice {
  int64_t rows = 0;
  int64_t cols = 0;
  std::vector<double> values;
  double at(int64_t r, int64_t c) const { return values[size_t(r * cols + c)]; }
};

/// Intensity window for display.
struct Window {
  double low = 0.0;
  double high = 1.0;
};
/// The 0.5 and 99.5 percentiles of the values (robust to a few outliers such as the zero background's edge).
Window robustWindow(const std::vector<float>& values);

/// The heat colour map used for soft labels and anomaly maps: black, red, yellow, white over [0, 1].
Rgb heatColour(double value);

struct FigureCaption {
  int x, y;
  std::string text;
};

class Figure {
 public:
  Figure(int width, int height, Rgb background = {24, 24, 28});
  int width() const { return width_; }
  int height() const { return height_; }
  const std::vector<uint8_t>& pixels() const { return pixels_; }
  const std::vector<FigureCaption>& captions() const { return captions_; }

  /// Draws the slice with its top-left corner at (x, y), each pixel as a scale x scale block; `colour` maps a value.
  template <typename ColourFn>
  void drawSlice(const Slice& slice, int x, int y, int scale, ColourFn colour) {
    for (int64_t r = 0; r < slice.rows; ++r)
      for (int64_t c = 0; c < slice.cols; ++c) {
        const Rgb rgb = colour(slice.at(r, c));
        for (int dy = 0; dy < scale; ++dy)
          for (int dx = 0; dx < scale; ++dx) set(x + int(c) * scale + dx, y + int(r) * scale + dy, rgb);
      }
  }
  void caption(int x, int y, std::string text) { captions_.push_back({x, y, std::move(text)}); }
  void set(int x, int y, Rgb rgb);

 private:
  int width_, height_;
  std::vector<uint8_t> pixels_;
  std::vector<FigureCaption> captions_;
};

}  // namespace lightbox::workflows
