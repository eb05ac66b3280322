#include "lightbox/project/predictions.h"

#include <limits>

#include "blob_codec.h"
#include "connection.h"
#include "finding_sql.h"
#include "fold_list.h"
#include "lightbox/project/records.h"
#include "lightbox/project/transaction.h"
#include "number_text.h"
#include "prediction_scores.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

// Columns read by readInfo, in order; get() appends the map's blob columns and the array's geometry.
#define LIGHTBOX_PREDICTION_COLUMNS                                                                         \
  "p.id, p.run_id, p.folds, p.image_id, i.dataset_id, p.array_id, p.dtype, p.channels, p.shape, p.scores, " \
  "p.created_at"
#define LIGHTBOX_PREDICTION_FROM " FROM predictions AS p JOIN images AS i ON i.id = p.image_id "

std::string describe(const PredictionKey& key, const std::string& folds) {
  return "run " + std::to_string(key.runId) + ", folds " + folds + ", image " + std::to_string(key.imageId);
}

PredictionInfo readInfo(const detail::Connection& c, const Statement& st) {
  PredictionInfo p;
  p.id = st.int64(0);
  const std::string what = "prediction " + std::to_string(p.id);
  p.runId = st.int64(1);
  p.folds = detail::readFolds(c, st.text(2), what);
  p.imageId = st.int64(3);
  p.datasetId = st.int64(4);
  p.arrayId = st.int64(5);
  if (st.text(6) != "float32")
    throw c.error(ErrorKind::Corrupt, what + " has the unsupported element type '" + st.text(6) + "'");
  const auto shape = detail::parseShape(st.text(8), kMaxArrayElements);
  if (!shape) throw c.error(ErrorKind::Corrupt, what + " has a malformed shape '" + st.text(8) + "'");
  p.shape = *shape;
  const int64_t channels = st.int64(7);
  // As for arrays: 2^31 channels of a 1 x 1 map pass the element limit but wrap to a negative int.
  if (channels < 1 || channels > kMaxArrayElements / shape->count() || channels > std::numeric_limits<int>::max())
    throw c.error(ErrorKind::Corrupt, what + " has an impossible channel count " + std::to_string(channels));
  p.channels = static_cast<int>(channels);
  const auto scores = detail::parseScores(st.text(9));
  if (!scores) throw c.error(ErrorKind::Corrupt, what + " has malformed scores '" + st.text(9) + "'");
  p.scores = *scores;
  p.createdAt = st.text(10);
  return p;
}

std::optional<Prediction> readPrediction(const detail::Connection& c, Statement& st) {
  if (!st.step()) return std::nullopt;
  Prediction out;
  out.info = readInfo(c, st);
  const auto corrupt = [&](const std::string& why) {
    return c.error(ErrorKind::Corrupt, "the map of prediction " + std::to_string(out.info.id) + " " + why);
  };
  const auto geometry = detail::parseGeometry({st.text(14), st.text(15), st.text(16)});
  if (!geometry) throw corrupt("belongs to an array with malformed geometry");
  const int64_t bytes = out.info.channels * out.info.shape.count() * static_cast<int64_t>(sizeof(float));
  const auto blob = st.blob(13);
  // Sizes are checked against the shape and the blob before the map is allocated.
  if (const std::string p = detail::blobSizeProblem(st.text(11), st.int64(12), bytes, blob.size()); !p.empty())
    throw corrupt(p);
  out.map = Image(out.info.channels, out.info.shape);
  out.map.geometry() = *geometry;
  const std::span<uint8_t> target(reinterpret_cast<uint8_t*>(out.map.data()), static_cast<size_t>(bytes));
  if (const std::string p = detail::inflateExactly(blob, target); !p.empty()) throw corrupt(p);
  return out;
}

constexpr const char* kGetSql =
    "SELECT " LIGHTBOX_PREDICTION_COLUMNS
    ", p.codec, p.raw_size, p.data, a.spacing, a.origin, a.direction" LIGHTBOX_PREDICTION_FROM
    "JOIN arrays AS a ON a.id = p.array_id ";

}  // namespace

