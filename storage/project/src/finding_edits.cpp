// Findings the user drew or adjusted: manual findings (add, and remove for undo) and stored extents.
#include <algorithm>
#include <cmath>

#include "blob_codec.h"
#include "connection.h"
#include "finding_checks.h"
#include "lightbox/project/encoded_array.h"
#include "lightbox/project/findings.h"
#include "lightbox/project/transaction.h"
#include "number_text.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

std::string describe(int64_t findingId) { return "finding " + std::to_string(findingId); }

// Why `mask` cannot be the extent of `data`, or "": one 0/1 byte per box voxel, as many ones as sizeVoxels, and
// ones on every face of the box so that the box is the region's own (a loose box would misplace the finding).
std::string extentProblem(const FindingData& data, std::span<const uint8_t> mask) {
  const size_t nd = data.bboxMin.size();
  Shape box;
  box.ndim = int(nd);
  for (size_t d = 0; d < nd; ++d) box.size[d] = data.bboxMax[d] - data.bboxMin[d];
  if (int64_t(mask.size()) != box.count())
    return "its extent has " + std::to_string(mask.size()) + " values but its box " + box.toString() + " has " +
           std::to_string(box.count()) + " voxels";
  int64_t ones = 0;
  Index lo{box.size[0], box.size[1], box.size[2]}, hi{-1, -1, -1};
  for (int64_t k = 0; k < int64_t(mask.size()); ++k) {
    const uint8_t v = mask[size_t(k)];
    if (v > 1) return "its extent holds the value " + std::to_string(v) + " (only 0 and 1 are allowed)";
    if (!v) continue;
    ++ones;
    const Index i = box.unravel(k);
    for (size_t d = 0; d < nd; ++d) lo[d] = std::min(lo[d], i[d]), hi[d] = std::max(hi[d], i[d]);
  }
  if (ones == 0) return "its extent is empty";
  if (ones != data.sizeVoxels)
    return "its extent has " + std::to_string(ones) + " voxels but its size says " + std::to_string(data.sizeVoxels);
  for (size_t d = 0; d < nd; ++d)
    if (lo[d] != 0 || hi[d] != box.size[d] - 1) return "its box is larger than its extent on axis " + std::to_string(d);
  return {};
}

struct Row {
  int64_t predictionId = 0;
  bool manual = false;
};

Row findingRow(detail::Connection& c, int64_t findingId) {
  Statement st(c, "SELECT prediction_id, is_manual FROM findings WHERE id = ?1");
  st.bind(1, findingId);
  if (!st.step()) throw c.error(ErrorKind::NotFound, "has no finding with id " + std::to_string(findingId));
  return {st.int64(0), st.int64(1) != 0};
}

void checkRegion(detail::Connection& c, int64_t predictionId, const std::string& what, const FindingData& data,
                 std::span<const uint8_t> mask) {
  const Shape shape = detail::predictionShape(c, predictionId);
  std::string p = detail::findingProblem(data, shape);
  if (p.empty()) p = extentProblem(data, mask);
  if (!p.empty()) throw c.error(ErrorKind::InvalidArgument, "cannot store the region of " + what + ": " + p);
}

std::string boxShapeText(const FindingData& data) {
  std::vector<int64_t> size;
  for (size_t d = 0; d < data.bboxMin.size(); ++d) size.push_back(data.bboxMax[d] - data.bboxMin[d]);
  return detail::formatIntegers(size);
}

std::string bboxText(const FindingData& data) {
  std::vector<int64_t> bbox = data.bboxMin;
  bbox.insert(bbox.end(), data.bboxMax.begin(), data.bboxMax.end());
  return detail::formatIntegers(bbox);
}

