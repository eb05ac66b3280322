#pragma once
// Hand-built image files with known contents, written byte by byte so the tests do not trust the library they test.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtEndian>

#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace testfiles {

/// Appends `v` in the requested byte order.
template <typename T>
void put(QByteArray& b, T v, bool bigEndian) {
  char raw[sizeof(T)];
  if (bigEndian) qToBigEndian(v, raw);
  else qToLittleEndian(v, raw);
  b.append(raw, sizeof(T));
}

template <typename T>
void putAt(QByteArray& b, int offset, T v, bool bigEndian) {
  QByteArray tmp;
  put(tmp, v, bigEndian);
  std::memcpy(b.data() + offset, tmp.constData(), sizeof(T));
}

enum Datatype : int16_t { kUInt8 = 2, kInt16 = 4, kFloat32 = 16, kFloat64 = 64, kRgb24 = 128, kUInt16 = 512 };

struct Nifti {
  int version = 1;
  bool bigEndian = false;
  bool pair = false;  ///< .hdr/.img: magic "ni1"/"ni2", voxels in their own file from offset 0
  std::vector<int64_t> dims;  ///< nx, ny, nz, ...
  int16_t datatype = kInt16;
  std::array<double, 8> pixdim{1, 1, 1, 1, 1, 1, 1, 1};
  double slope = 0, inter = 0;
  int qform = 0, sform = 0;
  std::array<double, 3> quat{0, 0, 0}, qoffset{0, 0, 0};
  std::array<std::array<double, 4>, 3> srow{{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}};

  int headerSize() const { return version == 1 ? 348 : 540; }
  int voxOffset() const { return pair ? 0 : headerSize() + 4; }
};

inline int bytesPer(int16_t dt) {
  switch (dt) {
    case kUInt8: return 1;
    case kInt16: case kUInt16: return 2;
    case kFloat32: return 4;
    case kFloat64: return 8;
    case kRgb24: return 3;
    default: return 1;
  }
}

/// The header, plus the 4-byte "no extension" flag for single files.
inline QByteArray niftiHeader(const Nifti& n) {
  QByteArray h(n.headerSize(), '\0');
  const bool be = n.bigEndian;
  const auto bitpix = static_cast<int16_t>(8 * bytesPer(n.datatype));
  if (n.version == 1) {
    putAt<int32_t>(h, 0, 348, be);
    h[38] = 'r';
    putAt<int16_t>(h, 40, static_cast<int16_t>(n.dims.size()), be);
    for (size_t i = 0; i < 7; ++i)
      putAt<int16_t>(h, 42 + 2 * static_cast<int>(i), static_cast<int16_t>(i < n.dims.size() ? n.dims[i] : 1), be);
    putAt<int16_t>(h, 70, n.datatype, be);
    putAt<int16_t>(h, 72, bitpix, be);
    for (int i = 0; i < 8; ++i) putAt<float>(h, 76 + 4 * i, static_cast<float>(n.pixdim[static_cast<size_t>(i)]), be);
    putAt<float>(h, 108, static_cast<float>(n.voxOffset()), be);
    putAt<float>(h, 112, static_cast<float>(n.slope), be);
    putAt<float>(h, 116, static_cast<float>(n.inter), be);
    putAt<int16_t>(h, 252, static_cast<int16_t>(n.qform), be);
    putAt<int16_t>(h, 254, static_cast<int16_t>(n.sform), be);
    for (int i = 0; i < 3; ++i) {
      putAt<float>(h, 256 + 4 * i, static_cast<float>(n.quat[static_cast<size_t>(i)]), be);
      putAt<float>(h, 268 + 4 * i, static_cast<float>(n.qoffset[static_cast<size_t>(i)]), be);
    }
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 4; ++c)
        putAt<float>(h, 280 + 16 * r + 4 * c, static_cast<float>(n.srow[static_cast<size_t>(r)][static_cast<size_t>(c)]), be);
    std::memcpy(h.data() + 344, n.pair ? "ni1\0" : "n+1\0", 4);
  } else {
    putAt<int32_t>(h, 0, 540, be);
    std::memcpy(h.data() + 4, n.pair ? "ni2\0\r\n\032\n" : "n+2\0\r\n\032\n", 8);
    putAt<int16_t>(h, 12, n.datatype, be);
    putAt<int16_t>(h, 14, bitpix, be);
    putAt<int64_t>(h, 16, static_cast<int64_t>(n.dims.size()), be);
    for (size_t i = 0; i < 7; ++i) putAt<int64_t>(h, 24 + 8 * static_cast<int>(i), i < n.dims.size() ? n.dims[i] : 1, be);
    for (int i = 0; i < 8; ++i) putAt<double>(h, 104 + 8 * i, n.pixdim[static_cast<size_t>(i)], be);
    putAt<int64_t>(h, 168, n.voxOffset(), be);
    putAt<double>(h, 176, n.slope, be);
    putAt<double>(h, 184, n.inter, be);
    putAt<int32_t>(h, 344, n.qform, be);
    putAt<int32_t>(h, 348, n.sform, be);
    for (int i = 0; i < 3; ++i) {
      putAt<double>(h, 352 + 8 * i, n.quat[static_cast<size_t>(i)], be);
      putAt<double>(h, 376 + 8 * i, n.qoffset[static_cast<size_t>(i)], be);
    }
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 4; ++c) putAt<double>(h, 400 + 32 * r + 8 * c, n.srow[static_cast<size_t>(r)][static_cast<size_t>(c)], be);
  }
  if (!n.pair) h.append(4, '\0');
  return h;
}

