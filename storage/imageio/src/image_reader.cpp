#include "lightbox/imageio/image_reader.h"

#include <new>

#include "format_sniffer.h"
#include "lightbox/imageio/dicom.h"
#include "readers.h"

namespace lightbox::imageio {

ImageReadError::ImageReadError(const std::string& path, const std::string& reason)
    : std::runtime_error(path + ": " + reason), path_(path), reason_(reason) {}

Image readImage(const std::string& path, std::vector<std::string>* warnings) {
  std::vector<std::string> local;
  std::vector<std::string>& w = warnings ? *warnings : local;
  try {
    const detail::Sniffed s = detail::sniff(path);
    if (s.format == detail::Format::Dicom) return readDicomImage(path, &w);
    return s.format == detail::Format::Nifti ? detail::readNifti(path, s, w) : detail::readRaster(path, s.format, w);
  } catch (const ImageReadError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw ImageReadError(path, "out of memory");
  } catch (const std::exception& e) {
    // Filesystem and library errors: still one exception type, still naming the file.
    throw ImageReadError(path, e.what());
  }
}

}  // namespace lightbox::imageio
