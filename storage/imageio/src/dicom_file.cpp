// DCMTK set-up, parsing one DICOM file up to its pixel data and locating them, and readDicomInfo.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcistrmf.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcvr.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "dicom_deflate.h"
#include "dicom_file.h"
#include "read_errors.h"
#include "format_sniffer.h"
#include "lightbox/imageio/image_reader.h"

namespace lightbox::imageio {
namespace detail {
namespace {

// Every header value fits in 4 KiB; larger values (the pixel data when DCMTK parses it) stay on disk until asked for.
constexpr Uint32 kMaxHeaderValue = 4096;

std::vector<uint8_t> readAt(const std::string& path, uint64_t offset, uint64_t n) {
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> b(static_cast<size_t>(n));
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(reinterpret_cast<char*>(b.data()), static_cast<std::streamsize>(n));
  b.resize(in ? b.size() : static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return b;
}

[[noreturn]] void corrupt(const std::string& path, const OFCondition& c) {
  throw ImageReadError(path, std::string("truncated or corrupt DICOM data (DCMTK: ") + c.text() + ")");
}

/// Walks the items of encapsulated pixel data from `p` to the sequence delimiter; returns the offset after it, or 0
/// when the items are malformed (DCMTK then judges the file).
uint64_t endOfItems(const DicomFile& f, uint64_t p) {
  std::ifstream in(f.path, std::ios::binary);
  for (;;) {
    if (p + 8 > f.fileSize)
      throw ImageReadError(f.path, "truncated: the compressed pixel data run past the end of the file");
    unsigned char h[8];
    in.seekg(static_cast<std::streamoff>(p));
    if (!in.read(reinterpret_cast<char*>(h), 8)) return 0;
    const unsigned group = h[0] | (h[1] << 8), element = h[2] | (h[3] << 8);
    const uint32_t length = h[4] | (h[5] << 8) | (h[6] << 16) | (uint32_t{h[7]} << 24);
    if (group == 0xfffe && element == 0xe0dd) return p + 8;
    if (group != 0xfffe || element != 0xe000 || length == 0xffffffffu) return 0;
    p += 8 + uint64_t{length};
  }
}

/// DCMTK stopped right after the element header of the first top-level tag at or past (7FE0,0010); check that
/// header in the file and take the value's place from it. False when it is not the Pixel Data as expected.
bool locatePixelData(DicomFile& f, uint64_t pos) {
  const E_TransferSyntax xfer = f.file->getDataset()->getOriginalXfer();
  // In a deflated file the parser's positions count inflated bytes, not file bytes.
  if (xfer == EXS_Unknown || xfer == EXS_DeflatedLittleEndianExplicit) return false;
  const DcmXfer x(xfer);
  const bool big = x.isBigEndian();
  const uint64_t size = x.isExplicitVR() ? 12 : 8;
  if (pos < size || pos > f.fileSize) return false;
  const std::vector<uint8_t> h = readAt(f.path, pos - size, size);
  if (h.size() != size) return false;
  const auto u16 = [&](size_t o) { return big ? (h[o] << 8) | h[o + 1] : (h[o + 1] << 8) | h[o]; };
  if (u16(0) != 0x7fe0 || u16(2) != 0x0010) return false;
  if (x.isExplicitVR()) {
    f.vr = std::string{static_cast<char>(h[4]), static_cast<char>(h[5])};
    if (f.vr != "OB" && f.vr != "OW" && f.vr != "UN") return false;
  }
  const uint32_t hi = static_cast<uint32_t>(u16(big ? size - 4 : size - 2));
  const uint32_t lo = static_cast<uint32_t>(u16(big ? size - 2 : size - 4));
  const uint64_t length = (hi << 16) | lo;
  f.bigEndian = big;
  f.valueOffset = pos;
  f.encapsulated = length == 0xffffffffu;
  if (f.encapsulated) {
    const uint64_t end = endOfItems(f, pos);
    if (end == 0) return false;
    f.valueLength = end - pos;
  } else {
    f.valueLength = length;
  }
  if (pos + f.valueLength > f.fileSize)
    throw ImageReadError(f.path, "truncated: the pixel data need " + std::to_string(f.valueLength) +
                                     " bytes, the file has " + std::to_string(f.fileSize - pos) + " after their start");
  const uint64_t end = pos + f.valueLength;
  if (end < f.fileSize) {
    // Trailing Padding (FFFC,FFFC), a signature (FFFA,FFFA) or plain zeros are expected there; anything else is not.
    const std::vector<uint8_t> t = readAt(f.path, end, 8);
    const bool zeros = std::all_of(t.begin(), t.end(), [](uint8_t b) { return b == 0; });
    const unsigned group = t.size() < 2 ? 0 : big ? (t[0] << 8) | t[1] : (t[1] << 8) | t[0];
    const bool known = group == 0xfffc || group == 0xfffa;
    if (!zeros && !known)
      f.warnings.push_back(std::to_string(f.fileSize - end) + " bytes after the pixel data ignored");
  }
  f.hasPixelData = f.located = true;
  return true;
}

}  // namespace

void initDcmtk() {
  static std::once_flag once;
  std::call_once(once, [] {
    OFLog::configure(OFLogger::OFF_LOG_LEVEL);
    // Converters that re-encode files sometimes leave standard attributes as UN (VR unknown); read those with their
    // dictionary VR, or an ImagePositionPatient stored as UN would be lost.
    dcmEnableUnknownVRConversion.set(OFTrue);
    // Default options: YCbCr JPEG comes out as RGB and the header's PhotometricInterpretation is updated to match.
    DJDecoderRegistration::registerCodecs();
    DJLSDecoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();
  });
}

DicomFile openDicomFile(const std::string& path) {
  checkDicomFile(path);
  checkDeflatedLengths(path);
  initDcmtk();
  DicomFile f;
  f.path = path;
  f.fileSize = std::filesystem::file_size(path);
  f.file = std::make_unique<DcmFileFormat>();
  DcmInputFileStream in(OFFilename(path.c_str()));
  if (!in.good()) throw ImageReadError(path, "cannot open");
  f.file->transferInit();
  const OFCondition status = f.file->readUntilTag(in, EXS_Unknown, EGL_noChange, kMaxHeaderValue, DCM_PixelData);
  f.file->transferEnd();
  if (status.bad()) corrupt(path, status);
  if (in.eos()) return f;  // read to the end without meeting pixel data: `file` is the whole data set
  if (locatePixelData(f, static_cast<uint64_t>(in.tell()))) return f;
  // Something else stopped the parse (a tag past the Pixel Data, an unexpected encoding): let DCMTK read it all.
  f.file = std::make_unique<DcmFileFormat>();
  const OFCondition whole = f.file->loadFile(OFFilename(path.c_str()), EXS_Unknown, EGL_noChange, kMaxHeaderValue);
  if (whole.bad()) corrupt(path, whole);
  f.hasPixelData = f.file->getDataset()->tagExists(DCM_PixelData);
  return f;
}

DcmFileFormat& wholeDataSet(DicomFile& f) {
  if (!f.located) return *f.file;
  auto whole = std::make_unique<DcmFileFormat>();
  const uint64_t end = f.valueOffset + f.valueLength;
  OFCondition status;
  if (end >= f.fileSize) {
    status = whole->loadFile(OFFilename(f.path.c_str()), EXS_Unknown, EGL_noChange, kMaxHeaderValue);
  } else {
    // Only the bytes up to the end of the pixel data, so that what follows them is never parsed.
    std::vector<uint8_t> bytes = readAt(f.path, 0, end);
    if (bytes.size() != end) throw ImageReadError(f.path, "read error");
    DcmInputBufferStream buffer;
    buffer.setBuffer(bytes.data(), static_cast<offile_off_t>(bytes.size()));
    buffer.setEos();
    whole->transferInit();
    status = whole->read(buffer, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
    whole->transferEnd();
    buffer.releaseBuffer();
  }
  if (status.bad()) corrupt(f.path, status);
  f.file = std::move(whole);
  f.located = false;
  return *f.file;
}

}  // namespace detail

DicomInfo readDicomInfo(const std::string& path) {
  return detail::withFileErrors(path, [&] { return detail::extractDicomInfo(detail::openDicomFile(path)); });
}

}  // namespace lightbox::imageio
