#pragma once
// From a finding in a working array to what a report names: the original slice that holds its centroid (through
// the array's stored mapping to the original grid) and, for a DICOM series, that slice's SOP Instance UID.

#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/eval/findings.h"
#include "lightbox/core/grid.h"
#include "lightbox/project/project.h"

namespace lightbox::workflows::detail {

class OriginalSlices {
 public:
  /// `mappingJson`: the array's mapping, {"to_original_index": "identity" | {"scale": [...], "offset": [...]},
  /// "original_slice_axis0": n}; an unreadable mapping leaves slices unknown rather than guessed.
  OriginalSlices(project::Project& project, const project::ImageRecord& image, const std::string& mappingJson);
  project::FindingData describe(const eval::Finding& finding) const;
  /// The original voxel (rounded to the nearest) of a working voxel, in the original's axis order; nullopt when the
  /// mapping is unknown. The result may lie outside the original grid (padding).
  std::optional<Index> toOriginal(const Index& working, int workingDims) const;

 private:
  std::optional<int64_t> originalSlice(const eval::Finding& f) const;

  int originalDims_ = 0;
  std::vector<double> scale_, offset_;
  bool identity_ = false;
  std::optional<int64_t> fixedSlice_;      ///< a 2D slice array: the slice it came from
  std::vector<std::string> sopBySlice_;    ///< the series' files in slice order
};

/// The findings of a map on `row`'s working grid with `geometry` (the array's), in the project's convention: patient
/// coordinates in LPS (DICOM's), converted from RAS for NIfTI images, with the original slice and its SOP UID.
std::vector<project::FindingData> findingsOf(const Image& map, const Geometry& geometry, const project::ImageRecord& row,
                                             const OriginalSlices& slices, const eval::FindingOptions& options);

}  // namespace lightbox::workflows::detail
