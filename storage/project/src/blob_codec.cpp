#include "blob_codec.h"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace lightbox::project::detail {

namespace {

// Deflate cannot expand more than about 1032:1 (a 258-byte match in under two bits); anything claiming more is a
// lie, whatever the shape says, so it is refused before a large allocation.
constexpr int64_t kMaxInflateRatio = 1032;
constexpr int64_t kRatioSlack = 4096; // headers and tiny blobs

// zlib counts in uInt (32 bits everywhere), so large buffers are fed in chunks.
constexpr size_t kChunk = size_t{1} << 30;

uInt chunk(size_t remaining) { return static_cast<uInt>(std::min(remaining, kChunk)); }

}  // namespace

std::vector<uint8_t> deflateBytes(std::span<const uint8_t> raw) {
  z_stream z{};
  if (deflateInit(&z, Z_BEST_SPEED) != Z_OK) throw std::runtime_error("zlib: deflateInit failed");
  std::vector<uint8_t> out(deflateBound(&z, static_cast<uLong>(std::min<size_t>(raw.size(), kChunk))) +
                           raw.size() / 1000 + 64);
  size_t inPos = 0, outPos = 0;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (outPos == out.size()) out.resize(out.size() * 2);
    z.next_in = const_cast<Bytef*>(raw.data() + inPos);
    z.avail_in = chunk(raw.size() - inPos);
    z.next_out = out.data() + outPos;
    z.avail_out = chunk(out.size() - outPos);
    const uInt inBefore = z.avail_in, outBefore = z.avail_out;
    const bool last = raw.size() - inPos == z.avail_in;
    rc = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      deflateEnd(&z);
      throw std::runtime_error("zlib: deflate failed");
    }
    inPos += inBefore - z.avail_in;
    outPos += outBefore - z.avail_out;
  }
  deflateEnd(&z);
  out.resize(outPos);
  return out;
}

std::string blobSizeProblem(const std::string& codec, int64_t declaredRawSize, int64_t expectedSize, size_t blobSize) {
  if (codec != kCodecZlib) return "unknown codec '" + codec + "'";
  if (declaredRawSize != expectedSize)
    return "declares " + std::to_string(declaredRawSize) + " uncompressed bytes but its shape needs " +
           std::to_string(expectedSize);
  if (blobSize == 0) return "has an empty blob";
  if (static_cast<uint64_t>(expectedSize) > static_cast<uint64_t>(blobSize) * kMaxInflateRatio + kRatioSlack)
    return "claims " + std::to_string(expectedSize) + " bytes from a " + std::to_string(blobSize) +
           "-byte blob, more than deflate can expand";
  return {};
}

std::string inflateExactly(std::span<const uint8_t> blob, std::span<uint8_t> out) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return "zlib cannot start";
  size_t inPos = 0, outPos = 0;
  uint8_t probe = 0; // one byte beyond `out`: writing into it means the stream is longer than declared
  std::string problem;
  for (;;) {
    const bool full = outPos == out.size();
    z.next_in = const_cast<Bytef*>(blob.data() + inPos);
    z.avail_in = chunk(blob.size() - inPos);
    z.next_out = full ? &probe : out.data() + outPos;
    z.avail_out = full ? 1 : chunk(out.size() - outPos);
    const uInt inBefore = z.avail_in, outBefore = z.avail_out;
    const int rc = inflate(&z, Z_NO_FLUSH);
    inPos += inBefore - z.avail_in;
    if (full && z.avail_out == 0) {
      problem = "decodes to more than its declared size";
      break;
    }
    if (!full) outPos += outBefore - z.avail_out;
    if (rc == Z_STREAM_END) {
      if (outPos != out.size())
        problem = "decodes to " + std::to_string(outPos) + " bytes, not " + std::to_string(out.size()) +
                  " (truncated, or its declared size lies)";
      else if (inPos != blob.size())
        problem = "has " + std::to_string(blob.size() - inPos) + " bytes after its zlib stream";
      break;
    }
    if (rc == Z_OK) continue; // progress was made; go on
    if (rc == Z_BUF_ERROR && inPos == blob.size())
      problem = "ends before its zlib stream does (truncated)";
    else
      problem = std::string("is not a valid zlib stream") + (z.msg != nullptr ? std::string(" (") + z.msg + ")" : "");
    break;
  }
  inflateEnd(&z);
  return problem;
}

}  // namespace lightbox::project::detail
