#include "original_slices.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "lightbox/workflows/image_view.h"

namespace lightbox::workflows::detail {

OriginalSlices::OriginalSlices(project::Project& project, const project::ImageRecord& image,
                               const std::string& mappingJson)
    : originalDims_(image.meta.shape.ndim) {
  const auto m = nlohmann::json::parse(mappingJson, nullptr, /*allow_exceptions=*/false);
  if (m.is_object()) {
    if (const auto s = m.find("original_slice_axis0"); s != m.end() && s->is_number_integer())
      fixedSlice_ = s->get<int64_t>();
    if (const auto t = m.find("to_original_index"); t != m.end()) {
      if (t->is_string() && *t == "identity") identity_ = true;
      else if (t->is_object() && t->contains("scale") && t->contains("offset") && (*t)["scale"].is_array() &&
               (*t)["offset"].is_array()) {
        for (const auto& v : (*t)["scale"]) scale_.push_back(v.is_number() ? v.get<double>() : 0.0);
        for (const auto& v : (*t)["offset"]) offset_.push_back(v.is_number() ? v.get<double>() : 0.0);
      }
    }
  }
  for (const auto& f : project.images().files(image.id)) sopBySlice_.push_back(f.sopInstanceUid);
}

std::optional<int64_t> OriginalSlices::originalSlice(const eval::Finding& f) const {
  if (fixedSlice_) return fixedSlice_;
  if (f.ndim != 3 || originalDims_ != 3) return std::nullopt;
  if (identity_) return int64_t(std::llround(f.centroidVoxel[0]));
  if (scale_.empty() || offset_.empty()) return std::nullopt;
  return int64_t(std::llround(scale_[0] * f.centroidVoxel[0] + offset_[0]));
}

std::optional<Index> OriginalSlices::toOriginal(const Index& w, int workingDims) const {
  Index o{0, 0, 0};
  // A 2D slice of a 3D original: the slice is axis 0 of the original, the slice's axes its axes 1 and 2.
  const int shift = fixedSlice_ && originalDims_ == 3 && workingDims == 2 ? 1 : 0;
  if (shift) o[0] = *fixedSlice_;
  if (!identity_ && (scale_.size() < size_t(workingDims) || offset_.size() < size_t(workingDims))) return std::nullopt;
  for (int d = 0; d < workingDims; ++d)
    o[d + shift] = identity_ ? w[d] : int64_t(std::llround(scale_[size_t(d)] * double(w[d]) + offset_[size_t(d)]));
  return o;
}

project::FindingData OriginalSlices::describe(const eval::Finding& f) const {
  project::FindingData d;
  for (int a = 0; a < f.ndim; ++a) {
    d.bboxMin.push_back(f.boxMin[a]);
    d.bboxMax.push_back(f.boxMax[a] + 1);  // eval's box is inclusive, the project's end exclusive
    d.centroidVoxel.push_back(f.centroidVoxel[size_t(a)]);
  }
  d.centroidMm = f.centroidPatient;
  d.sizeVoxels = f.voxels;
  d.sizeMm = f.physicalSize;
  d.maxScore = f.maxScore;
  d.meanScore = f.meanScore;
  d.sliceIndex = originalSlice(f);
  if (d.sliceIndex && sopBySlice_.size() > 1 && *d.sliceIndex >= 0 && size_t(*d.sliceIndex) < sopBySlice_.size())
    d.sopInstanceUid = sopBySlice_[size_t(*d.sliceIndex)];
  return d;
}

std::vector<project::FindingData> findingsOf(const Image& map, const Geometry& geometry, const project::ImageRecord& row,
                                             const OriginalSlices& slices, const eval::FindingOptions& options) {
  const Geometry patient = row.meta.format == "nifti" ? rasToLps(geometry) : geometry;
  std::vector<project::FindingData> found;
  for (const eval::Finding& f : eval::findFindings(map.values(), map.shape(), patient, options))
    found.push_back(slices.describe(f));
  return found;
}

}  // namespace lightbox::workflows::detail
