#pragma once
// zlib compression of array blobs, and the checks that make decoding a hostile blob safe: the declared size is
// checked against the shape and against what deflate can possibly expand to before a byte is allocated, and the
// stream must decode to exactly the declared size with nothing left over.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace lightbox::project::detail {

inline constexpr const char* kCodecZlib = "zlib";

/// Deflate at the fastest level: float32 images gain little from harder work, and import speed matters more.
std::vector<uint8_t> deflateBytes(std::span<const uint8_t> raw);

/// Why a blob cannot be decoded into `expectedSize` bytes, or "" when it may be tried. Cheap: looks at sizes only.
std::string blobSizeProblem(const std::string& codec, int64_t declaredRawSize, int64_t expectedSize, size_t blobSize);

/// Inflates `blob` into `out` (exactly out.size() bytes). Returns "" on success, otherwise what is wrong
/// (truncated, too long, trailing bytes, not a zlib stream).
std::string inflateExactly(std::span<const uint8_t> blob, std::span<uint8_t> out);

}  // namespace lightbox::project::detail
