// Annotation use cases of the review workspace (review.h): manual findings, adjusted extents, the category list.
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "lightbox/core/eval/findings.h"
#include "lightbox/core/eval/image_scores.h"
#include "lightbox/project/transaction.h"
#include "lightbox/workflows/image_view.h"
#include "lightbox/workflows/review.h"
#include "original_slices.h"
#include "review_support.h"

namespace lightbox::workflows {

namespace {

using detail::guarded;
using detail::openRead;
using detail::openWrite;

Shape boxShape(const std::vector<int64_t>& lo, const std::vector<int64_t>& hi) {
  std::vector<int64_t> size;
  for (size_t d = 0; d < lo.size(); ++d) size.push_back(hi[d] - lo[d]);
  return Shape::fromVector(size);
}

/// The region cropped to its voxels, after checking it against the map's grid.
RegionMask cropped(const RegionMask& r, const Shape& grid) {
  const size_t nd = size_t(grid.ndim);
  if (r.min.size() != nd || r.max.size() != nd)
    throw std::invalid_argument("a drawn region needs " + std::to_string(nd) + " coordinates per corner, one per axis");
  for (size_t d = 0; d < nd; ++d)
    if (r.min[d] < 0 || r.min[d] >= r.max[d] || r.max[d] > grid[int(d)])
      throw std::invalid_argument("the drawn region lies outside the image's grid " + grid.toString());
  const Shape box = boxShape(r.min, r.max);
  if (int64_t(r.values.size()) != box.count())
    throw std::invalid_argument("a drawn region has " + std::to_string(r.values.size()) + " values for its box of " +
                                std::to_string(box.count()) + " voxels");
  Index lo{box[0], box[1], box[2]}, hi{-1, -1, -1};
  for (int64_t k = 0; k < box.count(); ++k) {
    if (r.values[size_t(k)] > 1) throw std::invalid_argument("a drawn region holds values other than 0 and 1");
    if (!r.values[size_t(k)]) continue;
    const Index i = box.unravel(k);
    for (size_t d = 0; d < nd; ++d) lo[d] = std::min(lo[d], i[d]), hi[d] = std::max(hi[d], i[d]);
  }
  if (hi[0] < 0) throw std::invalid_argument("the drawn region is empty: draw at least one voxel");
  RegionMask out;
  for (size_t d = 0; d < nd; ++d) out.min.push_back(r.min[d] + lo[d]), out.max.push_back(r.min[d] + hi[d] + 1);
  const Shape inner = boxShape(out.min, out.max);
  out.values.resize(size_t(inner.count()));
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    Index o{0, 0, 0};
    for (size_t d = 0; d < nd; ++d) o[d] = i[d] + lo[d];
    out.values[size_t(k++)] = r.values[size_t(box.linear(o))];
  } while (nextIndex(i, inner));
  return out;
}

/// What measuring needs of a prediction: its map, the geometry in LPS, the mapping to the original slices.
struct PredictionContext {
  Image map;
  Geometry patient;
  project::ImageRecord row;
  std::string mapping;
};

PredictionContext contextOf(project::Project& proj, int64_t predictionId) {
  auto prediction = proj.predictions().get(predictionId);
  if (!prediction) throw std::invalid_argument("the project has no prediction " + std::to_string(predictionId));
  auto row = proj.images().get(prediction->info.imageId);
  if (!row) throw std::invalid_argument("the image of prediction " + std::to_string(predictionId) + " is gone");
  const auto array = proj.arrays().load(row->id, detail::arrayKindOf(proj, row->id, prediction->info.arrayId));
  if (!array) throw std::runtime_error("the working array of " + row->meta.sourcePath + " cannot be read");
  PredictionContext c{std::move(prediction->map), {}, std::move(*row), array->mapping};
  // As findingsOf: the map carries the array's geometry, NIfTI's RAS+ converted to the LPS+ findings are in.
  c.patient = c.row.meta.format == "nifti" ? rasToLps(c.map.geometry()) : c.map.geometry();
  return c;
}

/// Measures a cropped region as findFindings measures a region (findings.h), then names its original slice.
project::FindingData measure(project::Project& proj, const PredictionContext& c, const RegionMask& r) {
  const Shape& grid = c.map.shape();
  const int nd = grid.ndim;
  const Shape box = boxShape(r.min, r.max);
  eval::Finding f;
  f.ndim = nd;
  std::array<int64_t, 3> sum{0, 0, 0};
  double scoreSum = 0.0, maxScore = 0.0;
  Index i{0, 0, 0};
  int64_t k = 0;
  const float* map = c.map.channel(0);
  do {
    if (r.values[size_t(k++)]) {
      Index g{0, 0, 0};
      for (int d = 0; d < nd; ++d) g[d] = r.min[size_t(d)] + i[d], sum[size_t(d)] += g[d];
      const double score = eval::clipToUnit(map[grid.linear(g)]);
      scoreSum += score;
      maxScore = std::max(maxScore, score);
      ++f.voxels;
    }
  } while (nextIndex(i, box));
  for (int d = 0; d < nd; ++d) {
    f.boxMin[d] = r.min[size_t(d)];
    f.boxMax[d] = r.max[size_t(d)] - 1;
    f.centroidVoxel[size_t(d)] = double(sum[size_t(d)]) / double(f.voxels);
  }
  f.centroidPatient = c.patient.indexToPatient(f.centroidVoxel);
  f.physicalSize = double(f.voxels) * eval::voxelPhysicalSize(c.patient, nd);
  f.maxScore = maxScore;
  f.meanScore = scoreSum / double(f.voxels);
  const detail::OriginalSlices slices(proj, c.row, c.mapping);
  return slices.describe(f);
}

ReviewFinding reviewFinding(project::Project& proj, int64_t findingId) {
  const auto f = proj.findings().get(findingId);
  if (!f) throw std::invalid_argument("the project has no finding " + std::to_string(findingId));
  std::map<int64_t, std::string> categories;
  for (const auto& c : proj.findings().categories()) categories[c.id] = c.name;
  return detail::toReviewFinding(*f, categories);
}

/// The region findFindings reported for an automatic finding, from the map (see loadFindingExtent).
RegionMask derivedExtent(const project::Finding& f, const Image& mapImage) {
  const Shape& grid = mapImage.shape();
  const Shape box = boxShape(f.data.bboxMin, f.data.bboxMax);
  const int nd = grid.ndim;
  const double threshold = f.threshold.value_or(0.5);
  const float* map = mapImage.channel(0);
  std::vector<uint8_t> above(size_t(box.count()), 0);
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    Index g{0, 0, 0};
    for (int d = 0; d < nd; ++d) g[d] = f.data.bboxMin[size_t(d)] + i[d];
    above[size_t(k++)] = double(eval::clipToUnit(map[grid.linear(g)])) > threshold ? 1 : 0;
  } while (nextIndex(i, box));

