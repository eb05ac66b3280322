#pragma once
// Findings: the connected regions of a prediction above a threshold, and regions the user drew (table findings;
// docs/project-file.md), each listed with its current review. Automatic findings are replaced as a whole when the
// threshold changes; findings the user has worked on are never deleted unless the caller says so.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lightbox/project/reviews.h"

namespace lightbox::project {

namespace detail {
class Connection;
}

/// What replacing findings does with those the user has worked on: an automatic finding whose current review is
/// accepted or rejected or carries a note, or whose extent the user adjusted (and, where a whole prediction is
/// replaced, manual findings too).
enum class ReviewedFindings {
  Refuse,   ///< throw ProjectError(Conflict) and change nothing — the default, so reviews are never lost silently
  Keep,     ///< keep them beside the new findings (they keep the threshold they were found at)
  Discard,  ///< delete them with their review history
};

/// A region as measured. Voxel positions are in the prediction's working grid, array axis order (numpy), so a 2D
/// prediction has two values per position and a 3D one three.
struct FindingData {
  std::vector<int64_t> bboxMin;        ///< first voxel, inclusive
  std::vector<int64_t> bboxMax;        ///< last voxel + 1 (exclusive); bboxMin < bboxMax <= shape on every axis
  std::vector<double> centroidVoxel;   ///< working voxels
  std::array<double, 3> centroidMm{};  ///< patient coordinates (mm) through the working geometry
  int64_t sizeVoxels = 0;              ///< at least 1
  double sizeMm = 0.0;                 ///< area (mm², 2D) or volume (mm³, 3D), >= 0
  std::optional<double> maxScore;
  std::optional<double> meanScore;
  std::optional<int64_t> sliceIndex;  ///< the original slice holding the centroid (3D and multi-file images)
  std::string sopInstanceUid;         ///< that slice's SOP Instance UID, when the image is DICOM
};

struct Finding {
  int64_t id = 0;
  int64_t predictionId = 0;
  int64_t runId = 0;
  std::vector<int> folds;
  int64_t imageId = 0;
  int64_t datasetId = 0;
  std::optional<double> threshold;  ///< the threshold it was found at; nullopt for manual findings
  FindingData data;
  bool manual = false;
  std::string manualShape;  ///< 'box', 'ellipse', 'brush' for manual findings
  bool hasExtent = false;   ///< a mask is stored (drawn, or adjusted by hand: see setExtent)
  std::optional<int64_t> categoryId;
  std::string createdAt;
  CurrentReview review;
};

/// A finding with what a report names beside it (the CSV export, a findings table).
struct ReportedFinding {
  Finding finding;
  std::string datasetName;
  std::string imagePath;  ///< the imported file or series folder
  std::string studyInstanceUid;
  std::string seriesInstanceUid;
  std::string sopInstanceUid;  ///< the finding's slice, else the image's own (single-file images)
  std::string runName;
  std::string category;  ///< category name, empty when none
};

enum class ReviewFilter {
  All,       ///< every finding
  Reviewed,  ///< current state accepted or rejected
  Accepted,  ///< current state accepted
};

/// Selects findings; every member left unset selects all.
struct FindingQuery {
  std::optional<int64_t> runId;
  std::optional<std::vector<int>> folds;  ///< exactly this model (order does not matter)
  std::optional<int64_t> datasetId;
  std::optional<int64_t> imageId;
  std::optional<int64_t> predictionId;
  ReviewFilter reviews = ReviewFilter::All;
};

/// A prediction's findings by kind, so a caller can ask the user before replacing them.
struct FindingCounts {
  int64_t automatic = 0;
  int64_t reviewed = 0;  ///< automatic findings the user worked on (see ReviewedFindings)
  int64_t manual = 0;
};

struct FindingCategory {
  int64_t id = 0;
  std::string name;
  int64_t ordinal = 0;
};

/// How a manual finding was drawn (findings.manual_shape).
inline constexpr const char* kManualShapes[] = {"box", "ellipse", "brush"};
bool isManualShape(std::string_view shape);

class FindingRepository {
 public:
  explicit FindingRepository(detail::Connection& connection) : c_(&connection) {}

