#pragma once
// Ground truth of test images: lesion masks on the image's original voxel grid, and boxes (VinDr-CXR style) in its
// original pixel coordinates. Evaluation derives its labels from them (a voxel is positive when the mask says so or
// a box covers it). Masks use the array blob scheme (zlib, sizes validated before anything is allocated), boxes are
// JSON text; loading a damaged or hostile row gives ProjectError(Corrupt), never a crash.
//
// Only the `original` space of the ground_truth table is used: a mask is the image's grid, so its geometry is the
// image's (the images row), and working-space labels are derived through the array's mapping when needed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"

namespace lightbox::project {

namespace detail {
class Connection;
}

/// A label mask compressed and ready to be stored. Like EncodedArray it needs no database, so a caller can
/// compress once and store the same mask for several images (the four MR sequences of a BraTS case share one).
class EncodedLabelMask {
 public:
  /// Validates and compresses. Thread-safe. Throws ProjectError(InvalidArgument) (naming no file) for an empty
  /// mask, one that is not 2D or 3D, values other than 0 and 1, or more than kMaxArrayElements voxels.
  static EncodedLabelMask encode(const Mask& labels);

  const Shape& shape() const { return shape_; }
  int64_t positives() const { return positives_; }  ///< voxels labelled 1
  size_t compressedBytes() const { return data_.size(); }

 private:
  EncodedLabelMask() = default;
  friend class GroundTruthRepository;

  Shape shape_;
  int64_t positives_ = 0;
  std::vector<uint8_t> data_;
};

/// One annotated box of a 2D image. Coordinates are continuous pixel positions of the original image as the
/// annotation gives them (VinDr: x = column, y = row, from 0); min <= max.
struct AnnotatedBox {
  std::string className;
  double yMin = 0, xMin = 0, yMax = 0, xMax = 0;
};

struct GroundTruthMask {
  Mask labels;           ///< 0/1 on the image's original grid (label = annotation != 0)
  Geometry geometry;     ///< the image's original geometry
  std::string sourcePath;
};

/// An empty list is meaningful: the image was annotated and found normal ("No finding").
struct GroundTruthBoxes {
  std::vector<AnnotatedBox> boxes;
  std::string sourcePath;
};

/// Images of a dataset with ground truth of each kind.
struct GroundTruthCounts {
  int64_t masks = 0;
  int64_t boxLists = 0;      ///< images with a box list, empty ones included
  int64_t withBoxes = 0;     ///< of those, images with at least one box
};

class GroundTruthRepository {
 public:
  explicit GroundTruthRepository(detail::Connection& connection) : c_(&connection) {}

  /// Stores (or replaces) the image's mask. Throws NotFound for an unknown image, InvalidArgument when the mask's
  /// shape is not the image's original shape (or the image has none: a failed import).
  void storeMask(int64_t imageId, const EncodedLabelMask& mask, std::string_view sourcePath);
  void storeMask(int64_t imageId, const Mask& labels, std::string_view sourcePath);
  /// Stores (or replaces) the image's boxes. Throws NotFound for an unknown image, InvalidArgument for a non-2D
  /// image or a box with non-finite coordinates, min > max or more than kMaxBoxes boxes.
  void storeBoxes(int64_t imageId, const std::vector<AnnotatedBox>& boxes, std::string_view sourcePath);

  /// nullopt when the image has none. Throws Corrupt for a row that does not decode or does not fit its image.
  std::optional<GroundTruthMask> loadMask(int64_t imageId) const;
  std::optional<GroundTruthBoxes> loadBoxes(int64_t imageId) const;

  /// Removes the image's ground truth of both kinds (deleting the image removes it too, by cascade).
  void remove(int64_t imageId);
  GroundTruthCounts count(int64_t datasetId) const;

  static constexpr size_t kMaxBoxes = 100000;  ///< per image; VinDr has at most a few dozen

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
