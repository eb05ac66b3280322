#pragma once
// Private to imageio: DCMTK set-up, parsing one file, and the header facts shared by the info and pixel readers.
// DCMTK headers stay behind this line (DESIGN.md: third-party libraries are PRIVATE).

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lightbox/core/image.h"
#include "lightbox/imageio/dicom.h"

namespace lightbox::imageio::detail {

/// Registers DCMTK's JPEG, JPEG-LS and RLE decoders and silences DCMTK's logger (its messages would garble a
/// progress bar; every failure reaches the caller as an ImageReadError instead). Once per process, thread-safe.
void initDcmtk();

/// One parsed file. DCMTK parses only up to the top-level Pixel Data, whose place in the file is then read from its
/// element header: a header read never touches the pixels, and bytes after them (some writers pad files with
/// megabytes of zeros, which DCMTK would otherwise parse as thousands of empty elements) are never parsed.
struct DicomFile {
  std::string path;
  uint64_t fileSize = 0;
  std::unique_ptr<DcmFileFormat> file;  ///< everything before the Pixel Data; the whole data set when !located
  bool hasPixelData = false;
  bool located = false;            ///< the Pixel Data's place below is known (else `file` holds it, parsed by DCMTK)
  bool encapsulated = false;       ///< undefined length: compressed fragments
  bool bigEndian = false;          ///< the data set's byte order
  std::string vr;                  ///< "OB", "OW", ... ("" for implicit VR)
  uint64_t valueOffset = 0;        ///< file offset of the value (of the first item when encapsulated)
  uint64_t valueLength = 0;        ///< bytes of the value (items and delimiter included when encapsulated)
  std::vector<std::string> warnings;
};

/// Parses `path` as described above. Throws ImageReadError: missing/empty file, "not a DICOM file",
/// "truncated or corrupt DICOM data", "truncated: ..." (pixel data running past the end of the file).
DicomFile openDicomFile(const std::string& path);

/// The complete data set with the Pixel Data, parsed by DCMTK (for its decoders and for deflate); bytes after the
/// Pixel Data are left out. Replaces f.file and clears f.located.
DcmFileFormat& wholeDataSet(DicomFile& f);

/// The header facts. Throws ImageReadError for transfer syntaxes that cannot be decoded and for files without pixel
/// data (a DICOMDIR comes back with isDicomdir set instead).
DicomInfo extractDicomInfo(const DicomFile& f);

/// Geometry of the image readDicomImage makes of one file (see dicom.h for the conventions).
Geometry fileGeometry(const DicomInfo& info, std::vector<std::string>& warnings);

/// Unit vector, or false when `v` is (nearly) zero or not finite.
bool normalise(std::array<double, 3>& v);

}  // namespace lightbox::imageio::detail
