#pragma once
// What kind of image file a path holds, from its first bytes (cheap; nothing is decoded), so that an importer can
// route DICOM files to series grouping and everything else to readImage.

#include <string>

namespace lightbox::imageio {

enum class FileKind {
  Dicom,      ///< a DICOM file (Part 10 or a bare data set); may be a DICOMDIR
  Image,      ///< NIfTI, ANALYZE, PNG, JPEG or TIFF: readImage reads it
  Companion,  ///< the .img half of a .hdr/.img pair whose .hdr is beside it: imported through the .hdr
  Unknown,    ///< none of these (`reason` says why)
};

struct FileKindResult {
  FileKind kind = FileKind::Unknown;
  std::string format;  ///< "dicom", "nifti", "png", "jpeg", "tiff" (empty for Unknown and Companion)
  std::string reason;  ///< for Unknown: e.g. "file is empty", "not a DICOM, NIfTI or image file"
};

/// Never throws.
FileKindResult classifyImageFile(const std::string& path);

}  // namespace lightbox::imageio