  // Face-connected parts inside the box; the best is the one of the finding's size nearest its centroid.
  std::vector<int32_t> label(above.size(), 0);
  std::vector<int64_t> stack;
  int32_t best = 0, labels = 0;
  double bestScore = std::numeric_limits<double>::infinity();
  for (int64_t seed = 0; seed < box.count(); ++seed) {
    if (!above[size_t(seed)] || label[size_t(seed)]) continue;
    const int32_t id = ++labels;
    label[size_t(seed)] = id;
    stack.assign(1, seed);
    int64_t voxels = 0;
    std::array<double, 3> sum{0, 0, 0};
    while (!stack.empty()) {
      const int64_t at = stack.back();
      stack.pop_back();
      const Index v = box.unravel(at);
      ++voxels;
      for (int d = 0; d < nd; ++d) sum[size_t(d)] += double(v[d]);
      for (int d = 0; d < nd; ++d)
        for (const int64_t step : {-1, 1}) {
          Index n = v;
          n[d] += step;
          if (!box.contains(n)) continue;
          const int64_t next = box.linear(n);
          if (above[size_t(next)] && !label[size_t(next)]) label[size_t(next)] = id, stack.push_back(next);
        }
    }
    double distance = 0;
    for (int d = 0; d < nd; ++d) {
      const double c = sum[size_t(d)] / double(voxels) + double(f.data.bboxMin[size_t(d)]);
      distance += (c - f.data.centroidVoxel[size_t(d)]) * (c - f.data.centroidVoxel[size_t(d)]);
    }
    // A part of exactly the stored size wins over any other; among equals, the nearest centroid.
    const double score = (voxels == f.data.sizeVoxels ? 0.0 : 1e12) + distance;
    if (score < bestScore) bestScore = score, best = id;
  }
  RegionMask r;
  r.min = f.data.bboxMin;
  r.max = f.data.bboxMax;
  r.values.assign(above.size(), 0);
  for (size_t v = 0; v < label.size(); ++v) r.values[v] = best && label[v] == best ? 1 : 0;
  // Nothing above the threshold (the map was replaced under a kept finding): the box stands for the region.
  if (!best) std::fill(r.values.begin(), r.values.end(), uint8_t(1));
  return cropped(r, grid);
}

