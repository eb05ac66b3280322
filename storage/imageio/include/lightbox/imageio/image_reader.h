#pragma once
// Reading one image file (DICOM, NIfTI-1/-2, PNG, TIFF, JPEG) into a core Image, with errors that say what is wrong.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "lightbox/core/image.h"

namespace lightbox::imageio {

/// Thrown for every file that cannot be read; what() is "<path>: <reason>" so that a log line or a dialog names both.
class ImageReadError : public std::runtime_error {
 public:
  ImageReadError(const std::string& path, const std::string& reason);
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

/// Largest volume (voxels of the one volume that is read) accepted: 2^30 voxels = 4 GiB of float32. Headers that
/// ask for more are rejected before anything is allocated.
inline constexpr int64_t kMaxVoxels = int64_t{1} << 30;

/// Reads a single-channel (C = 1) image; the format is recognised by content, the extension only breaks ties.
///
/// DICOM (a Part 10 file with "DICM" at byte 128, or a bare data set without preamble and meta header): read by
/// readDicomImage (lightbox/imageio/dicom.h), which states the rules; patient coordinates are DICOM's LPS+.
///
/// NIfTI (.nii, .nii.gz, .hdr/.img pair, also gzipped; NIfTI-1, NIfTI-2 and ANALYZE 7.5 headers, either byte order):
///  * a file of dims (nx, ny, nz) becomes shape (nz, ny, nx) in the file's own data order (x fastest), as
///    SimpleITK's GetArrayFromImage gives it; nz = 1 gives a 2D image of shape (ny, nx);
///  * a 4D+ file gives its first volume only, and says so in `warnings`;
///  * values are scl_slope * v + scl_inter (a slope of 0 means "not scaled"); NaN/Inf voxels become 0 (nifti_clib
///    does so silently while reading; a scaling that overflows to Inf earns a warning);
///    RGB voxels become grey by the luma rule below;
///  * Geometry is in the file's world convention; for NIfTI that is RAS+ (x to the Right, y Anterior, z Superior)
///    as the file states it: no conversion to DICOM's LPS is made. Spacing is |pixdim| of each axis, origin and
///    direction come from the sform when sform_code > 0, else from the qform (and, when neither is set, from the
///    diagonal pixdim matrix NIfTI prescribes for that case). Direction columns are the matrix columns normalised;
///    a sheared matrix cannot be represented and only earns a warning.
///
/// PNG / TIFF / JPEG (8- or 16-bit, or float TIFF): shape (rows, cols), raw sample values (0..255, 0..65535, ...),
/// spacing 1, origin 0, identity direction (pixel index space). Colour becomes grey by ITU-R BT.601 luma,
/// Y = 0.299 R + 0.587 G + 0.114 B, computed in float without rounding; an alpha channel is ignored (warning);
/// EXIF orientation is ignored (medical images are stored as acquired); a multi-page TIFF gives its first page.
///
/// Throws ImageReadError for anything it cannot read (missing file, empty file, unknown format, truncated data,
/// absurd or overflowing dimensions, unsupported data type, undecodable pixels); it does not crash on malformed
/// input. `warnings`, when given, receives one line per thing the caller should know about.
Image readImage(const std::string& path, std::vector<std::string>* warnings = nullptr);

}  // namespace lightbox::imageio
