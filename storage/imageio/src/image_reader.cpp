#include "lightbox/imageio/image_reader.h"

#include <new>

#include "format_sniffer.h"
#include "lightbox/imageio/dicom.h"
#include "readers.h"
#include "read_errors.h"

namespace lightbox::imageio {

ImageReadError::ImageReadError(const std::string& path, const std::string& reason)
    : std::runtime_error(path + ": " + reason), path_(path), reason_(reason) {}

Image readImage(const std::string& path, std::vector<std::string>* warnings) {
  std::vector<std::string> local;
  std::vector<std::string>& w = warnings ? *warnings : local;
  return detail::withFileErrors(path, [&] {
    const detail::Sniffed s = detail::sniff(path);
    if (s.format == detail::Format::Dicom) return readDicomImage(path, &w);
    return s.format == detail::Format::Nifti ? detail::readNifti(path, s, w) : detail::readRaster(path, s.format, w);
  });
}

}  // namespace lightbox::imageio