// Binds ?2..?10 of a statement to the region columns, in the order bbox, centroid_voxel, centroid_mm, size_voxels,
// size_mm, max_score, mean_score, slice_index, sop_instance_uid.
void bindRegion(Statement& st, const FindingData& f) {
  st.bind(2, bboxText(f)).bind(3, detail::formatNumbers(f.centroidVoxel)).bind(4, detail::formatNumbers(f.centroidMm));
  st.bind(5, f.sizeVoxels).bind(6, f.sizeMm);
  if (f.maxScore) st.bind(7, *f.maxScore);
  else st.bind(7, std::nullopt);
  if (f.meanScore) st.bind(8, *f.meanScore);
  else st.bind(8, std::nullopt);
  if (f.sliceIndex) st.bind(9, *f.sliceIndex);
  else st.bind(9, std::nullopt);
  st.bindOrNull(10, f.sopInstanceUid);
}

}  // namespace

bool isManualShape(std::string_view shape) {
  return std::any_of(std::begin(kManualShapes), std::end(kManualShapes), [&](const char* s) { return shape == s; });
}

int64_t FindingRepository::addManual(int64_t predictionId, std::string_view shape, const FindingData& data,
                                     std::span<const uint8_t> extent, std::optional<int64_t> preferredId) {
  c_->requireWritable("add a manual finding");
  const std::string what = "a manual finding of prediction " + std::to_string(predictionId);
  if (!isManualShape(shape))
    throw c_->error(ErrorKind::InvalidArgument,
                    "cannot store " + what + ": its shape '" + std::string(shape) + "' is not box, ellipse or brush");
  Transaction tx(*c_);
  checkRegion(*c_, predictionId, what, data, extent);
  const std::vector<uint8_t> blob = detail::deflateBytes(extent);
  bool free = false;
  if (preferredId && *preferredId > 0) {
    Statement probe(*c_, "SELECT 1 FROM findings WHERE id = ?1");
    probe.bind(1, *preferredId);
    free = !probe.step();
  }
  Statement st(*c_,
               "INSERT INTO findings (id, prediction_id, bbox, centroid_voxel, centroid_mm, size_voxels, size_mm, "
               "max_score, mean_score, slice_index, sop_instance_uid, is_manual, manual_shape, extent_shape, "
               "extent_codec, extent_raw_size, extent_data) "
               "VALUES (?16, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?12, ?13, ?14, ?15)");
  st.bind(1, predictionId);
  if (free) st.bind(16, *preferredId);
  else st.bind(16, std::nullopt);  // NULL: SQLite picks the next rowid
  bindRegion(st, data);
  st.bind(11, std::string(shape)).bind(12, boxShapeText(data)).bind(13, detail::kCodecZlib);
  st.bind(14, int64_t(extent.size())).bindBlob(15, blob);
  st.run();
  const int64_t id = detail::lastInsertId(*c_);
  tx.commit();
  return id;
}

void FindingRepository::removeManual(int64_t findingId) {
  c_->requireWritable("remove a manual finding");
  Transaction tx(*c_);
  if (!findingRow(*c_, findingId).manual)
    throw c_->error(ErrorKind::InvalidArgument, "cannot remove " + describe(findingId) +
                                                    ": it was found by the model, and only hand-drawn findings "
                                                    "can be removed one by one");
  Statement(*c_, "DELETE FROM findings WHERE id = ?1").bind(1, findingId).run();
  tx.commit();
}

void FindingRepository::setExtent(int64_t findingId, const FindingData& data, std::span<const uint8_t> extent,
                                  std::optional<std::string_view> manualShape) {
  c_->requireWritable("change a finding's extent");
  Transaction tx(*c_);
  const Row row = findingRow(*c_, findingId);
  if (manualShape && !row.manual)
    throw c_->error(ErrorKind::InvalidArgument,
                    "cannot give " + describe(findingId) + " a drawing shape: it was found by the model");
  if (manualShape && !isManualShape(*manualShape))
    throw c_->error(ErrorKind::InvalidArgument, "cannot store " + describe(findingId) + ": its shape '" +
                                                    std::string(*manualShape) + "' is not box, ellipse or brush");
  checkRegion(*c_, row.predictionId, describe(findingId), data, extent);
  const std::vector<uint8_t> blob = detail::deflateBytes(extent);
  Statement st(*c_,
               "UPDATE findings SET bbox = ?2, centroid_voxel = ?3, centroid_mm = ?4, size_voxels = ?5, size_mm = ?6, "
               "max_score = ?7, mean_score = ?8, slice_index = ?9, sop_instance_uid = ?10, "
               "manual_shape = coalesce(?11, manual_shape), extent_shape = ?12, extent_codec = ?13, "
               "extent_raw_size = ?14, extent_data = ?15 WHERE id = ?1");
  st.bind(1, findingId);
  bindRegion(st, data);
  if (manualShape) st.bind(11, std::string(*manualShape));
  else st.bind(11, std::nullopt);
  st.bind(12, boxShapeText(data)).bind(13, detail::kCodecZlib).bind(14, int64_t(extent.size())).bindBlob(15, blob);
  st.run();
  tx.commit();
}