/// Voxel values (already in the file's integer/float domain) in the header's datatype and byte order.
inline QByteArray niftiData(const Nifti& n, const std::vector<double>& values) {
  QByteArray d;
  for (double v : values) switch (n.datatype) {
      case kUInt8: d.append(static_cast<char>(static_cast<uint8_t>(v))); break;
      case kInt16: put<int16_t>(d, static_cast<int16_t>(v), n.bigEndian); break;
      case kUInt16: put<uint16_t>(d, static_cast<uint16_t>(v), n.bigEndian); break;
      case kFloat32: put<float>(d, static_cast<float>(v), n.bigEndian); break;
      case kFloat64: put<double>(d, v, n.bigEndian); break;
      default: break;
    }
  return d;
}

inline bool writeBytes(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline bool writeGzip(const QString& path, const QByteArray& bytes) {
  gzFile gz = gzopen(path.toLocal8Bit().constData(), "wb");
  if (!gz) return false;
  const int n = gzwrite(gz, bytes.constData(), static_cast<unsigned>(bytes.size()));
  return gzclose(gz) == Z_OK && n == bytes.size();
}

inline void pngChunk(QByteArray& png, const char* type, const QByteArray& data) {
  put<uint32_t>(png, static_cast<uint32_t>(data.size()), true);
  QByteArray body(type, 4);
  body += data;
  png += body;
  put<uint32_t>(png, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.constData()),
                                                  static_cast<uInt>(body.size()))), true);
}

/// A 16-bit grey PNG (colour type 0) with unfiltered rows; `values` row-major.
inline QByteArray png16(int width, int height, const std::vector<uint16_t>& values) {
  QByteArray raw;
  for (int r = 0; r < height; ++r) {
    raw.append('\0');
    for (int c = 0; c < width; ++c) put<uint16_t>(raw, values[static_cast<size_t>(r * width + c)], true);
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  QByteArray z(static_cast<int>(size), '\0');
  compress(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(raw.constData()),
           static_cast<uLong>(raw.size()));
  z.resize(static_cast<int>(size));
  QByteArray ihdr;
  put<uint32_t>(ihdr, static_cast<uint32_t>(width), true);
  put<uint32_t>(ihdr, static_cast<uint32_t>(height), true);
  ihdr.append(char(16)).append(char(0)).append(char(0)).append(char(0)).append(char(0));
  QByteArray png("\x89PNG\r\n\x1a\n", 8);
  pngChunk(png, "IHDR", ihdr);
  pngChunk(png, "IDAT", z);
  pngChunk(png, "IEND", {});
  return png;
}

/// An uncompressed baseline TIFF: one strip, grey, 16 bits per sample, in the requested byte order.
inline QByteArray tiff16(int width, int height, const std::vector<uint16_t>& values, bool bigEndian) {
  const bool be = bigEndian;
  QByteArray t(be ? "MM" : "II", 2);
  put<uint16_t>(t, 42, be);
  put<uint32_t>(t, 8, be);  // first IFD right after the header
  struct Entry { uint16_t tag, type; uint32_t count, value; };
  const uint32_t entries = 9, dataOffset = 8 + 2 + entries * 12 + 4;
  const Entry e[entries] = {
      {256, 4, 1, static_cast<uint32_t>(width)},  {257, 4, 1, static_cast<uint32_t>(height)},
      {258, 3, 1, 16},                            {259, 3, 1, 1},
      {262, 3, 1, 1},                             {273, 4, 1, dataOffset},
      {277, 3, 1, 1},                             {278, 4, 1, static_cast<uint32_t>(height)},
      {279, 4, 1, static_cast<uint32_t>(width * height * 2)}};
  put<uint16_t>(t, static_cast<uint16_t>(entries), be);
  for (const Entry& x : e) {
    put<uint16_t>(t, x.tag, be);
    put<uint16_t>(t, x.type, be);
    put<uint32_t>(t, x.count, be);
    // A SHORT value sits in the first two bytes of the 4-byte field.
    if (x.type == 3) {
      put<uint16_t>(t, static_cast<uint16_t>(x.value), be);
      put<uint16_t>(t, 0, be);
    } else {
      put<uint32_t>(t, x.value, be);
    }
  }
  put<uint32_t>(t, 0, be);
  for (uint16_t v : values) put<uint16_t>(t, v, be);
  return t;
}

}  // namespace testfiles
