#pragma once
// DICOM: header facts of one file, one file as an image, files grouped into series, series as volumes, DICOMDIR.
//
// Coordinates. Patient coordinates are DICOM's LPS+ (x to the patient's Left, y Posterior, z Superior), in mm, as
// the files state them; nothing is converted. The NIfTI reader reports RAS+ (its files' own convention) — the two
// differ by the sign of x and y, and a later issue unifies them; until then compare geometries of one format only.
//
// Array axes (numpy order, axis 0 slowest), for one frame of R rows and C columns:
//  * axis 1 (rows, index r) runs down the image: its patient direction is the *column* direction cosines,
//    ImageOrientationPatient[3..5], its spacing PixelSpacing[0] (the distance between rows);
//  * axis 2 (columns, index c, fastest) runs across: direction ImageOrientationPatient[0..2] (the *row* direction
//    cosines), spacing PixelSpacing[1];
//  * axis 0 (slices of a series, or frames of a multi-frame file) runs along the slice normal
//    n = row cosines x column cosines. Slices are sorted by increasing position along n, so its direction is n and
//    its spacing the median distance between neighbouring slice positions (not SliceThickness, which is often
//    different); frames keep their file order, with direction -n when their positions decrease along n.
//  * origin = ImagePositionPatient of the first slice (the centre of its first transmitted pixel).
// A single-frame file is a 2D image (R, C) whose direction column 2 is still n, so the slice keeps its place.
// Without ImageOrientationPatient/ImagePositionPatient the geometry is pixel index space, as for PNG: identity
// direction, origin 0, spacing from PixelSpacing (else ImagerPixelSpacing, else 1).

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lightbox/core/image.h"

namespace lightbox::imageio {

/// What the header of one DICOM file says (no pixel data is read or decoded).
struct DicomInfo {
  std::string path;
  std::string sopInstanceUid, seriesInstanceUid, studyInstanceUid, sopClassUid;
  std::string modality, seriesDescription;
  std::optional<int> instanceNumber;
  std::optional<std::array<double, 3>> imagePosition;     ///< (0020,0032), mm, LPS
  std::optional<std::array<double, 6>> imageOrientation;  ///< (0020,0037): row cosines, then column cosines
  std::optional<std::array<double, 2>> pixelSpacing;      ///< row spacing, column spacing (mm)
  std::optional<double> sliceThickness, spacingBetweenSlices;
  /// Multi-frame only: signed distance between neighbouring frames along the normal (negative when they run against
  /// it), from per-frame positions, GridFrameOffsetVector or SpacingBetweenSlices; empty when the file states none.
  std::optional<double> frameSpacing;
  int rows = 0, columns = 0, numberOfFrames = 1, samplesPerPixel = 1;
  std::string photometric;  ///< PhotometricInterpretation as stored, e.g. "MONOCHROME2", "RGB", "YBR_FULL_422"
  int bitsAllocated = 0, bitsStored = 0, highBit = 0, pixelRepresentation = 0, planarConfiguration = 0;
  double rescaleSlope = 1.0, rescaleIntercept = 0.0;  ///< 1 and 0 when absent
  std::optional<double> windowCenter, windowWidth;    ///< first value of each, as in the file
  std::string transferSyntaxUid, transferSyntaxName;
  bool isMosaic = false;    ///< Siemens mosaic: several slices tiled in one frame
  int mosaicImages = 0;     ///< (0019,100A) NumberOfImagesInMosaic, 0 when not stated
  bool isDicomdir = false;  ///< a DICOMDIR (Media Storage Directory): no image, see listDicomdirFiles()
  std::vector<std::string> warnings;  ///< header oddities the import should mention (each a full sentence)

