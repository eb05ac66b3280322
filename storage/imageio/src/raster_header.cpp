#include "raster_header.h"

#include <cmath>
#include <cstdio>

namespace lightbox::imageio::detail {

namespace {

// Deflate (PNG, TIFF Deflate) expands at most about 1032:1; TIFF LZW a little more (a run of one value emits
// strings one byte longer per 12-bit code, ~1365:1 before the table is reset); PackBits at most 128 bytes from 2.
constexpr double kDeflateRatio = 1032, kLzwRatio = 2048, kPackBitsRatio = 64;
constexpr double kSlack = 4096;  // headers, palettes and tiny images

uint32_t be32(const uint8_t* p) { return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3]; }

std::string problem(double width, double height, double rawBytes, size_t fileBytes, const char* why) {
  char text[256];
  std::snprintf(text, sizeof text, "declares %.0f x %.0f pixels (%.0f bytes of samples), more than its %zu-byte file "
                "can hold (%s)", width, height, rawBytes, fileBytes, why);
  return text;
}

std::string pngProblem(std::span<const uint8_t> b) {
  if (b.size() < 33 || be32(&b[12]) != 0x49484452u) return {};  // "IHDR" must be the first chunk
  const double width = be32(&b[16]), height = be32(&b[20]);
  const int depth = b[24], colour = b[25];
  const int channels = colour == 2 ? 3 : colour == 4 ? 2 : colour == 6 ? 4 : 1;
  // Every row is one filter byte and its packed samples, all inside the zlib stream of the IDAT chunks.
  const double raw = height * (1 + std::ceil(width * channels * depth / 8.0));
  if (raw > static_cast<double>(b.size()) * kDeflateRatio + kSlack)
    return problem(width, height, raw, b.size(), "deflate expands at most 1032:1");
  return {};
}

struct TiffReader {
  std::span<const uint8_t> b;
  bool big;
  uint32_t u16(size_t at) const {
    if (at + 2 > b.size()) return 0;
    return big ? (uint32_t{b[at]} << 8 | b[at + 1]) : (uint32_t{b[at + 1]} << 8 | b[at]);
  }
  uint32_t u32(size_t at) const {
    if (at + 4 > b.size()) return 0;
    return big ? be32(&b[at]) : (u16(at) | u16(at + 2) << 16);
  }
  /// The first value of an IFD entry (SHORT or LONG; a SHORT array longer than 2 lies at the entry's offset).
  uint32_t first(size_t entry) const {
    const uint32_t type = u16(entry + 2), count = u32(entry + 4);
    if (type == 3) return count > 2 ? u16(u32(entry + 8)) : u16(entry + 8);
    return count > 1 ? u32(u32(entry + 8)) : u32(entry + 8);
  }
};

std::string tiffProblem(std::span<const uint8_t> b) {
  if (b.size() < 8) return {};
  const TiffReader t{b, b[0] == 'M'};
  if (t.u16(2) != 42) return {};  // BigTIFF (43) and anything else: left to the decoder
  const size_t ifd = t.u32(4);
  const uint32_t entries = t.u16(ifd);
  double width = 0, height = 0, bits = 1, samples = 1;
  uint32_t compression = 1;
  for (uint32_t k = 0; k < entries && ifd + 2 + 12 * (k + 1) <= b.size(); ++k) {
    const size_t e = ifd + 2 + 12 * k;
    switch (t.u16(e)) {
      case 256: width = t.first(e); break;
      case 257: height = t.first(e); break;
      case 258: bits = t.first(e); break;
      case 259: compression = t.first(e); break;
      case 277: samples = t.first(e); break;
      default: break;
    }
  }
  double ratio = 0;
  switch (compression) {
    case 1: ratio = 1; break;
    case 5: ratio = kLzwRatio; break;
    case 8: case 32946: ratio = kDeflateRatio; break;
    case 32773: ratio = kPackBitsRatio; break;
    default: return {};  // CCITT, JPEG, ...: no simple bound; the decoder judges
  }
  const double raw = width * height * samples * bits / 8.0;
  if (raw > static_cast<double>(b.size()) * ratio + kSlack)
    return problem(width, height, raw, b.size(), ratio == 1 ? "its strips are uncompressed"
                                                           : "its compression cannot expand that far");
  return {};
}

/// JPEG: every 8 x 8 block of the first component costs at least one bit of Huffman code in the first scan that
/// holds it (a DC difference; a sequential scan adds an end-of-block code), so a file of B bytes holds at most 512 B
/// pixels. Arithmetic coding (SOF9..SOF15) has no such floor and is left to the decoder.
std::string jpegProblem(std::span<const uint8_t> b) {
  size_t i = 2;  // after SOI
  while (i + 9 < b.size() && b[i] == 0xff) {
    const uint8_t marker = b[i + 1];
    if (marker == 0xff) {  // fill byte
      ++i;
      continue;
    }
    const size_t length = size_t{b[i + 2]} << 8 | b[i + 3];
    const bool huffmanFrame = marker >= 0xc0 && marker <= 0xc7 && marker != 0xc4;
    if (huffmanFrame) {
      const double height = size_t{b[i + 5]} << 8 | b[i + 6], width = size_t{b[i + 7]} << 8 | b[i + 8];
      if (width * height > static_cast<double>(b.size()) * 512 + kSlack * 512)
        return problem(width, height, width * height, b.size(), "a Huffman-coded block needs at least one bit");
      return {};
    }
    if (marker == 0xda || (marker >= 0xc8 && marker <= 0xcf && marker != 0xcc)) return {};  // scan, or arithmetic
    i += 2 + length;
  }
  return {};
}

}  // namespace

std::string rasterSizeProblem(std::span<const uint8_t> bytes, Format format) {
  if (format == Format::Png) return pngProblem(bytes);
  if (format == Format::Tiff) return tiffProblem(bytes);
  if (format == Format::Jpeg) return jpegProblem(bytes);
  return {};
}

}  // namespace lightbox::imageio::detail
