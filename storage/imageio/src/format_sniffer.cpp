#include "format_sniffer.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include "lightbox/imageio/image_reader.h"

namespace lightbox::imageio::detail {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<unsigned char>;

constexpr size_t kNifti1HeaderSize = 348;
constexpr size_t kNifti2HeaderSize = 540;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool hasNiftiExtension(const std::string& path) {
  const std::string p = lower(path);
  for (const char* ext : {".nii", ".nii.gz", ".hdr", ".hdr.gz", ".img", ".img.gz"})
    if (endsWith(p, ext)) return true;
  return false;
}

Bytes readRawPrefix(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ImageReadError(path, std::string("cannot open: ") + std::strerror(errno));
  Bytes buf(n);
  in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(n));
  buf.resize(static_cast<size_t>(in.gcount()));
  return buf;
}

Bytes readGzipPrefix(const std::string& path, size_t n) {
  gzFile gz = gzopen(path.c_str(), "rb");
  if (!gz) throw ImageReadError(path, std::string("cannot open: ") + std::strerror(errno));
  Bytes buf(n);
  const int got = gzread(gz, buf.data(), static_cast<unsigned>(n));
  int err = Z_OK;
  const std::string message = got < 0 ? gzerror(gz, &err) : "";
  gzclose(gz);
  if (got < 0) throw ImageReadError(path, "corrupt gzip data (" + message + ")");
  buf.resize(static_cast<size_t>(got));
  return buf;
}

bool isGzip(const Bytes& b) { return b.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b; }

