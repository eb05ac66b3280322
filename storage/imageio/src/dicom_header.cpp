// The header facts of one parsed DICOM file (DicomInfo), including the Enhanced multi-frame functional groups.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <cmath>
#include <cstring>

#include "dicom_file.h"
#include "lightbox/imageio/image_reader.h"

namespace lightbox::imageio::detail {
namespace {

std::string trim(const OFString& s) {
  const char* ws = " \t\r\n";
  const size_t a = s.find_first_not_of(ws);
  if (a == OFString_npos) return {};
  const size_t b = s.find_last_not_of(ws);
  return std::string(s.c_str() + a, b - a + 1);
}

std::string text(DcmItem& item, const DcmTagKey& tag) {
  OFString v;
  return item.findAndGetOFStringArray(tag, v).good() ? trim(v) : std::string();
}

bool present(DcmItem* item, const DcmTagKey& tag) { return item && item->tagExistsWithValue(tag); }

/// Up to `n` decimal values of `tag`; empty unless all n are there and finite.
template <size_t N>
std::optional<std::array<double, N>> numbers(DcmItem* item, const DcmTagKey& tag) {
  if (!present(item, tag)) return std::nullopt;
  std::array<double, N> v{};
  for (size_t i = 0; i < N; ++i) {
    Float64 x = 0;
    if (item->findAndGetFloat64(tag, x, static_cast<unsigned long>(i)).bad() || !std::isfinite(x)) return std::nullopt;
    v[i] = x;
  }
  return v;
}

std::optional<double> number(DcmItem* item, const DcmTagKey& tag) {
  const auto v = numbers<1>(item, tag);
  return v ? std::optional<double>((*v)[0]) : std::nullopt;
}

int unsigned16(DcmItem& item, const DcmTagKey& tag, int fallback) {
  Uint16 v = 0;
  return item.findAndGetUint16(tag, v).good() ? v : fallback;
}

/// Item 0 of sequence `macro` for one frame of an Enhanced multi-frame object: the shared functional groups first,
/// then that frame's own. Null when neither has it (also for every classic, single-frame file).
DcmItem* functionalGroup(DcmItem& ds, const DcmTagKey& macro, long frame) {
  DcmItem* group = nullptr;
  DcmItem* found = nullptr;
  if (ds.findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, group, 0).good() && group &&
      group->findAndGetSequenceItem(macro, found, 0).good() && found)
    return found;
  if (ds.findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, group, static_cast<signed long>(frame)).good() &&
      group && group->findAndGetSequenceItem(macro, found, 0).good() && found)
    return found;
  return nullptr;
}

/// The attribute at the top level, else in the frame's functional group `macro`.
DcmItem* holder(DcmItem& ds, const DcmTagKey& tag, const DcmTagKey& macro, long frame = 0) {
  if (present(&ds, tag)) return &ds;
  DcmItem* g = functionalGroup(ds, macro, frame);
  return present(g, tag) ? g : nullptr;
}

bool isJpeg2000Family(const std::string& uid) {
  // 1.2.840.10008.1.2.4.90-.95: JPEG 2000 (parts 1 and 2) and JPIP; .201-.203: High-Throughput JPEG 2000.
  for (const char* prefix : {"1.2.840.10008.1.2.4.9", "1.2.840.10008.1.2.4.20"})
    if (uid.rfind(prefix, 0) == 0) return true;
  return false;
}

void checkTransferSyntax(const DicomInfo& info, E_TransferSyntax xfer, const std::string& path) {
  const std::string& uid = info.transferSyntaxUid;
  const std::string label = info.transferSyntaxName + " (" + uid + ")";
  if (isJpeg2000Family(uid))
    throw ImageReadError(path,
                         "unsupported transfer syntax " + label + ": DCMTK's open-source codecs cannot decode it");
  if (xfer == EXS_Unknown) throw ImageReadError(path, "unsupported transfer syntax " + uid + " (unknown to DCMTK)");
  if (DcmXfer(xfer).isEncapsulated() && !DcmCodecList::canChangeCoding(xfer, EXS_LittleEndianExplicit))
    throw ImageReadError(path, "unsupported transfer syntax " + label + ": no decoder for it in DCMTK");
}

std::string sopClassName(const std::string& uid) {
  const char* name = uid.empty() ? nullptr : dcmFindNameOfUID(uid.c_str(), nullptr);
  return name ? name : uid.empty() ? "no SOP Class" : uid;
}

/// Siemens stores the tile count in a private element of the "SIEMENS MR HEADER" block (0019,10xx); its VR is
/// unknown in implicit-VR files, so the two bytes are read raw when DCMTK did not give it a type.
int mosaicCount(DcmItem& ds) {
  if (text(ds, DcmTagKey(0x0019, 0x0010)) != "SIEMENS MR HEADER") return 0;
  DcmElement* e = nullptr;
  if (ds.findAndGetElement(DcmTagKey(0x0019, 0x100a), e).bad() || !e) return 0;
  Uint16 n = 0;
  if (e->getUint16(n).good()) return n;
  Uint8* raw = nullptr;
  if (e->getLength() >= 2 && e->getUint8Array(raw).good() && raw) return raw[0] | (raw[1] << 8);
  return 0;
}

