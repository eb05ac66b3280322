#pragma once
// Private to imageio: recognising a file's format from its first bytes, before any library gets to allocate.

#include <array>
#include <cstdint>
#include <string>

namespace lightbox::imageio::detail {

enum class Format { Nifti, Png, Jpeg, Tiff, Dicom };

/// The fields of a NIfTI-1/-2 (or ANALYZE 7.5) header that decide whether reading it is safe, taken from the raw
/// bytes so that a hostile header is judged before nifti_clib sizes anything from it.
struct NiftiFacts {
  int version = 1;      ///< 1 (also ANALYZE 7.5) or 2
  bool analyze = false; ///< 348-byte header without a NIfTI magic
  bool swapped = false; ///< header stored in the other byte order than this machine's
  std::array<int64_t, 8> dim{};
  int datatype = 0;
};

struct Sniffed {
  Format format = Format::Png;
  std::string headerPath; ///< the file that holds the header: `path` itself, or the .hdr beside a given .img
  bool gzipped = false;   ///< the header file is gzip-compressed
  NiftiFacts nifti;       ///< only for Format::Nifti
};

/// Throws ImageReadError (missing, unreadable, empty, truncated header, not a known format).
Sniffed sniff(const std::string& path);

/// A Part 10 file ("DICM" after the 128-byte preamble), or a bare data set (no preamble, no meta header) that starts
/// with a plausible element of group 0002, 0004 or 0008, the groups such a file begins with.
bool looksLikeDicom(const unsigned char* bytes, size_t size);

/// Throws ImageReadError unless `path` is a readable, non-empty file that looksLikeDicom ("not a DICOM file").
void checkDicomFile(const std::string& path);

}  // namespace lightbox::imageio::detail
