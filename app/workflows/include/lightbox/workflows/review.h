#pragma once
// The review workspace's use cases (issue #7): which models predicted which datasets, a model's images ranked by
// score with their review progress, one image's prediction map with its working array, geometry and ground truth
// (for contours), the run's heat-map colour scale, the findings of an image with their current review, recording a
// review (append-only: every accept, reject, note and undo is a new row), the model's threshold and re-finding the
// findings at a new one; annotation: findings drawn by hand, extents redrawn (and restored exactly), the category
// list. Plain structs only: the project file stays behind this header (no SQLite or project types),
// so the desktop's widgets reach it only through lightbox_workflows (DESIGN.md). Every call opens the project, does
// its work and closes it again, so a review is on disk when the call returns.
//
// Coordinates: the review shows the *working array* the model saw (the map's grid), not the original file, so map,
// image, findings and contours share one grid with no resampling. Geometries returned here are LPS+ like
// image_view.h (NIfTI working arrays, stored RAS+ as the file states, are converted); finding positions likewise.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"
#include "lightbox/core/progress.h"
#include "lightbox/workflows/image_view.h"

namespace lightbox::workflows {

/// One model of a run: a single fold, or the ensemble of several (the voxel-wise mean, SPEC §5.1).
struct ReviewModel {
  int64_t runId = 0;
  std::vector<int> folds;  ///< sorted
  bool ensemble() const { return folds.size() > 1; }
  /// Predictions stored per dataset id (datasets without predictions are absent).
  std::vector<std::pair<int64_t, int64_t>> predictionsPerDataset;
  int64_t predictions(int64_t datasetId) const;
};

struct ReviewRun {
  int64_t id = 0;
  std::string name;    ///< may be empty
  std::string status;  ///< queued | running | paused | cancelled | failed | finished
  std::string preset;
  std::vector<int> foldsWithCheckpoint;  ///< folds a prediction can use (a best checkpoint exists)
  /// The ensemble of every fold with a checkpoint first (when there are several), then each such fold, then any
  /// other predicted fold set. Never empty for a run with a checkpoint or a prediction.
  std::vector<ReviewModel> models;
};

struct ReviewDataset {
  int64_t id = 0;
  std::string name;
  std::string role;  ///< healthy | test | blend
  int64_t images = 0;  ///< imported
  int64_t groundTruthMasks = 0, groundTruthBoxLists = 0;
};

struct ReviewCatalogue {
  std::vector<ReviewRun> runs;          ///< newest first
  std::vector<ReviewDataset> datasets;  ///< test datasets first, then the others, by name
  bool canPredict = false;              ///< built with the models (LIGHTBOX_HAS_TRAINING)
};

/// Throws std::runtime_error naming the file when it cannot be read.
ReviewCatalogue loadReviewCatalogue(const std::string& projectPath);

enum class ReviewDecision { Unreviewed, Accepted, Rejected };
const char* toString(ReviewDecision decision);  ///< "unreviewed", "accepted", "rejected"

/// One image of a model's predictions on a dataset, with its review progress.
struct ReviewImage {
  int64_t imageId = 0;
  int64_t predictionId = 0;
  std::string sourcePath;
  std::string format;
  double score = 0;             ///< mean of the clipped map: the paper's image score
  double p75 = 0, top25Mean = 0;
  int64_t findings = 0, accepted = 0, rejected = 0, noted = 0;
  int64_t reviewed() const { return accepted + rejected; }
};

/// The images of (run, folds) on a dataset that have a prediction, by score (highest first; ties by image id).
/// Throws std::invalid_argument for an unknown run or dataset.
std::vector<ReviewImage> listReviewImages(const std::string& projectPath, int64_t runId, const std::vector<int>& folds,
                                          int64_t datasetId);

/// What a reviewer looks at for one prediction.
struct ReviewImageData {
  int64_t imageId = 0;
  int64_t predictionId = 0;
  int64_t runId = 0;
  std::vector<int> folds;
  ViewableImage working;  ///< the working array (source WorkingArray, arrayKind set), LPS+ geometry
  Image map;              ///< one channel, the working grid and geometry (as `working`)
  double score = 0;
  /// Ground truth on the working grid (nearest original voxel through the stored mapping), when the image has a
  /// mask or boxes; `truthKind` "mask" or "boxes", empty when none.
  std::optional<Mask> truth;
  std::string truthKind;
};

/// Throws std::invalid_argument for an unknown prediction, std::runtime_error when its array cannot be read.
ReviewImageData loadReviewImage(const std::string& projectPath, int64_t predictionId);

/// The heat-map colour scale of a run, shared by every image of every dataset the run predicted so that colours
/// compare across images. When none is stored the default is [0, 1], the range of the clipped scores, so that
/// colour = score and the threshold sits at its own value on the legend (docs/method-decisions.md, "Review").
struct ReviewColourScale {
  double min = 0.0, max = 1.0;
  std::string colormap = "inferno";
  bool stored = false;  ///< false: the default
};
ReviewColourScale loadColourScale(const std::string& projectPath, int64_t runId);
/// Throws std::invalid_argument unless min < max (finite) and the colormap name is valid.
void storeColourScale(const std::string& projectPath, int64_t runId, const ReviewColourScale& scale);
/// [0, the 99th percentile of every voxel of the model's maps on the dataset] (at least 0.05), for users who want
/// a weak model's maps stretched; reads every map of the dataset (run it off the GUI thread).
ReviewColourScale suggestColourScale(const std::string& projectPath, int64_t runId, const std::vector<int>& folds,
                                     int64_t datasetId, ProgressSink& progress);

struct ReviewFinding {
  int64_t id = 0;
  int64_t predictionId = 0;
  int64_t imageId = 0;
  int ndim = 2;
  std::vector<int64_t> bboxMin, bboxMax;  ///< working voxels, array axis order; max exclusive
  std::vector<double> centroidVoxel;      ///< working voxels, array axis order
  std::array<double, 3> centroidMm{};     ///< LPS+ mm
  int64_t sizeVoxels = 0;
  double sizeMm = 0;                      ///< mm² (2D) or mm³ (3D)
  std::optional<double> maxScore, meanScore;
  std::optional<double> threshold;        ///< the one it was found at; none for manual findings
  std::optional<int64_t> sliceIndex;      ///< the original slice
  bool manual = false;
  std::string manualShape;                ///< "box", "ellipse", "brush" for manual findings
  bool adjusted = false;                  ///< an automatic finding whose extent the user redrew
  std::optional<int64_t> categoryId;
  std::string category;
  ReviewDecision decision = ReviewDecision::Unreviewed;
  std::string note, reviewer, reviewedAt;
};

/// The findings of a prediction (automatic at its threshold, reviewed ones kept from earlier thresholds, manual),
/// by max score (highest first), each with its current review. Throws std::invalid_argument for an unknown prediction.
std::vector<ReviewFinding> listReviewFindings(const std::string& projectPath, int64_t predictionId);

/// A finding's current review after a change.
struct ReviewState {
  ReviewDecision decision = ReviewDecision::Unreviewed;
  std::string note;
  std::string reviewer;
  std::string reviewedAt;
};

/// Appends a review row (the project's reviews are append-only). Returns the finding's state as stored. Throws
/// std::invalid_argument for an unknown finding or a bad note (NUL, over 64 KiB).
ReviewState recordReview(const std::string& projectPath, int64_t findingId, ReviewDecision decision,
                         const std::string& note, const std::string& reviewer = {});
/// One step of undo in the file itself (appends a row restoring the state before the latest review; a second call
/// redoes). The desktop's undo stack records remembered states with recordReview instead, which allows any depth.
/// nullopt when the finding was never reviewed.
std::optional<ReviewState> undoLatestReview(const std::string& projectPath, int64_t findingId,
                                            const std::string& reviewer = {});
ReviewState currentReview(const std::string& projectPath, int64_t findingId);

struct ReviewCategory {
  int64_t id = 0;
  std::string name;
};
std::vector<ReviewCategory> loadFindingCategories(const std::string& projectPath);
/// nullopt clears it. Throws std::invalid_argument for an unknown finding or category.
void setFindingCategory(const std::string& projectPath, int64_t findingId, std::optional<int64_t> categoryId);

/// The threshold in force for a model: the latest user override, else the latest proposal.
struct ReviewThreshold {
  std::optional<double> value;     ///< none: no threshold yet (predict made maps but no findings)
  std::string source;              ///< "user" | "proposed" | ""
  std::optional<double> proposed;  ///< the latest proposal, also when a user override is in force
};
ReviewThreshold loadThreshold(const std::string& projectPath, int64_t runId, const std::vector<int>& folds);
/// Records a user override (a new row; the proposals stay). Throws std::invalid_argument outside [0, 1].
void storeUserThreshold(const std::string& projectPath, int64_t runId, const std::vector<int>& folds, double value);
/// Back to the proposal. Returns how many overrides were removed.
int64_t clearUserThreshold(const std::string& projectPath, int64_t runId, const std::vector<int>& folds);

struct RefindParams {
  std::string projectPath;
  int64_t runId = 0;
  std::vector<int> folds;
  int64_t datasetId = 0;            ///< 0 = every dataset the model predicted
  double threshold = 0.5;           ///< in [0, 1]
  int64_t minFindingVoxels = 4;     ///< as `predict` (default 4)
  bool storeAsUserThreshold = true; ///< also record it as the model's threshold
};
struct RefindResult {
  int64_t predictions = 0;
  int64_t findings = 0;        ///< new automatic findings
  int64_t keptReviewed = 0;    ///< reviewed findings kept beside them (never deleted)
  bool cancelled = false;
};
/// Finds the findings of every prediction of the model again at a new threshold (eval::findFindings, as predict
/// does): unreviewed automatic findings are replaced, reviewed and manual ones are kept (ReviewedFindings::Keep).
/// One transaction per image. Throws std::invalid_argument for a bad threshold or an unknown run.
RefindResult refindFindings(const RefindParams& params, ProgressSink& progress);

// ---- Annotation: findings the model missed, regions it drew badly, the category list ----------------------------
//
// A drawn region is a mask on the prediction's working grid (the grid the review shows). It is measured like an
// automatic finding (eval::findFindings' rules: centroid = mean voxel index, size = voxels x the voxel's area or
// volume from the geometry, LPS mm; the original slice and its SOP UID through the array's mapping; max and mean of
// the clipped map over the region), so manual and automatic findings compare in the table and the CSV.

/// A region on a prediction's working grid: one byte (0/1) per voxel of min..max (max exclusive), C order over the
/// box, array axis order. A region handed in may be loose (zeros at its border); it is cropped to its voxels.
struct RegionMask {
  std::vector<int64_t> min, max;
  std::vector<uint8_t> values;
  int64_t voxels() const;  ///< the number of ones
  /// 0 outside the box.
  uint8_t at(const Index& voxel) const;
};

enum class ManualShape { Box, Ellipse, Brush };
const char* toString(ManualShape shape);  ///< "box", "ellipse", "brush"

/// Adds the region as a manual finding of the prediction and returns it as listReviewFindings lists it. Throws
/// std::invalid_argument for an unknown prediction or a region that is empty, outside the grid or malformed.
/// `findingId`: the id to use when free (a redo gives the finding its old id back).
ReviewFinding addManualFinding(const std::string& projectPath, int64_t predictionId, ManualShape shape,
                               const RegionMask& region, std::optional<int64_t> findingId = std::nullopt);
/// The undo of addManualFinding (manual findings only; std::invalid_argument otherwise).
void removeManualFinding(const std::string& projectPath, int64_t findingId);

struct FindingExtent {
  RegionMask region;    ///< cropped: min..max is the finding's box
  bool stored = false;  ///< false: an automatic finding never adjusted, whose region is derived from the map
};
/// A finding's region. For an automatic finding without a stored extent: the voxels of its box above the threshold
/// it was found at, face-connected inside the box, the connected part matching its stored size and centroid (see
/// docs/project-file.md). Throws std::invalid_argument for an unknown finding.
FindingExtent loadFindingExtent(const std::string& projectPath, int64_t findingId);

/// Replaces a finding's region by `region`, measured as above; `shape` (manual findings only) replaces how it was
/// drawn. An adjusted automatic finding counts as worked on: re-finding keeps it. Returns the finding as stored.
/// Throws std::invalid_argument for an unknown finding or a bad region.
ReviewFinding setFindingExtent(const std::string& projectPath, int64_t findingId, const RegionMask& region,
                               std::optional<ManualShape> shape = std::nullopt);

/// Everything setFindingExtent changes, remembered so that an undo restores it exactly (the very numbers and the
/// very mask, or no stored mask for an automatic finding never adjusted).
struct FindingRegionState {
  int64_t findingId = 0;
  std::vector<int64_t> bboxMin, bboxMax;
  std::vector<double> centroidVoxel;
  std::array<double, 3> centroidMm{};
  int64_t sizeVoxels = 0;
  double sizeMm = 0;
  std::optional<double> maxScore, meanScore;
  std::optional<int64_t> sliceIndex;
  std::string sopInstanceUid;
  bool manual = false;
  std::string manualShape;
  std::optional<std::vector<uint8_t>> extent;  ///< over bboxMin..bboxMax; none = not stored
};
FindingRegionState saveFindingRegion(const std::string& projectPath, int64_t findingId);
/// Returns the finding as restored.
ReviewFinding restoreFindingRegion(const std::string& projectPath, const FindingRegionState& state);

/// The category list (loadFindingCategories reads it, in order). Names are trimmed, non-empty and unique ignoring
/// case; every call throws std::invalid_argument with the reason otherwise, or for an unknown id.
/// `categoryId`: the id to use when free (a redo gives the category its old id back).
int64_t addFindingCategory(const std::string& projectPath, const std::string& name,
                           std::optional<int64_t> categoryId = std::nullopt);
void renameFindingCategory(const std::string& projectPath, int64_t categoryId, const std::string& name);
/// How many findings have the category: ask the user before removing one in use.
int64_t findingCategoryUse(const std::string& projectPath, int64_t categoryId);
/// Removes it; its findings keep nothing in its place. Returns those findings' ids (for undo).
std::vector<int64_t> removeFindingCategory(const std::string& projectPath, int64_t categoryId);
/// `ids` holds every category once, in the new order.
void reorderFindingCategories(const std::string& projectPath, const std::vector<int64_t>& ids);
/// The undo of removeFindingCategory, in one transaction: the category again under its old id (when free), at
/// `position` of the list, given back to those of `findingIds` that still exist. Returns its id.
int64_t restoreFindingCategory(const std::string& projectPath, int64_t categoryId, const std::string& name,
                               size_t position, const std::vector<int64_t>& findingIds);

/// Test and demo data: writes a new project (refuses to overwrite) with a healthy dataset, a test dataset
/// "review-demo" of `images2d` 2D phantom images (96 x 96, spacing 0.8 mm) and, when `volume3d`, one 3D phantom
/// volume (24 x 64 x 64), each with a ground-truth mask, a finished run "demo" with two folds, their ensemble's
/// predictions (smooth blobs at the lesions plus a false positive, so every image has findings), a proposed
/// threshold of 0.5 and the findings at it. Returns the run id. Not a model's output: maps are made up.
int64_t writeSyntheticReviewProject(const std::string& projectPath, int images2d = 4, bool volume3d = true);

}  // namespace lightbox::workflows