std::optional<Format> rasterFormat(const Bytes& b) {
  const auto starts = [&](std::initializer_list<unsigned char> magic) {
    return b.size() >= magic.size() && std::equal(magic.begin(), magic.end(), b.begin());
  };
  if (starts({0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) return Format::Png;
  if (starts({0xff, 0xd8, 0xff})) return Format::Jpeg;
  if (starts({'I', 'I', 42, 0}) || starts({'M', 'M', 0, 42})) return Format::Tiff;
  return std::nullopt;
}

template <typename T>
T load(const Bytes& b, size_t offset, bool bigEndian) {
  unsigned char raw[sizeof(T)];
  std::memcpy(raw, b.data() + offset, sizeof(T));
  if (bigEndian) std::reverse(raw, raw + sizeof(T));
  T v;
  std::memcpy(&v, raw, sizeof(T));
  return v;
}

/// The header's first field is its own size, which also gives away its byte order.
std::optional<std::pair<int, bool>> headerVersion(const Bytes& b) {
  if (b.size() < 4) return std::nullopt;
  for (bool bigEndian : {false, true}) {
    const auto size = load<int32_t>(b, 0, bigEndian);
    if (size == static_cast<int32_t>(kNifti1HeaderSize)) return std::pair{1, bigEndian};
    if (size == static_cast<int32_t>(kNifti2HeaderSize)) return std::pair{2, bigEndian};
  }
  return std::nullopt;
}

NiftiFacts parseNifti(const std::string& path, const Bytes& b, int version, bool bigEndian) {
  NiftiFacts f;
  f.version = version;
  f.swapped = bigEndian != (std::endian::native == std::endian::big);
  const size_t need = version == 1 ? kNifti1HeaderSize : kNifti2HeaderSize;
  if (b.size() < need)
    throw ImageReadError(path, "truncated header: " + std::to_string(b.size()) + " bytes, a NIfTI-" +
                                   std::to_string(version) + " header needs " + std::to_string(need));
  if (version == 1) {
    const bool magic = std::memcmp(b.data() + 344, "n+1\0", 4) == 0 || std::memcmp(b.data() + 344, "ni1\0", 4) == 0;
    f.analyze = !magic;
    for (int i = 0; i < 8; ++i) f.dim[static_cast<size_t>(i)] = load<int16_t>(b, 40 + 2 * static_cast<size_t>(i), bigEndian);
    f.datatype = load<int16_t>(b, 70, bigEndian);
  } else {
    const bool magic = std::memcmp(b.data() + 4, "n+2\0\r\n\032\n", 8) == 0 ||
                       std::memcmp(b.data() + 4, "ni2\0\r\n\032\n", 8) == 0;
    if (!magic) throw ImageReadError(path, "not a NIfTI file: header size says NIfTI-2 but the magic is missing");
    for (int i = 0; i < 8; ++i) f.dim[static_cast<size_t>(i)] = load<int64_t>(b, 16 + 8 * static_cast<size_t>(i), bigEndian);
    f.datatype = load<int16_t>(b, 12, bigEndian);
  }
  return f;
}

bool isImgPath(const std::string& path) {
  const std::string p = lower(path);
  return endsWith(p, ".img") || endsWith(p, ".img.gz");
}

/// An .img holds only voxels: its header lives beside it.
std::optional<std::string> headerBesideImg(const std::string& path) {
  const std::string p = lower(path);
  std::string base;
  if (endsWith(p, ".img")) base = path.substr(0, path.size() - 4);
  else if (endsWith(p, ".img.gz")) base = path.substr(0, path.size() - 7);
  else return std::nullopt;
  for (const char* ext : {".hdr", ".hdr.gz", ".HDR", ".HDR.GZ"}) {
    std::error_code ec;
    if (fs::is_regular_file(base + ext, ec)) return base + ext;
  }
  return std::nullopt;
}

void checkReadableFile(const std::string& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw ImageReadError(path, "file not found");
  if (fs::is_directory(st)) throw ImageReadError(path, "is a folder, not a file");
  const auto size = fs::file_size(path, ec);
  if (ec) throw ImageReadError(path, "cannot read the file size: " + ec.message());
  if (size == 0) throw ImageReadError(path, "file is empty");
}

constexpr size_t kDicomPrefix = 132; // preamble + "DICM"

bool hasPreambleMagic(const unsigned char* b, size_t n) {
  return n >= kDicomPrefix && std::memcmp(b + 128, "DICM", 4) == 0;
}

/// Without a preamble the file is the data set itself; its first element tells: a low group number in either byte
/// order, then an explicit VR (two capital letters) or an implicit 32-bit length that fits a header element.
bool looksLikeBareDicom(const unsigned char* b, size_t n) {
  if (n < 8) return false;
  const unsigned little = b[0] | (b[1] << 8), big = (b[0] << 8) | b[1];
  const auto firstGroup = [](unsigned g) { return g == 0x0002 || g == 0x0004 || g == 0x0008; };
  if (!firstGroup(little) && !firstGroup(big)) return false;
  const bool explicitVr = std::isupper(b[4]) && std::isupper(b[5]);
  const uint32_t implicitLength = firstGroup(little) ? (b[4] | (b[5] << 8) | (b[6] << 16) | (uint32_t{b[7]} << 24))
                                                     : ((uint32_t{b[4]} << 24) | (b[5] << 16) | (b[6] << 8) | b[7]);
  return explicitVr || implicitLength < 0x10000;
}

}  // namespace

bool looksLikeDicom(const unsigned char* bytes, size_t size) {
  return hasPreambleMagic(bytes, size) || looksLikeBareDicom(bytes, size);
}

void checkDicomFile(const std::string& path) {
  checkReadableFile(path);
  const Bytes head = readRawPrefix(path, kDicomPrefix);
  if (!looksLikeDicom(head.data(), head.size()))
    throw ImageReadError(path, "not a DICOM file (no \"DICM\" marker at byte 128, and it does not start like a "
                               "DICOM data set)");
}

Sniffed sniff(const std::string& path) {
  checkReadableFile(path);
  Sniffed s;
  s.headerPath = path;
  Bytes head = readRawPrefix(path, kNifti2HeaderSize);
  if (hasPreambleMagic(head.data(), head.size())) {
    s.format = Format::Dicom;
    return s;
  }
  if (auto raster = rasterFormat(head)) {
    s.format = *raster;
    return s;
  }
  if (isImgPath(path)) {
    const auto hdr = headerBesideImg(path);
    if (!hdr) throw ImageReadError(path, "voxel file of a .hdr/.img pair, but its .hdr header was not found");
    s.headerPath = *hdr;
    checkReadableFile(s.headerPath);
    head = readRawPrefix(s.headerPath, kNifti2HeaderSize);
  }
  s.gzipped = isGzip(head);
  if (s.gzipped) head = readGzipPrefix(s.headerPath, kNifti2HeaderSize);

  const auto version = headerVersion(head);
  if (!version && !s.gzipped && looksLikeBareDicom(head.data(), head.size())) {
    s.format = Format::Dicom;
    return s;
  }
  if (!version) {
    if (s.gzipped) throw ImageReadError(path, "gzip-compressed, but not a NIfTI file");
    if (hasNiftiExtension(path))
      throw ImageReadError(path, "not a NIfTI file: the header size field is neither 348 (NIfTI-1) nor 540 (NIfTI-2)");
    throw ImageReadError(path, "not a DICOM, NIfTI or image file");
  }
  s.format = Format::Nifti;
  s.nifti = parseNifti(s.headerPath, head, version->first, version->second);
  return s;
}

}  // namespace lightbox::imageio::detail
