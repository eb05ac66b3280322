#pragma once
// Private to imageio: the size a PNG, TIFF or JPEG header declares, judged against the file before OpenCV sees it.
// cv::imdecode allocates the whole image from the header before it decodes a byte, so a 100-byte PNG declaring
// 32768 x 32768 RGBA16 costs an 8 GiB allocation (found by fuzz/fuzz_raster).

#include <cstdint>
#include <span>
#include <string>

#include "format_sniffer.h"

namespace lightbox::imageio::detail {

/// Why `bytes` (the whole file) cannot hold the pixels its header declares, or "" when decoding may be tried
/// (also when the header is not understood, or its compression has no known bound: the decoder judges those).
std::string rasterSizeProblem(std::span<const uint8_t> bytes, Format format);

}  // namespace lightbox::imageio::detail
