#pragma once
// An array compressed and ready to be stored. Compressing is most of the cost of storing an image (about 5 ms for a
// 256x256 float image), and it needs no database: importers encode in their worker threads and the one writer
// connection only inserts. Only encode() makes one, so the sizes it carries always agree with its bytes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"

namespace lightbox::project {

struct ArrayData;

class EncodedArray {
 public:
  /// Validates and zlib-compresses `array`. Thread-safe. Throws ProjectError(InvalidArgument) (naming no file:
  /// there is none yet) for an empty image, a mask of another shape or with values other than 0/1, non-finite
  /// geometry, or more than kMaxArrayElements elements.
  static EncodedArray encode(const ArrayData& array);

  const std::string& kind() const { return kind_; }
  const Shape& shape() const { return shape_; }
  int channels() const { return channels_; }
  size_t compressedBytes() const { return data_.size() + mask_.size(); }

 private:
  EncodedArray() = default;
  friend class ArrayRepository;
  friend class PredictionRepository; // anomaly maps use the same blob scheme

  std::string kind_;
  std::string mapping_;
  int channels_ = 0;
  Shape shape_;
  Geometry geometry_;
  int64_t rawSize_ = 0;
  std::vector<uint8_t> data_;
  int64_t maskRawSize_ = 0; ///< 0 = no mask
  std::vector<uint8_t> mask_;
};

/// Largest array the project stores or loads, in elements (channels x voxels): 2^31, i.e. 8 GiB of float32 —
/// far above any working-size image (80x112x80 is 717k voxels), far below what a lying header can claim.
inline constexpr int64_t kMaxArrayElements = int64_t{1} << 31;

}  // namespace lightbox::project