  /// Replaces the prediction's automatic findings with `findings`, found at `threshold`, in one transaction.
  /// Unreviewed automatic findings are deleted; reviewed ones are handled as `reviewed` says (Refuse throws
  /// Conflict before anything changes); manual findings are never touched. Returns the new ids in input order.
  /// Throws NotFound for an unknown prediction; InvalidArgument for a non-finite threshold or a finding outside
  /// the prediction's grid, with the wrong number of axes, non-finite numbers or an empty region.
  std::vector<int64_t> replaceAutomatic(int64_t predictionId, double threshold, std::span<const FindingData> findings,
                                        ReviewedFindings reviewed = ReviewedFindings::Refuse);

  std::optional<Finding> get(int64_t findingId) const;
  /// Ordered by image id, then finding id.
  std::vector<Finding> list(const FindingQuery& query) const;
  /// As list(), with the dataset, image, DICOM identity and run beside each finding — read in one statement, so
  /// the report is one consistent snapshot.
  std::vector<ReportedFinding> report(const FindingQuery& query) const;
  /// Throws NotFound for an unknown prediction.
  FindingCounts counts(int64_t predictionId) const;

  // Hand-drawn regions and adjusted extents. An extent is the region's mask inside its box: one byte (0/1) per
  // voxel of bboxMin..bboxMax, C order, stored zlib-compressed (the array blob scheme) with extent_shape = the box's
  // size. Measuring the region (FindingData) is the caller's business; these check that data and mask agree: the
  // box inside the prediction's grid, the mask exactly the box's volume, only 0/1, at least one voxel on a face of
  // the box on every side (the box is the mask's own), and sizeVoxels the number of ones.

  /// Adds a manual finding (no threshold, `shape` one of kManualShapes) to the prediction. Returns its id, which is
  /// `preferredId` when that is free (a redo after an undo gives the finding its old id back, so that later undo
  /// steps naming it still find it). Throws NotFound for an unknown prediction, InvalidArgument for a bad shape,
  /// finding or mask.
  int64_t addManual(int64_t predictionId, std::string_view shape, const FindingData& data,
                    std::span<const uint8_t> extent, std::optional<int64_t> preferredId = std::nullopt);
  /// Deletes a manual finding with its reviews: the undo of addManual. Throws NotFound for an unknown finding and
  /// InvalidArgument for an automatic one (those go only with their prediction or threshold).
  void removeManual(int64_t findingId);
  /// Replaces a finding's region (automatic or manual): its box, centroid, sizes and scores become `data`, its
  /// extent `extent`; `manualShape`, when given, replaces a manual finding's shape. An automatic finding with a
  /// stored extent counts as worked on (ReviewedFindings): replaceAutomatic and PredictionRepository::put treat it
  /// as reviewed and never delete it silently.
  void setExtent(int64_t findingId, const FindingData& data, std::span<const uint8_t> extent,
                 std::optional<std::string_view> manualShape = std::nullopt);
  /// Forgets an automatic finding's stored extent and sets its region back to `data` (the undo of its first
  /// setExtent). Throws InvalidArgument for a manual finding: its extent is the finding.
  void clearExtent(int64_t findingId, const FindingData& data);
  /// The stored extent (bbox volume bytes, C order), nullopt when none is stored (automatic findings never
  /// adjusted: the caller derives it from the map, see the review workflow). Throws NotFound for an unknown
  /// finding, Corrupt for a blob that does not decode to its box.
  std::optional<std::vector<uint8_t>> extent(int64_t findingId) const;

  /// The user-editable categories, by ordinal.
  std::vector<FindingCategory> categories() const;
  /// nullopt clears the category. Throws NotFound for an unknown finding or category.
  void setCategory(int64_t findingId, std::optional<int64_t> categoryId);
  /// Category names are trimmed of surrounding white space, non-empty, at most 200 bytes of UTF-8 and unique
  /// ignoring ASCII case ("Lesion" and "lesion" would look like one); InvalidArgument otherwise, naming the name.
  /// Adds one at the end of the list; returns its id, which is `preferredId` when that is free (so that undoing a
  /// removal gives the category back under its old id).
  int64_t addCategory(std::string_view name, std::optional<int64_t> preferredId = std::nullopt);
  void renameCategory(int64_t categoryId, std::string_view name);
  /// How many findings have the category (ask the user before removing one in use).
  int64_t categoryUse(int64_t categoryId) const;
  /// Removes the category; its findings lose it (ON DELETE SET NULL). Returns the ids of those findings, so that
  /// an undo can give it back. Throws NotFound for an unknown category.
  std::vector<int64_t> removeCategory(int64_t categoryId);
  /// Sets the order: `ids` must hold every category exactly once (InvalidArgument otherwise).
  void reorderCategories(std::span<const int64_t> ids);

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
