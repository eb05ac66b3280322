#pragma once
// Findings: the connected regions of a prediction above a threshold, and regions the user drew (table findings;
// docs/project-file.md), each listed with its current review. Automatic findings are replaced as a whole when the
// threshold changes; findings the user has worked on are never deleted unless the caller says so.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lightbox/project/reviews.h"

namespace lightbox::project {

namespace detail {
class Connection;
}

/// What replacing findings does with those the user has worked on: an automatic finding whose current review is
/// accepted or rejected or carries a note (and, where a whole prediction is replaced, manual findings too).
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

  /// The user-editable categories, by ordinal.
  std::vector<FindingCategory> categories() const;
  /// nullopt clears the category. Throws NotFound for an unknown finding or category.
  void setCategory(int64_t findingId, std::optional<int64_t> categoryId);

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
