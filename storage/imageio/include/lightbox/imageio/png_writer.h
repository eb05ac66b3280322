#pragma once
// Writing 8-bit PNGs: thumbnails, heat-map overlays and figures.

#include <cstdint>
#include <string>

namespace lightbox::imageio {

/// Writes `pixels` (row-major, `channels` = 1 for grey or 3 for RGB in R, G, B order, 8 bits per sample, no row
/// padding) as a PNG to `path`, whatever the path's extension. Throws std::runtime_error naming the path when the
/// arguments are invalid or the file cannot be written.
void writePng(const std::string& path, int width, int height, int channels, const uint8_t* pixels);

}  // namespace lightbox::imageio