bool imageTypeSays(DcmItem& ds, const char* word) {
  OFString value;
  for (unsigned long i = 0; ds.findAndGetOFString(DCM_ImageType, value, i).good(); ++i)
    if (trim(value) == word) return true;
  return false;
}

void readGeometry(DcmItem& ds, DicomInfo& info) {
  if (DcmItem* h = holder(ds, DCM_ImagePositionPatient, DCM_PlanePositionSequence))
    info.imagePosition = numbers<3>(h, DCM_ImagePositionPatient);
  if (DcmItem* h = holder(ds, DCM_ImageOrientationPatient, DCM_PlaneOrientationSequence)) {
    info.imageOrientation = numbers<6>(h, DCM_ImageOrientationPatient);
    if (info.imageOrientation) {
      std::array<double, 3> r{(*info.imageOrientation)[0], (*info.imageOrientation)[1], (*info.imageOrientation)[2]};
      std::array<double, 3> c{(*info.imageOrientation)[3], (*info.imageOrientation)[4], (*info.imageOrientation)[5]};
      // Writers round the cosines to a few digits; re-normalise, and refuse what is no orientation at all.
      if (!normalise(r) || !normalise(c) || std::fabs(r[0] * c[0] + r[1] * c[1] + r[2] * c[2]) > 1e-2) {
        info.warnings.push_back("ImageOrientationPatient is not two perpendicular directions; ignored");
        info.imageOrientation.reset();
      } else {
        info.imageOrientation = std::array<double, 6>{r[0], r[1], r[2], c[0], c[1], c[2]};
      }
    }
  }
  if (present(&ds, DCM_ImagePositionPatient) && !info.imagePosition)
    info.warnings.push_back("ImagePositionPatient is unreadable; ignored");

  DcmItem* measures = holder(ds, DCM_PixelSpacing, DCM_PixelMeasuresSequence);
  if (measures) info.pixelSpacing = numbers<2>(measures, DCM_PixelSpacing);
  if (!info.pixelSpacing && present(&ds, DCM_ImagerPixelSpacing)) {
    info.pixelSpacing = numbers<2>(&ds, DCM_ImagerPixelSpacing);
    if (info.pixelSpacing)
      info.warnings.push_back("no PixelSpacing: ImagerPixelSpacing used (measured at the detector, not the patient)");
  }
  if (info.pixelSpacing && ((*info.pixelSpacing)[0] <= 0 || (*info.pixelSpacing)[1] <= 0)) {
    info.warnings.push_back("PixelSpacing is not positive; ignored");
    info.pixelSpacing.reset();
  }
  if (DcmItem* h = holder(ds, DCM_SliceThickness, DCM_PixelMeasuresSequence))
    info.sliceThickness = number(h, DCM_SliceThickness);
  if (DcmItem* h = holder(ds, DCM_SpacingBetweenSlices, DCM_PixelMeasuresSequence))
    info.spacingBetweenSlices = number(h, DCM_SpacingBetweenSlices);
}

/// Signed distance between neighbouring frames along the normal, from the best source the file has: the
/// per-frame positions of an Enhanced object, RT Dose's GridFrameOffsetVector, or SpacingBetweenSlices.
std::optional<double> frameSpacing(DcmItem& ds, const DicomInfo& info) {
  if (info.numberOfFrames < 2) return std::nullopt;
  const auto n = info.normal();
  if (n) {
    DcmItem* a = functionalGroup(ds, DCM_PlanePositionSequence, 0);
    DcmItem* b = functionalGroup(ds, DCM_PlanePositionSequence, 1);
    const auto p = numbers<3>(a, DCM_ImagePositionPatient), q = numbers<3>(b, DCM_ImagePositionPatient);
    if (p && q && a != b) {
      double d = 0;
      for (int i = 0; i < 3; ++i) d += ((*q)[i] - (*p)[i]) * (*n)[i];
      if (std::fabs(d) > 1e-6) return d;
    }
  }
  if (const auto offsets = numbers<2>(&ds, DCM_GridFrameOffsetVector)) {
    const double d = (*offsets)[1] - (*offsets)[0];
    if (std::fabs(d) > 1e-6) return d;
  }
  if (info.spacingBetweenSlices && *info.spacingBetweenSlices > 0) return *info.spacingBetweenSlices;
  return std::nullopt;
}

