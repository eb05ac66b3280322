#pragma once
// Writing 8-bit PNGs: thumbnails, heat-map overlays and figures.

#include <cstdint>
#include <string>
#include <vector>

namespace lightbox::imageio {

/// Writes `pixels` (row-major, `channels` = 1 for grey or 3 for RGB in R, G, B order, 8 bits per sample, no row
/// padding) as a PNG to `path`, whatever the path's extension. Throws std::runtime_error naming the path when the
/// arguments are invalid or the file cannot be written.
void writePng(const std::string& path, int width, int height, int channels, const uint8_t* pixels);

/// A line of text to draw on a figure; (x, y) is the top-left corner of the text in pixels.
struct Caption {
  int x = 0;
  int y = 0;
  std::string text;  ///< ASCII; other characters are drawn as '?'
};

/// As writePng, with captions drawn in white on a dark outline (the pixels passed in are not modified).
void writePng(const std::string& path, int width, int height, int channels, const uint8_t* pixels,
              const std::vector<Caption>& captions);

}  // namespace lightbox::imageio