int64_t PredictionRepository::put(const PredictionKey& key, int64_t arrayId, const Image& map,
                                  const PredictionScores& scores, ReviewedFindings reviewed) {
  c_->requireWritable("store a prediction");
  ArrayData a;
  a.kind = "anomaly map";
  a.image = map;
  try {
    return put(key, arrayId, EncodedArray::encode(a), scores, reviewed);
  } catch (const ProjectError& e) {
    if (!e.file().empty()) throw;
    throw c_->error(e.kind(), e.reason() + " (image " + std::to_string(key.imageId) + ")");
  }
}

int64_t PredictionRepository::put(const PredictionKey& key, int64_t arrayId, const EncodedArray& map,
                                  const PredictionScores& scores, ReviewedFindings reviewed) {
  c_->requireWritable("store a prediction");
  const std::string folds = detail::foldsText(*c_, key.folds);
  const std::string what = "the prediction of " + describe(key, folds);
  if (map.channels_ != 1)
    throw c_->error(ErrorKind::InvalidArgument,
                    what + " has " + std::to_string(map.channels_) + " channels; an anomaly map has one");
  if (const std::string p = detail::scoresProblem(scores, map.shape_); !p.empty())
    throw c_->error(ErrorKind::InvalidArgument, "cannot store " + what + ": " + p);

  Transaction tx(*c_);
  detail::requireRunFolds(*c_, key.runId, key.folds);
  {
    Statement st(*c_, "SELECT 1 FROM images WHERE id = ?1");
    st.bind(1, key.imageId);
    if (!st.step()) throw c_->error(ErrorKind::NotFound, "has no image with id " + std::to_string(key.imageId));
  }
  {
    Statement st(*c_, "SELECT image_id, shape FROM arrays WHERE id = ?1");
    st.bind(1, arrayId);
    if (!st.step()) throw c_->error(ErrorKind::NotFound, "has no array with id " + std::to_string(arrayId));
    if (st.int64(0) != key.imageId)
      throw c_->error(ErrorKind::InvalidArgument, "array " + std::to_string(arrayId) + " belongs to image " +
                                                      std::to_string(st.int64(0)) + ", not to image " +
                                                      std::to_string(key.imageId));
    const std::string arrayShape = st.text(1);
    if (detail::formatShape(map.shape_) != arrayShape)
      throw c_->error(ErrorKind::InvalidArgument, what + " has the shape " + map.shape_.toString() + " but array " +
                                                      std::to_string(arrayId) + " has " + arrayShape);
  }

  std::optional<int64_t> existing;
  std::string oldShape;
  {
    Statement st(*c_, "SELECT id, shape FROM predictions WHERE run_id = ?1 AND folds = ?2 AND image_id = ?3");
    st.bindAll(key.runId, folds, key.imageId);
    if (st.step()) existing = st.int64(0), oldShape = st.text(1);
  }
  if (existing) {
    // The map changes, so its automatic findings are stale; what the user worked on goes only if allowed.
    Statement count(*c_,
                    "SELECT count(*) FROM findings AS f WHERE f.prediction_id = ?1 AND " LIGHTBOX_FINDING_USER_WORK);
    count.bind(1, *existing);
    count.step();
    const int64_t userWork = count.int64(0);
    if (userWork > 0 && reviewed == ReviewedFindings::Refuse)
      throw c_->error(ErrorKind::Conflict, what + " would replace prediction " + std::to_string(*existing) +
                                               ", which has " + std::to_string(userWork) +
                                               " reviewed or hand-drawn findings; keep or discard them explicitly");
    if (userWork > 0 && reviewed == ReviewedFindings::Keep && oldShape != detail::formatShape(map.shape_))
      throw c_->error(ErrorKind::Conflict, what + " has another shape than the map it replaces, so its " +
                                               std::to_string(userWork) +
                                               " reviewed or hand-drawn findings cannot be kept");
    Statement(*c_, reviewed == ReviewedFindings::Discard
                       ? "DELETE FROM findings WHERE prediction_id = ?1"
                       : "DELETE FROM findings AS f WHERE f.prediction_id = ?1 AND NOT " LIGHTBOX_FINDING_USER_WORK)
        .bind(1, *existing)
        .run();
    Statement st(*c_,
                 "UPDATE predictions SET array_id = ?2, dtype = 'float32', channels = 1, shape = ?3, codec = ?4, "
                 "raw_size = ?5, data = ?6, scores = ?7, created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                 "WHERE id = ?1");
    st.bind(1, *existing).bind(2, arrayId).bind(3, detail::formatShape(map.shape_)).bind(4, detail::kCodecZlib);
    st.bind(5, map.rawSize_).bindBlob(6, map.data_).bind(7, detail::formatScores(scores));
    st.run();
    tx.commit();
    return *existing;
  }
  Statement st(*c_,
               "INSERT INTO predictions (run_id, folds, image_id, array_id, dtype, channels, shape, codec, raw_size, "
               "data, scores) VALUES (?1, ?2, ?3, ?4, 'float32', 1, ?5, ?6, ?7, ?8, ?9)");
  st.bind(1, key.runId).bind(2, folds).bind(3, key.imageId).bind(4, arrayId);
  st.bind(5, detail::formatShape(map.shape_)).bind(6, detail::kCodecZlib).bind(7, map.rawSize_);
  st.bindBlob(8, map.data_).bind(9, detail::formatScores(scores));
  st.run();
  const int64_t id = detail::lastInsertId(*c_);
  tx.commit();
  return id;
}

std::optional<Prediction> PredictionRepository::get(int64_t predictionId) const {
  Statement st(*c_, (std::string(kGetSql) + "WHERE p.id = ?1").c_str());
  st.bind(1, predictionId);
  return readPrediction(*c_, st);
}

std::optional<Prediction> PredictionRepository::get(const PredictionKey& key) const {
  Statement st(*c_, (std::string(kGetSql) + "WHERE p.run_id = ?1 AND p.folds = ?2 AND p.image_id = ?3").c_str());
  st.bindAll(key.runId, detail::foldsText(*c_, key.folds), key.imageId);
  return readPrediction(*c_, st);
}

std::optional<PredictionInfo> PredictionRepository::info(int64_t predictionId) const {
  Statement st(*c_, "SELECT " LIGHTBOX_PREDICTION_COLUMNS LIGHTBOX_PREDICTION_FROM "WHERE p.id = ?1");
  st.bind(1, predictionId);
  if (!st.step()) return std::nullopt;
  return readInfo(*c_, st);
}

std::optional<PredictionInfo> PredictionRepository::find(const PredictionKey& key) const {
  Statement st(*c_, "SELECT " LIGHTBOX_PREDICTION_COLUMNS LIGHTBOX_PREDICTION_FROM
                    "WHERE p.run_id = ?1 AND p.folds = ?2 AND p.image_id = ?3");
  st.bindAll(key.runId, detail::foldsText(*c_, key.folds), key.imageId);
  if (!st.step()) return std::nullopt;
  return readInfo(*c_, st);
}

std::vector<PredictionInfo> PredictionRepository::list(int64_t runId, std::optional<std::vector<int>> folds,
                                                       std::optional<int64_t> datasetId) const {
  Statement st(*c_, "SELECT " LIGHTBOX_PREDICTION_COLUMNS LIGHTBOX_PREDICTION_FROM
                    "WHERE p.run_id = ?1 AND (?2 IS NULL OR p.folds = ?2) AND (?3 IS NULL OR i.dataset_id = ?3) "
                    "ORDER BY p.image_id, p.folds");
  st.bind(1, runId);
  if (folds) st.bind(2, detail::foldsText(*c_, *folds));
  else st.bind(2, std::nullopt);
  if (datasetId) st.bind(3, *datasetId);
  else st.bind(3, std::nullopt);
  std::vector<PredictionInfo> out;
  while (st.step()) out.push_back(readInfo(*c_, st));
  return out;
}

int64_t PredictionRepository::removeByRun(int64_t runId, std::optional<std::vector<int>> folds) {
  c_->requireWritable("delete predictions");
  const std::optional<std::string> text = folds ? std::optional(detail::foldsText(*c_, *folds)) : std::nullopt;
  Transaction tx(*c_);
  detail::requireRun(*c_, runId);
  Statement st(*c_, "DELETE FROM predictions WHERE run_id = ?1 AND (?2 IS NULL OR folds = ?2)");
  st.bind(1, runId);
  if (text) st.bind(2, *text);
  else st.bind(2, std::nullopt);
  st.run();
  const int64_t n = detail::changes(*c_);
  tx.commit();
  return n;
}

}  // namespace lightbox::project
