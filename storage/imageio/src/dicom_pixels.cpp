// readDicomImage: DCMTK decompresses; the stored samples become float grey values here, by the rules in dicom.h.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <cstdint>
#include <fstream>
#include <new>

#include "dicom_file.h"
#include "lightbox/imageio/image_reader.h"
#include "read_errors.h"

namespace lightbox::imageio {
namespace detail {
namespace {

/// The stored samples, either raw from the file (`bytes`, in the file's byte order) or as DCMTK hands them over
/// after decoding (bytes for 1- and 8-bit data, host-order 16-bit `words` otherwise, a 32-bit sample being two words
/// in file order).
struct Samples {
  const Uint8* bytes = nullptr;
  const Uint16* words = nullptr;
  bool bigEndian = false;
  int bitsAllocated = 0;

  uint32_t operator[](int64_t i) const {
    switch (bitsAllocated) {
      case 1: return (bytes[i >> 3] >> (i & 7)) & 1u;  // DICOM packs bits least significant first
      case 8: return bytes[i];
      case 16: {
        if (words) return words[i];
        const Uint8* p = bytes + 2 * i;
        return bigEndian ? (p[0] << 8) | p[1] : (p[1] << 8) | p[0];
      }
      default: {
        if (words) {
          const uint32_t a = words[2 * i], b = words[2 * i + 1];
          return bigEndian ? (a << 16) | b : (b << 16) | a;
        }
        const Uint8* p = bytes + 4 * i;
        return bigEndian ? (uint32_t{p[0]} << 24) | (p[1] << 16) | (p[2] << 8) | p[3]
                         : (uint32_t{p[3]} << 24) | (p[2] << 16) | (p[1] << 8) | p[0];
      }
    }
  }
};

std::string headerText(DcmItem& ds, const DcmTagKey& tag, const std::string& fallback) {
  OFString v;
  if (ds.findAndGetOFString(tag, v).bad() || v.empty()) return fallback;
  std::string s = v.c_str();
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

bool isColour(const std::string& pi) { return pi == "RGB" || pi == "YBR_FULL" || pi == "YBR_FULL_422"; }

/// Everything the conversion cannot represent, refused before any pixel is touched.
void checkSupported(const DicomInfo& info, const std::string& path) {
  if (info.isDicomdir) throw ImageReadError(path, "is a DICOMDIR (a directory of other DICOM files), not an image");
  if (info.isMosaic)
    throw ImageReadError(path, info.mosaicImages > 0
                                   ? "Siemens mosaic: " + std::to_string(info.mosaicImages) +
                                         " images tiled in one frame; not split yet"
                                   : "Siemens mosaic: several images tiled in one frame; not split yet");
  const int ba = info.bitsAllocated;
  if (ba != 1 && ba != 8 && ba != 16 && ba != 32)
    throw ImageReadError(path, "unsupported BitsAllocated " + std::to_string(ba) + " (1, 8, 16 or 32 are read)");
  if (info.bitsStored < 1 || info.bitsStored > ba || info.highBit >= ba || info.highBit + 1 < info.bitsStored)
    throw ImageReadError(path, "inconsistent BitsStored " + std::to_string(info.bitsStored) + " / HighBit " +
                                   std::to_string(info.highBit) + " for BitsAllocated " + std::to_string(ba));
  const std::string& pi = info.photometric;
  if (info.samplesPerPixel == 1) {
    if (pi != "MONOCHROME1" && pi != "MONOCHROME2")
      throw ImageReadError(path, "unsupported PhotometricInterpretation " + pi + " for one sample per pixel" +
                                     (pi == "PALETTE COLOR" ? " (palette colour images are not read)" : ""));
  } else if (info.samplesPerPixel == 3) {
    if (!isColour(pi))
      throw ImageReadError(path, "unsupported PhotometricInterpretation " + pi + " (RGB, YBR_FULL and YBR_FULL_422 "
                                 "are read)");
    if (ba == 1) throw ImageReadError(path, "1-bit colour data is not valid DICOM");
  } else {
    throw ImageReadError(path, "unsupported SamplesPerPixel " + std::to_string(info.samplesPerPixel));
  }
}

/// Native samples per frame: YBR_FULL_422 keeps two luma and one pair of chroma samples per two pixels.
int64_t samplesPerFrame(const DicomInfo& info) {
  const int64_t pixels = int64_t{info.rows} * info.columns;
  if (info.photometric == "YBR_FULL_422") return pixels * 2;
  return pixels * info.samplesPerPixel;
}

void convertGrey(const DicomInfo& info, const Samples& s, int64_t count, float* out) {
  const int shift = info.highBit + 1 - info.bitsStored;
  const int bits = info.bitsStored;
  const uint32_t mask = bits >= 32 ? 0xffffffffu : (uint32_t{1} << bits) - 1;
  const uint32_t signBit = uint32_t{1} << (bits - 1);
  const bool isSigned = info.pixelRepresentation == 1;
  const double slope = info.rescaleSlope, intercept = info.rescaleIntercept;
  const bool invert = info.photometric == "MONOCHROME1";
  const auto [lo, hi] = info.valueRange();
  const double mirror = lo + hi;
  for (int64_t i = 0; i < count; ++i) {
    const uint32_t v = (s[i] >> shift) & mask;
    // Two's complement within BitsStored: the bits above it (overlays, garbage) were masked off above.
    const double stored = isSigned && (v & signBit)
                              ? static_cast<double>(static_cast<int64_t>(v) - (int64_t{1} << bits))
                              : static_cast<double>(v);
    const double value = slope * stored + intercept;
    out[i] = static_cast<float>(invert ? mirror - value : value);
  }
}

void convertColour(const DicomInfo& info, const Samples& s, int64_t frames, float* out) {
  const int64_t pixels = int64_t{info.rows} * info.columns;
  const int64_t perFrame = samplesPerFrame(info);
  const bool planar = info.planarConfiguration == 1;
  for (int64_t f = 0; f < frames; ++f) {
    const int64_t base = f * perFrame;
    float* o = out + f * pixels;
    if (info.photometric == "YBR_FULL_422") {
      // Y0 Y1 Cb Cr for each pair of pixels along a row; the luma is the grey value.
      for (int64_t p = 0; p < pixels; ++p) o[p] = static_cast<float>(s[base + (p / 2) * 4 + (p % 2)]);
    } else if (info.photometric == "YBR_FULL") {
      for (int64_t p = 0; p < pixels; ++p) o[p] = static_cast<float>(s[base + (planar ? p : 3 * p)]);
    } else {
      for (int64_t p = 0; p < pixels; ++p) {
        const auto at = [&](int c) { return static_cast<float>(s[base + (planar ? c * pixels + p : 3 * p + c)]); };
        // Same operations in the same order as the PNG reader, so equal samples give equal grey values.
        o[p] = 0.114f * at(2) + 0.587f * at(1) + 0.299f * at(0);
      }
    }
  }
}

std::string tooShort(const DicomInfo& info, uint64_t have, int64_t need) {
  return "pixel data too short: " + std::to_string(have) + " bytes where " + std::to_string(info.numberOfFrames) +
         " frame(s) of " + std::to_string(info.rows) + " x " + std::to_string(info.columns) + " need " +
         std::to_string(need);
}

/// Native pixel data straight from the file: no DCMTK parse of them, no copy beyond the one read.
Samples rawSamples(const DicomFile& f, const DicomInfo& info, int64_t needBytes, std::vector<Uint8>& storage) {
  if (f.valueLength < static_cast<uint64_t>(needBytes))
    throw ImageReadError(f.path, tooShort(info, f.valueLength, needBytes));
  storage.resize(static_cast<size_t>(needBytes));
  std::ifstream in(f.path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(f.valueOffset));
  if (!in.read(reinterpret_cast<char*>(storage.data()), needBytes))
    throw ImageReadError(f.path, "read error in the pixel data");
  // 8-bit samples in an OW element of a big-endian file are stored as byte-swapped 16-bit words.
  if (info.bitsAllocated == 8 && f.bigEndian && f.vr == "OW")
    for (size_t i = 0; i + 1 < storage.size(); i += 2) std::swap(storage[i], storage[i + 1]);
  Samples s;
  s.bytes = storage.data();
  s.bigEndian = f.bigEndian;
  s.bitsAllocated = info.bitsAllocated;
  return s;
}

/// Pixel data through DCMTK: decompressed by its codecs (or inflated). The decoder may rewrite the photometric
/// interpretation (YCbCr JPEG comes out as RGB) and with it the layout, so `info` is updated.
Samples dcmtkSamples(DicomFile& f, DicomInfo& info, int64_t needBytes) {
  DcmDataset& ds = *wholeDataSet(f).getDataset();
  const DcmXfer original(ds.getOriginalXfer());
  if (original.isEncapsulated()) {
    const OFCondition c = ds.chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    if (c.bad() || !ds.canWriteXfer(EXS_LittleEndianExplicit))
      throw ImageReadError(f.path, "could not decode the " + info.transferSyntaxName + " pixel data (DCMTK: " +
                                       (c.bad() ? c.text() : "no decoded representation") + ")");
    info.photometric = headerText(ds, DCM_PhotometricInterpretation, info.photometric);
    Uint16 planar = 0;
    info.planarConfiguration = ds.findAndGetUint16(DCM_PlanarConfiguration, planar).good() ? planar : 0;
    needBytes = (samplesPerFrame(info) * info.numberOfFrames * info.bitsAllocated + 7) / 8;
  }
  DcmElement* element = nullptr;
  if (ds.findAndGetElement(DCM_PixelData, element).bad() || !element) throw ImageReadError(f.path, "no pixel data");
  if (static_cast<int64_t>(element->getLength()) < needBytes)
    throw ImageReadError(f.path, tooShort(info, element->getLength(), needBytes));
  Samples s;
  s.bitsAllocated = info.bitsAllocated;
  s.bigEndian = original.isBigEndian();
  OFCondition got;
  if (info.bitsAllocated <= 8) {
    Uint8* bytes = nullptr;
    got = element->getUint8Array(bytes);
    s.bytes = bytes;
  } else {
    Uint16* words = nullptr;
    got = element->getUint16Array(words);
    s.words = words;
  }
  if (got.bad() || (!s.bytes && !s.words))
    throw ImageReadError(f.path, std::string("could not read the pixel data (DCMTK: ") + got.text() + ")");
  return s;
}

Image decode(DicomFile& f, DicomInfo info, std::vector<std::string>& warnings) {
  const std::string& path = info.path;
  checkSupported(info, path);
  const int64_t pixels = int64_t{info.rows} * info.columns;
  if (pixels > kMaxVoxels || info.numberOfFrames > kMaxVoxels / pixels)
    throw ImageReadError(path, "too large: " + std::to_string(info.numberOfFrames) + " frames of " +
                                   std::to_string(info.rows) + " x " + std::to_string(info.columns) +
                                   " pixels (the limit is " + std::to_string(kMaxVoxels) + " voxels)");
  const int64_t frames = info.numberOfFrames;
  const int64_t needBytes = (samplesPerFrame(info) * frames * info.bitsAllocated + 7) / 8;
  std::vector<Uint8> storage;
  const Samples s =
      f.located && !f.encapsulated ? rawSamples(f, info, needBytes, storage) : dcmtkSamples(f, info, needBytes);
  if (info.photometric == "YBR_FULL_422" && (info.planarConfiguration != 0 || info.columns % 2 != 0))
    throw ImageReadError(path, "YBR_FULL_422 needs an even number of columns and PlanarConfiguration 0");

  Image img(1, frames > 1 ? Shape(frames, info.rows, info.columns) : Shape(info.rows, info.columns));
  if (info.samplesPerPixel == 3) {
    convertColour(info, s, frames, img.data());
    warnings.push_back("colour (" + info.photometric + ") converted to grey (ITU-R BT.601 luma)");
  } else {
    convertGrey(info, s, samplesPerFrame(info) * frames, img.data());
  }
  img.geometry() = fileGeometry(info, warnings);
  return img;
}

}  // namespace
}  // namespace detail

Image readDicomImage(const std::string& path, std::vector<std::string>* warnings) {
  std::vector<std::string> local;
  std::vector<std::string>& w = warnings ? *warnings : local;
  return detail::withFileErrors(path, [&] {
    detail::DicomFile file = detail::openDicomFile(path);
    DicomInfo info = detail::extractDicomInfo(file);
    w.insert(w.end(), info.warnings.begin(), info.warnings.end());
    return detail::decode(file, std::move(info), w);
  });
}

}  // namespace lightbox::imageio