project::Finding requireFinding(project::Project& proj, int64_t findingId) {
  auto f = proj.findings().get(findingId);
  if (!f) throw std::invalid_argument("the project has no finding " + std::to_string(findingId));
  return *f;
}

}  // namespace

int64_t RegionMask::voxels() const { return int64_t(std::count(values.begin(), values.end(), uint8_t(1))); }

uint8_t RegionMask::at(const Index& voxel) const {
  if (min.empty() || min.size() != max.size()) return 0;
  Index local{0, 0, 0};
  for (size_t d = 0; d < min.size(); ++d) {
    if (voxel[d] < min[d] || voxel[d] >= max[d]) return 0;
    local[d] = voxel[d] - min[d];
  }
  const Shape box = boxShape(min, max);
  const int64_t k = box.linear(local);
  return k < int64_t(values.size()) ? values[size_t(k)] : 0;
}

const char* toString(ManualShape shape) {
  switch (shape) {
    case ManualShape::Ellipse: return "ellipse";
    case ManualShape::Brush: return "brush";
    case ManualShape::Box: break;
  }
  return "box";
}

ReviewFinding addManualFinding(const std::string& projectPath, int64_t predictionId, ManualShape shape,
                               const RegionMask& region, std::optional<int64_t> findingId) {
  project::Project proj = openWrite(projectPath);
  const PredictionContext c = contextOf(proj, predictionId);
  const RegionMask r = cropped(region, c.map.shape());
  const project::FindingData data = measure(proj, c, r);
  const int64_t id = guarded([&] { return proj.findings().addManual(predictionId, toString(shape), data, r.values, findingId); });
  return reviewFinding(proj, id);
}

void removeManualFinding(const std::string& projectPath, int64_t findingId) {
  project::Project proj = openWrite(projectPath);
  guarded([&] { proj.findings().removeManual(findingId); });
}

FindingExtent loadFindingExtent(const std::string& projectPath, int64_t findingId) {
  project::Project proj = openRead(projectPath);
  const project::Finding f = requireFinding(proj, findingId);
  FindingExtent out;
  if (auto stored = proj.findings().extent(findingId)) {
    out.stored = true;
    out.region.min = f.data.bboxMin;
    out.region.max = f.data.bboxMax;
    out.region.values = std::move(*stored);
    return out;
  }
  const auto prediction = proj.predictions().get(f.predictionId);
  if (!prediction) throw std::invalid_argument("the prediction of finding " + std::to_string(findingId) + " is gone");
  out.region = derivedExtent(f, prediction->map);
  return out;
}

ReviewFinding setFindingExtent(const std::string& projectPath, int64_t findingId, const RegionMask& region,
                               std::optional<ManualShape> shape) {
  project::Project proj = openWrite(projectPath);
  const project::Finding f = requireFinding(proj, findingId);
  const PredictionContext c = contextOf(proj, f.predictionId);
  const RegionMask r = cropped(region, c.map.shape());
  const project::FindingData data = measure(proj, c, r);
  std::optional<std::string_view> drawn;
  if (shape) drawn = toString(*shape);
  guarded([&] { proj.findings().setExtent(findingId, data, r.values, drawn); });
  return reviewFinding(proj, findingId);
}