  /// The slice normal (row cosines x column cosines), when the orientation is known.
  std::optional<std::array<double, 3>> normal() const;
  /// The VOI window (centre, width) in the values readDicomImage returns: the file's window, mirrored for
  /// MONOCHROME1 by the same inversion the pixels get. Empty when the file states none.
  std::optional<std::pair<double, double>> outputWindow() const;
  /// Lowest and highest value a stored pixel can have after rescale (from BitsStored and PixelRepresentation).
  std::pair<double, double> valueRange() const;
};

/// Reads the header only: the file is parsed up to the top-level Pixel Data, whose size and place are then checked
/// against the file (they are not read). Whatever follows the pixel data (trailing padding, signatures, junk) is
/// never parsed; anything there but padding earns a warning.
/// Throws ImageReadError naming the file with a specific reason: "file not found", "file is empty",
/// "not a DICOM file", "truncated or corrupt DICOM data (DCMTK: ...)", "truncated: the pixel data need ...",
/// "no pixel data (RTPlanStorage, ...)", "unsupported transfer syntax JPEG 2000 ...: DCMTK's open-source codecs
/// cannot decode it", "unsupported transfer syntax ... : no decoder for it in DCMTK", "invalid image size ...".
/// A DICOMDIR does not throw: it comes back with isDicomdir set.
/// Cost: about 0.08 ms for a 256 x 256 MR slice (one core, file in the page cache).
DicomInfo readDicomInfo(const std::string& path);

/// Reads one file as an image (C = 1): a single frame is 2D (rows, cols), a multi-frame file 3D (frames, rows, cols).
///  * Compressed pixel data is decoded by DCMTK: JPEG baseline/extended/lossless (dcmjpeg), JPEG-LS (dcmjpls), RLE;
///    deflate is inflated by dcmdata. JPEG 2000 is rejected (DCMTK's open-source codecs do not decode it).
///  * Grey values are RescaleSlope * stored + RescaleIntercept, stored values masked to BitsStored and sign-extended
///    when PixelRepresentation is 1. RT Dose files without a rescale get DoseGridScaling instead.
///  * MONOCHROME1 (higher = darker) is inverted so that every image reads "higher = brighter":
///    v' = lo + hi - v, with [lo, hi] = valueRange(), the range the header allows. The rule depends on the header
///    only, never on the image content, so all slices of a series are inverted alike. The window in DicomInfo is
///    the file's; outputWindow() gives it in the inverted values. Preprocessing must not invert a second time.
///  * Colour becomes grey by ITU-R BT.601 luma, Y = 0.299 R + 0.587 G + 0.114 B, as for PNG. RGB is weighted;
///    YBR_FULL and YBR_FULL_422 store exactly that Y (full range) as their first component, so it is taken as it
///    is; JPEG colour is converted to RGB by the decoder first. Rescale does not apply to colour. A warning says so.
///  * Siemens mosaics are rejected ("Siemens mosaic: N images tiled in one frame; not split yet"), as are
///    PALETTE COLOR, YBR_PARTIAL_*, float pixel data, and bit depths other than 1, 8, 16 and 32.
/// Throws ImageReadError (the reasons of readDicomInfo, plus decode failures, sizes over kMaxVoxels checked before
/// anything is allocated, and pixel data shorter than the header needs); never crashes on malformed input.
/// Native pixel data are read straight from the file: about 0.19 ms for a 256 x 256 MR slice in all.
Image readDicomImage(const std::string& path, std::vector<std::string>* warnings = nullptr);

/// Files of one series that can be stacked into one volume: same size, orientation and pixel spacing.
struct DicomSeries {
  std::string seriesInstanceUid, studyInstanceUid, modality, description;
  int part = 0;  ///< 0, or 1, 2, ... when one SeriesInstanceUID was split (by geometry, then at gaps)
  std::vector<DicomInfo> slices;  ///< in volume order (axis 0)
  bool sortedByPosition = false;  ///< false: sorted by InstanceNumber because positions were missing
  double sliceSpacing = 1.0;      ///< median distance between neighbouring positions along the normal (mm), or
                                  ///< from the header when positions are missing or there is one slice
  Geometry geometry;              ///< of the volume readDicomSeries returns (see the top of this header)
};

/// Groups headers into series by SeriesInstanceUID and orders each one's slices. Rules, each reported in `warnings`:
///  * a multi-frame file or a mosaic is a volume by itself: its own series (no warning);
///  * DICOMDIRs are skipped; files without a SeriesInstanceUID become one series each;
///  * slices are sorted by position along the slice normal; when a slice lacks ImagePositionPatient or
///    ImageOrientationPatient, the whole series is sorted by InstanceNumber instead (warning) and its spacing taken
///    from SpacingBetweenSlices/SliceThickness (else 1);
///  * mixed rows/columns, samples per pixel, orientation (cosines differing by > 1e-4) or pixel spacing (by a
///    relative 1e-4): split into parts (part = 1, 2, ...), largest first (warning);
///  * duplicated positions (closer than 1% of the median spacing): the slice with the lowest InstanceNumber is
///    kept, the others dropped; a repeated SOPInstanceUID (one file under two names): the first given is kept
///    (warning each);
///  * missing slices (a gap over 1.5 x the median spacing): split at each gap into parts, because one volume would
///    put every slice after the gap in the wrong place (warning); spacing that varies by more than 10% without
///    reaching that is only reported (warning), as are slices offset sideways (gantry tilt / shear);
/// Series come back ordered by StudyInstanceUID, SeriesInstanceUID, part.
std::vector<DicomSeries> groupDicomSeries(const std::vector<DicomInfo>& files,
                                          std::vector<std::string>* warnings = nullptr);

/// Reads a series as one image: 3D (slices, rows, cols) with series.geometry; a series of one file is that
/// file's image (readDicomImage). Throws ImageReadError naming the slice file that failed.
Image readDicomSeries(const DicomSeries& series, std::vector<std::string>* warnings = nullptr);

/// The files a DICOMDIR references (ReferencedFileID of every directory record, in record order, each once),
/// as paths relative to the DICOMDIR's folder joined onto it. A component whose case differs on disk (CD media
/// store upper case, some mounts show lower case) is matched case-insensitively; files that do not exist are still
/// listed, so that the caller reports them by name; a File ID with ".." (which could leave the folder, and is no
/// valid File ID) is left out. Plain folders are for the caller to scan.
/// Throws ImageReadError when the file is not a readable DICOMDIR.
std::vector<std::string> listDicomdirFiles(const std::string& dicomdirPath);

}  // namespace lightbox::imageio

namespace lightbox::imageio {

/// New identity for a copy of a DICOM file (benchmarks, demo and test data sets built from one real file).
struct DicomIdentity {
  std::string studyInstanceUid, seriesInstanceUid, sopInstanceUid;
  std::optional<int> instanceNumber;
  std::optional<std::array<double, 3>> imagePosition;  ///< mm, LPS
};

/// Writes a copy of `source` to `destination` with the given identifiers (MediaStorageSOPInstanceUID follows the
/// SOP Instance UID); pixel data and every other attribute stay as they are. Throws ImageReadError naming the
/// source when it cannot be read, std::runtime_error naming the destination when it cannot be written.
void writeDicomCopy(const std::string& source, const std::string& destination, const DicomIdentity& identity);

}  // namespace lightbox::imageio
