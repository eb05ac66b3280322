#pragma once
// Private to imageio: one reader per format family, called by readImage once the format is known.

#include <string>
#include <vector>

#include "format_sniffer.h"
#include "lightbox/core/image.h"

namespace lightbox::imageio::detail {

Image readNifti(const std::string& path, const Sniffed& sniffed, std::vector<std::string>& warnings);
Image readRaster(const std::string& path, Format format, std::vector<std::string>& warnings);

}  // namespace lightbox::imageio::detail