FindingRegionState saveFindingRegion(const std::string& projectPath, int64_t findingId) {
  project::Project proj = openRead(projectPath);
  const project::Finding f = requireFinding(proj, findingId);
  FindingRegionState s;
  s.findingId = findingId;
  s.bboxMin = f.data.bboxMin;
  s.bboxMax = f.data.bboxMax;
  s.centroidVoxel = f.data.centroidVoxel;
  s.centroidMm = f.data.centroidMm;
  s.sizeVoxels = f.data.sizeVoxels;
  s.sizeMm = f.data.sizeMm;
  s.maxScore = f.data.maxScore;
  s.meanScore = f.data.meanScore;
  s.sliceIndex = f.data.sliceIndex;
  s.sopInstanceUid = f.data.sopInstanceUid;
  s.manual = f.manual;
  s.manualShape = f.manualShape;
  s.extent = guarded([&] { return proj.findings().extent(findingId); });
  return s;
}

ReviewFinding restoreFindingRegion(const std::string& projectPath, const FindingRegionState& s) {
  project::Project proj = openWrite(projectPath);
  project::FindingData d;
  d.bboxMin = s.bboxMin;
  d.bboxMax = s.bboxMax;
  d.centroidVoxel = s.centroidVoxel;
  d.centroidMm = s.centroidMm;
  d.sizeVoxels = s.sizeVoxels;
  d.sizeMm = s.sizeMm;
  d.maxScore = s.maxScore;
  d.meanScore = s.meanScore;
  d.sliceIndex = s.sliceIndex;
  d.sopInstanceUid = s.sopInstanceUid;
  guarded([&] {
    if (s.extent) {
      std::optional<std::string_view> shape;
      if (s.manual && !s.manualShape.empty()) shape = s.manualShape;
      proj.findings().setExtent(s.findingId, d, *s.extent, shape);
    } else {
      proj.findings().clearExtent(s.findingId, d);
    }
  });
  return reviewFinding(proj, s.findingId);
}

int64_t addFindingCategory(const std::string& projectPath, const std::string& name, std::optional<int64_t> categoryId) {
  project::Project proj = openWrite(projectPath);
  return guarded([&] { return proj.findings().addCategory(name, categoryId); });
}

void renameFindingCategory(const std::string& projectPath, int64_t categoryId, const std::string& name) {
  project::Project proj = openWrite(projectPath);
  guarded([&] { proj.findings().renameCategory(categoryId, name); });
}

int64_t findingCategoryUse(const std::string& projectPath, int64_t categoryId) {
  project::Project proj = openRead(projectPath);
  return guarded([&] { return proj.findings().categoryUse(categoryId); });
}

std::vector<int64_t> removeFindingCategory(const std::string& projectPath, int64_t categoryId) {
  project::Project proj = openWrite(projectPath);
  return guarded([&] { return proj.findings().removeCategory(categoryId); });
}

void reorderFindingCategories(const std::string& projectPath, const std::vector<int64_t>& ids) {
  project::Project proj = openWrite(projectPath);
  guarded([&] { proj.findings().reorderCategories(ids); });
}

int64_t restoreFindingCategory(const std::string& projectPath, int64_t categoryId, const std::string& name,
                               size_t position, const std::vector<int64_t>& findingIds) {
  project::Project proj = openWrite(projectPath);
  return guarded([&] {
    project::Transaction tx(proj);
    const int64_t id = proj.findings().addCategory(name, categoryId);
    std::vector<int64_t> order;
    for (const auto& c : proj.findings().categories())
      if (c.id != id) order.push_back(c.id);
    order.insert(order.begin() + std::ptrdiff_t(std::min(position, order.size())), id);
    proj.findings().reorderCategories(order);
    for (const int64_t f : findingIds)
      if (proj.findings().get(f)) proj.findings().setCategory(f, id);
    tx.commit();
    return id;
  });
}

}  // namespace lightbox::workflows
