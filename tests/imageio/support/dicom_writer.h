#pragma once
// Hand-built DICOM files, written byte by byte (PS3.5 §7 encoding rules) so the tests do not trust DCMTK, the
// library under test, to make their inputs. Only what the tests need: explicit or implicit VR, either byte order,
// with or without preamble and meta header, native or encapsulated pixel data.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace testdicom {

inline constexpr const char* kExplicitLittle = "1.2.840.10008.1.2.1";
inline constexpr const char* kImplicitLittle = "1.2.840.10008.1.2";
inline constexpr const char* kExplicitBig = "1.2.840.10008.1.2.2";
inline constexpr const char* kJpegBaseline = "1.2.840.10008.1.2.4.50";
inline constexpr const char* kJpeg2000 = "1.2.840.10008.1.2.4.90";
inline constexpr const char* kMrStorage = "1.2.840.10008.5.1.4.1.1.4";

using Tag = std::pair<uint16_t, uint16_t>;

struct Value {
  std::string vr;
  QByteArray bytes;
  bool undefinedLength = false;  ///< encapsulated pixel data: `bytes` already holds the items and the delimiter
};

/// A data set: elements kept in tag order, encoded on demand in the requested transfer syntax.
class DataSet {
 public:
  void text(uint16_t g, uint16_t e, const std::string& vr, const std::string& s) {
    QByteArray b = QByteArray::fromStdString(s);
    if (b.size() % 2) b.append(vr == "UI" ? '\0' : ' ');
    elements_[{g, e}] = {vr, b};
  }
  void decimals(uint16_t g, uint16_t e, const std::vector<double>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.10g", v[i]);
      if (i) s += '\\';
      s += buf;
    }
    text(g, e, "DS", s);
  }
  /// 16-bit unsigned value; encoded in the file's byte order when written.
  void us(uint16_t g, uint16_t e, uint16_t v) {
    elements_[{g, e}] = {"US", QByteArray(reinterpret_cast<const char*>(&v), 2)};
  }
  void raw(uint16_t g, uint16_t e, const std::string& vr, const QByteArray& b, bool undefinedLength = false) {
    elements_[{g, e}] = {vr, b, undefinedLength};
  }
  void remove(uint16_t g, uint16_t e) { elements_.erase({g, e}); }

  QByteArray encode(bool explicitVr, bool bigEndian) const {
    QByteArray out;
    for (const auto& [tag, v] : elements_) {
      put16(out, tag.first, bigEndian);
      put16(out, tag.second, bigEndian);
      QByteArray value = v.bytes;
      if (v.vr == "US" && bigEndian) std::swap(value[0], value[1]);  // stored little-endian above
      if (v.vr == "OW" && bigEndian)
        for (int i = 0; i + 1 < value.size(); i += 2) std::swap(value[i], value[i + 1]);
      const uint32_t length = v.undefinedLength ? 0xffffffffu : static_cast<uint32_t>(value.size());
      if (explicitVr) {
        out.append(v.vr.c_str(), 2);
        static const std::vector<std::string> longForm{"OB", "OW", "OF", "OD", "OL", "SQ", "UT", "UN", "UC", "UR"};
        if (std::find(longForm.begin(), longForm.end(), v.vr) != longForm.end()) {
          put16(out, 0, bigEndian);
          put32(out, length, bigEndian);
        } else {
          put16(out, static_cast<uint16_t>(length), bigEndian);
        }
      } else {
        put32(out, length, bigEndian);
      }
      out.append(value);
    }
    return out;
  }

  static void put16(QByteArray& b, uint16_t v, bool big) {
    char raw[2];
    if (big) qToBigEndian(v, raw);
    else qToLittleEndian(v, raw);
    b.append(raw, 2);
  }
  static void put32(QByteArray& b, uint32_t v, bool big) {
    char raw[4];
    if (big) qToBigEndian(v, raw);
    else qToLittleEndian(v, raw);
    b.append(raw, 4);
  }

 private:
  std::map<Tag, Value> elements_;
};

/// The value of a sequence (SQ) of defined length: each data set as one item, explicit VR little endian.
inline QByteArray items(const std::vector<DataSet>& sets) {
  QByteArray b;
  for (const DataSet& d : sets) {
    const QByteArray body = d.encode(true, false);
    DataSet::put16(b, 0xfffe, false);
    DataSet::put16(b, 0xe000, false);
    DataSet::put32(b, static_cast<uint32_t>(body.size()), false);
    b.append(body);
  }
  return b;
}

/// Encapsulated pixel data: an empty basic offset table, one fragment per frame, then the sequence delimiter.
inline QByteArray encapsulate(const std::vector<QByteArray>& fragments) {
  QByteArray b;
  const auto item = [&](uint16_t e, const QByteArray& payload) {
    DataSet::put16(b, 0xfffe, false);
    DataSet::put16(b, e, false);
    DataSet::put32(b, static_cast<uint32_t>(payload.size()), false);
    b.append(payload);
  };
  item(0xe000, {});
  for (QByteArray f : fragments) {
    if (f.size() % 2) f.append('\0');
    item(0xe000, f);
  }
  item(0xe0dd, {});
  return b;
}

