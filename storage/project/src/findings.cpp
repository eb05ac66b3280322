#include "lightbox/project/findings.h"

#include <cmath>

#include "connection.h"
#include "finding_checks.h"
#include "finding_sql.h"
#include "fold_list.h"
#include "lightbox/project/encoded_array.h"
#include "lightbox/project/transaction.h"
#include "number_text.h"
#include "statement.h"
#include "text_checks.h"

namespace lightbox::project {

using detail::Statement;

namespace {

// Columns read by readFinding, in order; report() appends the context columns after them.
#define LIGHTBOX_FINDING_COLUMNS                                                                                \
  "f.id, f.prediction_id, p.run_id, p.folds, p.image_id, i.dataset_id, f.threshold, f.bbox, f.centroid_voxel, " \
  "f.centroid_mm, f.size_voxels, f.size_mm, f.max_score, f.mean_score, f.slice_index, f.sop_instance_uid, "     \
  "f.is_manual, f.manual_shape, f.category_id, f.created_at, r.state, r.note, r.reviewer, r.reviewed_at, r.review_id, " \
  "f.extent_data IS NOT NULL"
constexpr int kContextColumn = 26;

#define LIGHTBOX_FINDING_FROM                                            \
  " FROM findings AS f JOIN predictions AS p ON p.id = f.prediction_id " \
  "JOIN images AS i ON i.id = p.image_id JOIN current_reviews AS r ON r.finding_id = f.id "

// Every filter is a bound value, NULL meaning "any": one constant statement serves every query.
#define LIGHTBOX_FINDING_WHERE                                                                                  \
  "WHERE (?1 IS NULL OR p.run_id = ?1) AND (?2 IS NULL OR p.folds = ?2) AND (?3 IS NULL OR i.dataset_id = ?3) " \
  "AND (?4 IS NULL OR p.image_id = ?4) AND (?5 IS NULL OR f.prediction_id = ?5) "                               \
  "AND (?6 = 0 OR (?6 = 1 AND r.state <> 'unreviewed') OR (?6 = 2 AND r.state = 'accepted')) "

// Sizes a finding's text can reasonably have: a DICOM UID is at most 64 characters.
constexpr size_t kMaxUidBytes = 64;

std::optional<int64_t> optionalInt(const Statement& st, int column) {
  if (st.isNull(column)) return std::nullopt;
  return st.int64(column);
}

std::optional<double> optionalReal(const Statement& st, int column) {
  if (st.isNull(column)) return std::nullopt;
  return st.real(column);
}

Finding readFinding(const detail::Connection& c, const Statement& st) {
  Finding f;
  f.id = st.int64(0);
  const std::string what = "finding " + std::to_string(f.id);
  const auto corrupt = [&](const std::string& column, const std::string& text) {
    return c.error(ErrorKind::Corrupt, what + " has the malformed " + column + " '" + text + "'");
  };
  f.predictionId = st.int64(1);
  f.runId = st.int64(2);
  f.folds = detail::readFolds(c, st.text(3), what);
  f.imageId = st.int64(4);
  f.datasetId = st.int64(5);
  f.threshold = optionalReal(st, 6);
  const auto bbox = detail::parseIntegers(st.text(7), 6);
  if (!bbox || (bbox->size() != 4 && bbox->size() != 6)) throw corrupt("bbox", st.text(7));
  const size_t ndim = bbox->size() / 2;
  f.data.bboxMin.assign(bbox->begin(), bbox->begin() + static_cast<std::ptrdiff_t>(ndim));
  f.data.bboxMax.assign(bbox->begin() + static_cast<std::ptrdiff_t>(ndim), bbox->end());
  f.data.centroidVoxel.resize(ndim);
  if (!detail::parseNumbers(st.text(8), f.data.centroidVoxel)) throw corrupt("centroid_voxel", st.text(8));
  if (!detail::parseNumbers(st.text(9), f.data.centroidMm)) throw corrupt("centroid_mm", st.text(9));
  f.data.sizeVoxels = st.int64(10);
  f.data.sizeMm = st.real(11);
  f.data.maxScore = optionalReal(st, 12);
  f.data.meanScore = optionalReal(st, 13);
  f.data.sliceIndex = optionalInt(st, 14);
  f.data.sopInstanceUid = st.text(15);
  f.manual = st.int64(16) != 0;
  f.manualShape = st.text(17);
  f.categoryId = optionalInt(st, 18);
  f.createdAt = st.text(19);
  const auto state = parseReviewState(st.text(20));
  if (!state) throw corrupt("review state", st.text(20));
  f.review.state = *state;
  f.review.note = st.text(21);
  f.review.reviewer = st.text(22);
  f.review.reviewedAt = st.text(23);
  f.review.reviewId = optionalInt(st, 24);
  f.hasExtent = st.int64(25) != 0;
  return f;
}

void bindQuery(const detail::Connection& c, Statement& st, const FindingQuery& q) {
  const auto bindId = [&](int index, const std::optional<int64_t>& v) {
    if (v) st.bind(index, *v);
    else st.bind(index, std::nullopt);
  };
  bindId(1, q.runId);
  if (q.folds) st.bind(2, detail::foldsText(c, *q.folds));
  else st.bind(2, std::nullopt);
  bindId(3, q.datasetId);
  bindId(4, q.imageId);
  bindId(5, q.predictionId);
  st.bind(6, static_cast<int>(q.reviews));
}

}  // namespace

namespace detail {

std::string findingProblem(const FindingData& f, const Shape& shape) {
  const size_t ndim = static_cast<size_t>(shape.ndim);
  if (f.bboxMin.size() != ndim || f.bboxMax.size() != ndim || f.centroidVoxel.size() != ndim)
    return "its box and centroid need " + std::to_string(ndim) + " values each, one per axis of the map";
  int64_t boxVoxels = 1;
  for (size_t d = 0; d < ndim; ++d) {
    if (f.bboxMin[d] < 0 || f.bboxMin[d] >= f.bboxMax[d] || f.bboxMax[d] > shape[static_cast<int>(d)])
      return "its box " + detail::formatIntegers(f.bboxMin) + "-" + detail::formatIntegers(f.bboxMax) +
             " is empty or outside the map's shape " + shape.toString();
    boxVoxels *= f.bboxMax[d] - f.bboxMin[d];
    if (!std::isfinite(f.centroidVoxel[d])) return "its centroid is not finite";
  }
  for (const double v : f.centroidMm)
    if (!std::isfinite(v)) return "its centroid in mm is not finite";
  if (f.sizeVoxels < 1 || f.sizeVoxels > boxVoxels)
    return "its size of " + std::to_string(f.sizeVoxels) + " voxels does not fit its box";
  if (!std::isfinite(f.sizeMm) || f.sizeMm < 0) return "its size in mm is not a finite, non-negative number";
  for (const auto& s : {f.maxScore, f.meanScore})
    if (s && !std::isfinite(*s)) return "its scores are not finite";
  if (f.sliceIndex && *f.sliceIndex < 0) return "its slice index is negative";
  if (const std::string p = detail::textProblem(f.sopInstanceUid, "its SOP Instance UID", kMaxUidBytes); !p.empty())
    return p;
  return {};
}

Shape predictionShape(Connection& c, int64_t predictionId) {
  Statement st(c, "SELECT shape FROM predictions WHERE id = ?1");
  st.bind(1, predictionId);
  if (!st.step()) throw c.error(ErrorKind::NotFound, "has no prediction with id " + std::to_string(predictionId));
  const auto s = parseShape(st.text(0), kMaxArrayElements);
  if (!s)
    throw c.error(ErrorKind::Corrupt,
                  "prediction " + std::to_string(predictionId) + " has a malformed shape '" + st.text(0) + "'");
  return *s;
}

}  // namespace detail

std::vector<int64_t> FindingRepository::replaceAutomatic(int64_t predictionId, double threshold,
                                                         std::span<const FindingData> findings,
                                                         ReviewedFindings reviewed) {
  c_->requireWritable("store findings");
  const std::string what = "prediction " + std::to_string(predictionId);
  if (!std::isfinite(threshold))
    throw c_->error(ErrorKind::InvalidArgument, "the threshold of the findings of " + what + " is not finite");
  Transaction tx(*c_);
  const Shape shape = detail::predictionShape(*c_, predictionId);
  for (size_t k = 0; k < findings.size(); ++k)
    if (const std::string p = detail::findingProblem(findings[k], shape); !p.empty())
      throw c_->error(ErrorKind::InvalidArgument, "cannot store finding " + std::to_string(k + 1) + " of " +
                                                      std::to_string(findings.size()) + " of " + what + ": " + p);

  Statement count(*c_,
                  "SELECT count(*) FROM findings AS f WHERE f.prediction_id = ?1 AND f.is_manual = 0 "
                  "AND " LIGHTBOX_FINDING_REVIEWED);
  count.bind(1, predictionId);
  count.step();
  const int64_t reviewedCount = count.int64(0);
  count.reset();
  if (reviewedCount > 0 && reviewed == ReviewedFindings::Refuse)
    throw c_->error(ErrorKind::Conflict, what + " has " + std::to_string(reviewedCount) +
                                             " reviewed or hand-adjusted findings that new findings would replace; "
                                             "keep or discard them explicitly");
  Statement(*c_, reviewed == ReviewedFindings::Discard
                     ? "DELETE FROM findings AS f WHERE f.prediction_id = ?1 AND f.is_manual = 0"
                     : "DELETE FROM findings AS f WHERE f.prediction_id = ?1 AND f.is_manual = 0 AND "
                       "NOT " LIGHTBOX_FINDING_REVIEWED)
      .bind(1, predictionId)
      .run();

  Statement ins(*c_,
                "INSERT INTO findings (prediction_id, threshold, bbox, centroid_voxel, centroid_mm, size_voxels, "
                "size_mm, max_score, mean_score, slice_index, sop_instance_uid) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  std::vector<int64_t> ids;
  ids.reserve(findings.size());
  for (const FindingData& f : findings) {
    std::vector<int64_t> bbox = f.bboxMin;
    bbox.insert(bbox.end(), f.bboxMax.begin(), f.bboxMax.end());
    ins.reset();
    ins.bind(1, predictionId).bind(2, threshold).bind(3, detail::formatIntegers(bbox));
    ins.bind(4, detail::formatNumbers(f.centroidVoxel)).bind(5, detail::formatNumbers(f.centroidMm));
    ins.bind(6, f.sizeVoxels).bind(7, f.sizeMm);
    if (f.maxScore) ins.bind(8, *f.maxScore);
    else ins.bind(8, std::nullopt);
    if (f.meanScore) ins.bind(9, *f.meanScore);
    else ins.bind(9, std::nullopt);
    if (f.sliceIndex) ins.bind(10, *f.sliceIndex);
    else ins.bind(10, std::nullopt);
    ins.bindOrNull(11, f.sopInstanceUid);
    ins.run();
    ids.push_back(detail::lastInsertId(*c_));
  }
  tx.commit();
  return ids;
}

std::optional<Finding> FindingRepository::get(int64_t findingId) const {
  Statement st(*c_, "SELECT " LIGHTBOX_FINDING_COLUMNS LIGHTBOX_FINDING_FROM "WHERE f.id = ?1");
  st.bind(1, findingId);
  if (!st.step()) return std::nullopt;
  return readFinding(*c_, st);
}

std::vector<Finding> FindingRepository::list(const FindingQuery& query) const {
  Statement st(
      *c_, "SELECT " LIGHTBOX_FINDING_COLUMNS LIGHTBOX_FINDING_FROM LIGHTBOX_FINDING_WHERE "ORDER BY p.image_id, f.id");
  bindQuery(*c_, st, query);
  std::vector<Finding> out;
  while (st.step()) out.push_back(readFinding(*c_, st));
  return out;
}

std::vector<ReportedFinding> FindingRepository::report(const FindingQuery& query) const {
  Statement st(*c_, "SELECT " LIGHTBOX_FINDING_COLUMNS
                    ", d.name, i.source_path, i.study_instance_uid, i.series_instance_uid, "
                    "coalesce(f.sop_instance_uid, i.sop_instance_uid), t.name, c.name" LIGHTBOX_FINDING_FROM
                    "JOIN datasets AS d ON d.id = i.dataset_id JOIN training_runs AS t ON t.id = p.run_id "
                    "LEFT JOIN finding_categories AS c ON c.id = f.category_id " LIGHTBOX_FINDING_WHERE
                    "ORDER BY d.name, p.image_id, f.id");
  bindQuery(*c_, st, query);
  std::vector<ReportedFinding> out;
  while (st.step()) {
    ReportedFinding r;
    r.finding = readFinding(*c_, st);
    int col = kContextColumn;
    for (std::string* s : {&r.datasetName, &r.imagePath, &r.studyInstanceUid, &r.seriesInstanceUid, &r.sopInstanceUid,
                           &r.runName, &r.category})
      *s = st.text(col++);
    out.push_back(std::move(r));
  }
  return out;
}

FindingCounts FindingRepository::counts(int64_t predictionId) const {
  {
    Statement st(*c_, "SELECT 1 FROM predictions WHERE id = ?1");
    st.bind(1, predictionId);
    if (!st.step()) throw c_->error(ErrorKind::NotFound, "has no prediction with id " + std::to_string(predictionId));
  }
  Statement st(*c_,
               "SELECT count(*) FILTER (WHERE f.is_manual = 0), "
               "count(*) FILTER (WHERE f.is_manual = 0 AND " LIGHTBOX_FINDING_REVIEWED
               "), "
               "count(*) FILTER (WHERE f.is_manual = 1) FROM findings AS f WHERE f.prediction_id = ?1");
  st.bind(1, predictionId);
  st.step();
  return {st.int64(0), st.int64(1), st.int64(2)};
}

std::vector<FindingCategory> FindingRepository::categories() const {
  Statement st(*c_, "SELECT id, name, ordinal FROM finding_categories ORDER BY ordinal, name");
  std::vector<FindingCategory> out;
  while (st.step()) out.push_back({st.int64(0), st.text(1), st.int64(2)});
  return out;
}

void FindingRepository::setCategory(int64_t findingId, std::optional<int64_t> categoryId) {
  c_->requireWritable("set a finding's category");
  Transaction tx(*c_);
  {
    Statement st(*c_, "SELECT 1 FROM findings WHERE id = ?1");
    st.bind(1, findingId);
    if (!st.step()) throw c_->error(ErrorKind::NotFound, "has no finding with id " + std::to_string(findingId));
  }
  if (categoryId) {
    Statement st(*c_, "SELECT 1 FROM finding_categories WHERE id = ?1");
    st.bind(1, *categoryId);
    if (!st.step())
      throw c_->error(ErrorKind::NotFound, "has no finding category with id " + std::to_string(*categoryId));
  }
  Statement st(*c_, "UPDATE findings SET category_id = ?2 WHERE id = ?1");
  st.bind(1, findingId);
  if (categoryId) st.bind(2, *categoryId);
  else st.bind(2, std::nullopt);
  st.run();
  tx.commit();
}

}  // namespace lightbox::project
