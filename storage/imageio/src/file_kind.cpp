#include "lightbox/imageio/file_kind.h"

#include <filesystem>

#include "format_sniffer.h"
#include "lightbox/imageio/image_reader.h"

namespace lightbox::imageio {

namespace {
bool isImgWithHeaderBeside(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::string stem = p.stem().string();
  if (ext == ".gz") {  // name.img.gz
    ext = std::filesystem::path(stem).extension().string();
    stem = std::filesystem::path(stem).stem().string();
  }
  if (ext != ".img" && ext != ".IMG") return false;
  std::error_code ec;
  for (const char* hdr : {".hdr", ".HDR", ".hdr.gz"})
    if (std::filesystem::exists(p.parent_path() / (stem + hdr), ec)) return true;
  return false;
}
}  // namespace

FileKindResult classifyImageFile(const std::string& path) {
  if (isImgWithHeaderBeside(path)) return {FileKind::Companion, {}, {}};
  try {
    switch (detail::sniff(path).format) {
      case detail::Format::Dicom: return {FileKind::Dicom, "dicom", {}};
      case detail::Format::Nifti: return {FileKind::Image, "nifti", {}};
      case detail::Format::Png: return {FileKind::Image, "png", {}};
      case detail::Format::Jpeg: return {FileKind::Image, "jpeg", {}};
      case detail::Format::Tiff: return {FileKind::Image, "tiff", {}};
    }
    return {FileKind::Unknown, {}, "unrecognised format"};
  } catch (const ImageReadError& e) {
    return {FileKind::Unknown, {}, e.reason()};
  } catch (const std::exception& e) {
    return {FileKind::Unknown, {}, e.what()};
  }
}

}  // namespace lightbox::imageio