/// One image file with the attributes the reader looks at; everything has a plain default.
struct Slice {
  int rows = 2, cols = 3, frames = 1, samplesPerPixel = 1, planar = 0;
  int bitsAllocated = 16, bitsStored = 16, highBit = 15, pixelRepresentation = 0;
  std::string photometric = "MONOCHROME2";
  std::optional<double> slope, intercept, windowCenter, windowWidth;
  std::vector<uint32_t> samples;  ///< raw stored words, high (unused) bits included
  std::optional<std::array<double, 3>> position;
  std::optional<std::array<double, 6>> orientation;
  std::optional<std::array<double, 2>> pixelSpacing;
  std::optional<double> sliceThickness, spacingBetweenSlices;
  std::string studyUid = "1.2.826.0.1.3680043.2.1125.1", seriesUid = "1.2.826.0.1.3680043.2.1125.1.1";
  std::string sopUid = "1.2.826.0.1.3680043.2.1125.1.1.1", modality = "MR", imageType = "ORIGINAL\\PRIMARY";
  std::optional<int> instance = 1;
  std::string transferSyntax = kExplicitLittle;
  bool preamble = true;  ///< false: a bare data set, no preamble and no meta header

  DataSet dataSet() const {
    DataSet d;
    d.text(0x0008, 0x0008, "CS", imageType);
    d.text(0x0008, 0x0016, "UI", kMrStorage);
    d.text(0x0008, 0x0018, "UI", sopUid);
    d.text(0x0008, 0x0060, "CS", modality);
    d.text(0x0020, 0x000d, "UI", studyUid);
    d.text(0x0020, 0x000e, "UI", seriesUid);
    if (instance) d.text(0x0020, 0x0013, "IS", std::to_string(*instance));
    if (position) d.decimals(0x0020, 0x0032, {(*position)[0], (*position)[1], (*position)[2]});
    if (orientation) d.decimals(0x0020, 0x0037, std::vector<double>(orientation->begin(), orientation->end()));
    if (sliceThickness) d.decimals(0x0018, 0x0050, {*sliceThickness});
    if (spacingBetweenSlices) d.decimals(0x0018, 0x0088, {*spacingBetweenSlices});
    d.us(0x0028, 0x0002, static_cast<uint16_t>(samplesPerPixel));
    d.text(0x0028, 0x0004, "CS", photometric);
    if (samplesPerPixel > 1) d.us(0x0028, 0x0006, static_cast<uint16_t>(planar));
    if (frames > 1) d.text(0x0028, 0x0008, "IS", std::to_string(frames));
    d.us(0x0028, 0x0010, static_cast<uint16_t>(rows));
    d.us(0x0028, 0x0011, static_cast<uint16_t>(cols));
    if (pixelSpacing) d.decimals(0x0028, 0x0030, {(*pixelSpacing)[0], (*pixelSpacing)[1]});
    d.us(0x0028, 0x0100, static_cast<uint16_t>(bitsAllocated));
    d.us(0x0028, 0x0101, static_cast<uint16_t>(bitsStored));
    d.us(0x0028, 0x0102, static_cast<uint16_t>(highBit));
    d.us(0x0028, 0x0103, static_cast<uint16_t>(pixelRepresentation));
    if (windowCenter) d.decimals(0x0028, 0x1050, {*windowCenter});
    if (windowWidth) d.decimals(0x0028, 0x1051, {*windowWidth});
    if (intercept) d.decimals(0x0028, 0x1052, {*intercept});
    if (slope) d.decimals(0x0028, 0x1053, {*slope});
    d.raw(0x7fe0, 0x0010, bitsAllocated > 8 ? "OW" : "OB", pixelBytes());
    return d;
  }

  /// Samples packed at BitsAllocated, little-endian words (DataSet swaps OW for big-endian files).
  QByteArray pixelBytes() const {
    QByteArray b;
    if (bitsAllocated == 1) {
      b.fill('\0', static_cast<int>((samples.size() + 7) / 8));
      for (size_t i = 0; i < samples.size(); ++i)
        if (samples[i] & 1) b[static_cast<int>(i / 8)] = static_cast<char>(b[static_cast<int>(i / 8)] | (1 << (i % 8)));
    } else {
      for (uint32_t s : samples)
        for (int k = 0; k < bitsAllocated / 8; ++k) b.append(static_cast<char>((s >> (8 * k)) & 0xff));
    }
    if (b.size() % 2) b.append('\0');
    return b;
  }
};

inline QByteArray fileBytes(const DataSet& d, const std::string& transferSyntax, bool preamble = true,
                            const std::string& sopClass = kMrStorage, const std::string& sopUid = "1.2.3") {
  const bool big = transferSyntax == kExplicitBig, implicit = transferSyntax == kImplicitLittle;
  if (!preamble) return d.encode(!implicit, big);
  DataSet meta;
  meta.raw(0x0002, 0x0001, "OB", QByteArray("\x00\x01", 2));
  meta.text(0x0002, 0x0002, "UI", sopClass);
  meta.text(0x0002, 0x0003, "UI", sopUid);
  meta.text(0x0002, 0x0010, "UI", transferSyntax);
  meta.text(0x0002, 0x0012, "UI", "1.2.826.0.1.3680043.2.1125.99");
  const QByteArray body = meta.encode(true, false);
  QByteArray out(128, '\0');
  out.append("DICM", 4);
  DataSet::put16(out, 0x0002, false);
  DataSet::put16(out, 0x0000, false);
  out.append("UL", 2);
  DataSet::put16(out, 4, false);
  DataSet::put32(out, static_cast<uint32_t>(body.size()), false);
  out.append(body);
  // Deflate is not written here; big-endian and implicit data sets follow a little-endian explicit meta header.
  out.append(d.encode(!implicit, big));
  return out;
}

inline QByteArray fileBytes(const Slice& s) {
  return fileBytes(s.dataSet(), s.transferSyntax, s.preamble, kMrStorage, s.sopUid);
}

inline bool write(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  return f.write(bytes) == bytes.size();
}

}  // namespace testdicom