void FindingRepository::clearExtent(int64_t findingId, const FindingData& data) {
  c_->requireWritable("change a finding's extent");
  Transaction tx(*c_);
  const Row row = findingRow(*c_, findingId);
  if (row.manual)
    throw c_->error(ErrorKind::InvalidArgument,
                    "cannot forget the extent of " + describe(findingId) + ": it was drawn by hand, so it is its region");
  if (const std::string p = detail::findingProblem(data, detail::predictionShape(*c_, row.predictionId)); !p.empty())
    throw c_->error(ErrorKind::InvalidArgument, "cannot store the region of " + describe(findingId) + ": " + p);
  Statement st(*c_,
               "UPDATE findings SET bbox = ?2, centroid_voxel = ?3, centroid_mm = ?4, size_voxels = ?5, size_mm = ?6, "
               "max_score = ?7, mean_score = ?8, slice_index = ?9, sop_instance_uid = ?10, extent_shape = NULL, "
               "extent_codec = NULL, extent_raw_size = NULL, extent_data = NULL WHERE id = ?1");
  st.bind(1, findingId);
  bindRegion(st, data);
  st.run();
  tx.commit();
}

std::optional<std::vector<uint8_t>> FindingRepository::extent(int64_t findingId) const {
  Statement st(*c_, "SELECT bbox, extent_shape, extent_codec, extent_raw_size, extent_data FROM findings WHERE id = ?1");
  st.bind(1, findingId);
  if (!st.step()) throw c_->error(ErrorKind::NotFound, "has no finding with id " + std::to_string(findingId));
  if (st.isNull(4)) return std::nullopt;
  const auto corrupt = [&](const std::string& why) {
    return c_->error(ErrorKind::Corrupt, "the extent of " + describe(findingId) + " " + why);
  };
  const auto bbox = detail::parseIntegers(st.text(0), 6);
  if (!bbox || (bbox->size() != 4 && bbox->size() != 6)) throw corrupt("belongs to a malformed box");
  const size_t nd = bbox->size() / 2;
  int64_t voxels = 1;
  std::vector<int64_t> size;
  for (size_t d = 0; d < nd; ++d) {
    const int64_t n = (*bbox)[nd + d] - (*bbox)[d];
    if (n < 1 || n > kMaxArrayElements / voxels) throw corrupt("belongs to an empty or oversized box");
    voxels *= n;
    size.push_back(n);
  }
  if (st.text(1) != detail::formatIntegers(size))
    throw corrupt("has the shape '" + st.text(1) + "', not its box's " + detail::formatIntegers(size));
  const auto blob = st.blob(4);
  if (const std::string p = detail::blobSizeProblem(st.text(2), st.int64(3), voxels, blob.size()); !p.empty())
    throw corrupt(p);
  std::vector<uint8_t> out(static_cast<size_t>(voxels));
  if (const std::string p = detail::inflateExactly(blob, out); !p.empty()) throw corrupt(p);
  if (std::any_of(out.begin(), out.end(), [](uint8_t v) { return v > 1; })) throw corrupt("holds values other than 0/1");
  return out;
}

}  // namespace lightbox::project
