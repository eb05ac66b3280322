#include "dicom_deflate.h"

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "lightbox/imageio/image_reader.h"

namespace lightbox::imageio::detail {

namespace {

constexpr const char* kDeflatedUid = "1.2.840.10008.1.2.1.99";
constexpr size_t kMaxInflated = size_t{1} << 31;  // far beyond any deflated DICOM in use; refused rather than held

uint16_t le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
uint32_t le32(const uint8_t* p) { return le16(p) | uint32_t{le16(p + 2)} << 16; }

bool longLength(const uint8_t* vr) {  // explicit VRs with a reserved word and a 32-bit length
  static const char* const kLong[] = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"};
  for (const char* v : kLong)
    if (std::memcmp(vr, v, 2) == 0) return true;
  return false;
}

/// Where the data set starts (after the group 0002 meta elements) when the meta header names the deflated syntax.
bool deflatedDataSet(const std::vector<uint8_t>& b, size_t& start) {
  if (b.size() < 132 || std::memcmp(&b[128], "DICM", 4) != 0) return false;
  size_t i = 132;
  bool deflated = false;
  while (i + 8 <= b.size() && le16(&b[i]) == 0x0002) {
    const bool lng = longLength(&b[i + 4]);
    if (lng && i + 12 > b.size()) return false;
    const uint32_t n = lng ? le32(&b[i + 8]) : le16(&b[i + 6]);
    const size_t value = i + (lng ? 12 : 8);
    if (n > b.size() - value) return false;  // DCMTK reports a broken meta header itself
    if (le16(&b[i + 2]) == 0x0010) {
      std::string uid(reinterpret_cast<const char*>(&b[value]), n);
      while (!uid.empty() && (uid.back() == '\0' || uid.back() == ' ')) uid.pop_back();
      deflated = uid == kDeflatedUid;
    }
    i = value + n;
  }
  start = i;
  return deflated;
}

std::vector<uint8_t> inflateRaw(const std::string& path, const uint8_t* in, size_t n) {
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw ImageReadError(path, "zlib cannot start");
  std::vector<uint8_t> out;
  uint8_t chunk[1 << 16];
  z.next_in = const_cast<Bytef*>(in);
  z.avail_in = static_cast<uInt>(n);
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = chunk;
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    out.insert(out.end(), chunk, chunk + (sizeof chunk - z.avail_out));
    if (out.size() > kMaxInflated) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) rc = Z_STREAM_END;  // DCMTK also accepts a stream without its end
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END)
    throw ImageReadError(path, rc == Z_MEM_ERROR ? "deflated data set inflates to more than 2 GiB"
                                                 : "truncated or corrupt DICOM data (broken deflate stream)");
  return out;
}

/// Walks the elements, descending into sequences and their items (whose contents are elements again) and stepping
/// over every other value. The items of an encapsulated Pixel Data (an undefined-length element that is no sequence)
/// are fragments of compressed bytes: their lengths are checked, their contents are not elements and are skipped.
void checkLengths(const std::string& path, const std::vector<uint8_t>& d) {
  size_t i = 0;
  bool inFragments = false;
  while (i + 8 <= d.size()) {
    const uint16_t group = le16(&d[i]), element = le16(&d[i + 2]);
    uint32_t n;
    size_t value;
    bool descend = false;
    if (group == 0xfffe) {  // item and delimiters: tag + 32-bit length, no VR
      n = le32(&d[i + 4]);
      value = i + 8;
      descend = element == 0xe000 && !inFragments;
      if (element == 0xe0dd) inFragments = false;
    } else {
      const bool lng = longLength(&d[i + 4]);
      if (lng && i + 12 > d.size()) return;
      n = lng ? le32(&d[i + 8]) : le16(&d[i + 6]);
      value = i + (lng ? 12 : 8);
      const bool sequence = std::memcmp(&d[i + 4], "SQ", 2) == 0;
      // UN of undefined length holds implicit-VR elements, which this walk does not read: DCMTK judges the rest.
      if (!sequence && n == 0xffffffffu && std::memcmp(&d[i + 4], "UN", 2) == 0) return;
      if (!sequence && n == 0xffffffffu) inFragments = true;
      descend = sequence;
    }
    if (n == 0xffffffffu) {  // undefined length: its items follow, up to a delimiter
      i = value;
      continue;
    }
    if (n > d.size() - value) {
      char tag[16];
      std::snprintf(tag, sizeof tag, "(%04X,%04X)", group, element);
      throw ImageReadError(path, std::string("truncated or corrupt DICOM data: element ") + tag + " declares " +
                                     std::to_string(n) + " bytes, but only " + std::to_string(d.size() - value) +
                                     " follow it in the inflated data set");
    }
    i = descend ? value : value + n;
  }
}

}  // namespace

void checkDeflatedLengths(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t start = 0;
  if (!deflatedDataSet(bytes, start)) return;
  checkLengths(path, inflateRaw(path, bytes.data() + start, bytes.size() - start));
}

}  // namespace lightbox::imageio::detail
