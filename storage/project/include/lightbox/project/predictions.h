#pragma once
// Anomaly maps of a model on test images (table predictions; docs/project-file.md). A prediction belongs to a
// model — a run and a set of its folds, one fold or the ensemble of several — and an image, and lives in the working
// space of the array it was computed from: its shape is that array's, its geometry is that array's, and the array's
// `mapping` leads back to the original grid. Maps are stored with the array blob scheme (zlib float32) and decoded
// only by get(); list() reads metadata and scores alone, so a dataset's worth of predictions lists quickly.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"
#include "lightbox/project/encoded_array.h"
#include "lightbox/project/findings.h"

namespace lightbox::project {

namespace detail {
class Connection;
}

/// The three aggregates of a map (or of one slice of it) that evaluation computes (core/eval/image_scores.h).
struct MapScores {
  double mean = 0.0;       ///< mean of the clipped map (the paper's image score)
  double p75 = 0.0;        ///< 75th percentile
  double top25Mean = 0.0;  ///< mean of the highest-scoring quarter of the voxels
};

/// Image-level scores, stored as JSON: {"mean", "p75", "top25_mean", "per_slice": {"mean": [...], "p75": [...],
/// "top25_mean": [...]}} (per_slice absent for 2D). All finite.
struct PredictionScores {
  MapScores image;
  std::vector<MapScores> perSlice;  ///< 3D: one per slice along array axis 0 (none, or shape[0]); 2D: none
};

/// Which model looked at which image. `folds` are the folds averaged: one for a single model, several for an
/// ensemble; the order does not matter ({3, 0} and {0, 3} are the same model, stored as "[0,3]"), and every fold
/// must exist in the run.
struct PredictionKey {
  int64_t runId = 0;
  std::vector<int> folds;
  int64_t imageId = 0;
};

/// A stored prediction without its map.
struct PredictionInfo {
  int64_t id = 0;
  int64_t runId = 0;
  std::vector<int> folds;  ///< sorted
  int64_t imageId = 0;
  int64_t datasetId = 0;  ///< the image's dataset
  int64_t arrayId = 0;    ///< the working array it was computed from
  int channels = 1;
  Shape shape;
  PredictionScores scores;
  std::string createdAt;
};

struct Prediction {
  PredictionInfo info;
  Image map;  ///< one channel; geometry = the array's working geometry
};

class PredictionRepository {
 public:
  explicit PredictionRepository(detail::Connection& connection) : c_(&connection) {}

  /// Stores the map of `key` computed from the working array `arrayId` (which must belong to key.imageId, and whose
  /// shape the map must have; the map's own geometry is ignored: it is the array's). Encode the map with
  /// EncodedArray::encode in a worker thread (kind is ignored), so that the writer only inserts.
  ///
  /// A prediction with the same key is replaced in place (its id stays). Its automatic findings came from the old
  /// map, so they go; findings the user has worked on (reviewed, noted or drawn by hand: FindingRepository::counts)
  /// are handled as `reviewed` says — Refuse (the default) throws ProjectError(Conflict) and changes nothing, Keep
  /// keeps them (only if the new map has the old shape, else Conflict), Discard deletes them with their reviews.
  /// Throws NotFound for an unknown run, fold, image or array; InvalidArgument for a map of another shape or with
  /// more than one channel, non-finite scores, or per-slice scores of the wrong length.
  int64_t put(const PredictionKey& key, int64_t arrayId, const EncodedArray& map, const PredictionScores& scores,
              ReviewedFindings reviewed = ReviewedFindings::Refuse);
  /// Encodes, then stores.
  int64_t put(const PredictionKey& key, int64_t arrayId, const Image& map, const PredictionScores& scores,
              ReviewedFindings reviewed = ReviewedFindings::Refuse);

  /// The map decoded (bit for bit as stored), or nullopt. Throws Corrupt for a row whose sizes or blob disagree.
  std::optional<Prediction> get(int64_t predictionId) const;
  std::optional<Prediction> get(const PredictionKey& key) const;
  /// Metadata and scores without decoding the map.
  std::optional<PredictionInfo> info(int64_t predictionId) const;
  std::optional<PredictionInfo> find(const PredictionKey& key) const;
  /// The predictions of a run, by image id; only those of exactly `folds` when given, of one dataset when given.
  std::vector<PredictionInfo> list(int64_t runId, std::optional<std::vector<int>> folds = std::nullopt,
                                   std::optional<int64_t> datasetId = std::nullopt) const;

  /// Deletes a run's predictions (of exactly `folds` when given) with their findings and reviews: an explicit
  /// request, so reviewed findings go too (ask the user first; FindingRepository::counts tells what would be lost).
  /// Returns how many predictions were deleted. Throws NotFound for an unknown run.
  int64_t removeByRun(int64_t runId, std::optional<std::vector<int>> folds = std::nullopt);

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