void readPixelModule(DcmItem& ds, DicomInfo& info, const std::string& path) {
  info.rows = unsigned16(ds, DCM_Rows, 0);
  info.columns = unsigned16(ds, DCM_Columns, 0);
  if (info.rows <= 0 || info.columns <= 0)
    throw ImageReadError(path, "invalid image size " + std::to_string(info.rows) + " x " +
                                   std::to_string(info.columns) + " (Rows/Columns missing or zero)");
  if (present(&ds, DCM_NumberOfFrames)) {
    Sint32 frames = 0;
    if (ds.findAndGetSint32(DCM_NumberOfFrames, frames).bad()) {
      info.warnings.push_back("NumberOfFrames '" + text(ds, DCM_NumberOfFrames) + "' is unreadable; 1 assumed");
      frames = 1;
    }
    if (frames < 1) throw ImageReadError(path, "invalid NumberOfFrames " + std::to_string(frames));
    info.numberOfFrames = frames;
  }
  info.samplesPerPixel = unsigned16(ds, DCM_SamplesPerPixel, 1);
  info.photometric = text(ds, DCM_PhotometricInterpretation);
  if (info.photometric.empty()) info.photometric = info.samplesPerPixel == 3 ? "RGB" : "MONOCHROME2";
  info.bitsAllocated = unsigned16(ds, DCM_BitsAllocated, 0);
  info.bitsStored = unsigned16(ds, DCM_BitsStored, info.bitsAllocated);
  info.highBit = unsigned16(ds, DCM_HighBit, info.bitsStored - 1);
  info.pixelRepresentation = unsigned16(ds, DCM_PixelRepresentation, 0);
  info.planarConfiguration = unsigned16(ds, DCM_PlanarConfiguration, 0);

  DcmItem* rescale = holder(ds, DCM_RescaleSlope, DCM_PixelValueTransformationSequence);
  const auto slope = number(rescale, DCM_RescaleSlope);
  const auto intercept = number(holder(ds, DCM_RescaleIntercept, DCM_PixelValueTransformationSequence),
                                DCM_RescaleIntercept);
  if (slope && *slope == 0) info.warnings.push_back("RescaleSlope is 0; 1 used");
  else if (slope) info.rescaleSlope = *slope;
  if (intercept) info.rescaleIntercept = *intercept;
  if (!slope && !intercept && info.modality == "RTDOSE") {
    if (const auto dose = number(&ds, DCM_DoseGridScaling); dose && *dose != 0) info.rescaleSlope = *dose;
  }
  info.windowCenter = number(holder(ds, DCM_WindowCenter, DCM_FrameVOILUTSequence), DCM_WindowCenter);
  info.windowWidth = number(holder(ds, DCM_WindowWidth, DCM_FrameVOILUTSequence), DCM_WindowWidth);
}

}  // namespace

DicomInfo extractDicomInfo(const DicomFile& f) {
  const std::string& path = f.path;
  DcmDataset& ds = *f.file->getDataset();
  DcmMetaInfo& meta = *f.file->getMetaInfo();
  DicomInfo info;
  info.path = path;
  info.warnings = f.warnings;
  info.sopInstanceUid = text(ds, DCM_SOPInstanceUID);
  info.sopClassUid = text(ds, DCM_SOPClassUID);
  if (info.sopClassUid.empty()) info.sopClassUid = text(meta, DCM_MediaStorageSOPClassUID);
  info.isDicomdir = info.sopClassUid == UID_MediaStorageDirectoryStorage || present(&ds, DCM_DirectoryRecordSequence);
  if (info.isDicomdir) return info;

  // The meta header's UID is what the writer claims; a bare data set only has what DCMTK detected while parsing.
  info.transferSyntaxUid = text(meta, DCM_TransferSyntaxUID);
  const E_TransferSyntax xfer =
      info.transferSyntaxUid.empty() ? ds.getOriginalXfer() : DcmXfer(info.transferSyntaxUid.c_str()).getXfer();
  if (info.transferSyntaxUid.empty()) info.transferSyntaxUid = DcmXfer(xfer).getXferID();
  info.transferSyntaxName = xfer == EXS_Unknown ? "unknown" : DcmXfer(xfer).getXferName();

  info.seriesInstanceUid = text(ds, DCM_SeriesInstanceUID);
  info.studyInstanceUid = text(ds, DCM_StudyInstanceUID);
  info.modality = text(ds, DCM_Modality);
  info.seriesDescription = text(ds, DCM_SeriesDescription);
  if (present(&ds, DCM_InstanceNumber)) {
    Sint32 n = 0;
    if (ds.findAndGetSint32(DCM_InstanceNumber, n).good()) info.instanceNumber = n;
  }
  checkTransferSyntax(info, xfer, path);
  if (!f.hasPixelData) {
    const char* other = present(&ds, DCM_FloatPixelData) || present(&ds, DCM_DoubleFloatPixelData)
                            ? ": only float pixel data, which is not supported"
                            : ": not an image";
    throw ImageReadError(path, "no pixel data (" + sopClassName(info.sopClassUid) + ", modality " +
                                   (info.modality.empty() ? "not stated" : info.modality) + ")" + other);
  }
  readPixelModule(ds, info, path);
  readGeometry(ds, info);
  info.frameSpacing = frameSpacing(ds, info);
  info.mosaicImages = mosaicCount(ds);
  info.isMosaic = info.mosaicImages > 0 || imageTypeSays(ds, "MOSAIC");
  return info;
}

}  // namespace lightbox::imageio::detail
