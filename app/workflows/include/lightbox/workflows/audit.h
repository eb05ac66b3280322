#pragma once
// The healthy-set audit (issue #7): a run's fold models on the healthy images each fold never trained on (its
// validation partition, SPEC §3.3), ranked by score, so that a user can look at the highest-scoring "healthy" images
// and exclude those that are not healthy after all. Excluded images stay in the project, marked with a reason, and
// later training runs leave them out; so do single slices of a volume (slice_exclusion.h), which the audit marks on
// their own rows.
//
// Scores: each array (a "preprocessed" image, or one slice of a brain-slices-2d volume) is scored on the map of every
// audited fold that held it out. With several such folds the map is their voxel-wise mean (as an ensemble), so the
// image score -- the paper's mean of the clipped map -- is exactly the mean of the folds' own scores; p75 and the
// top-quarter mean are of that mean map, and so is the count of voxels above the model's threshold in force
// (review.h loadThreshold for the audited folds), at the model's working size.
//
// The last audit of each run is stored in the project (settings key "audit/run/<run id>", JSON; docs/
// project-file.md), so reopening the project shows it without predicting again; loading it says when it is older
// than the run's checkpoints or the dataset has changed since. Plain structs, torch-free: auditing itself needs the
// models build (auditAvailable()); listing a stored audit and excluding images do not.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/image.h"
#include "lightbox/core/progress.h"
#include "lightbox/workflows/image_view.h"

namespace lightbox::workflows {

struct AuditParams {
  std::string projectPath;
  int64_t runId = 0;
  std::vector<int> folds;       ///< empty = every fold with a best checkpoint
  std::string device = "auto";  ///< auto | cpu | cuda
  int threads = 0;
};

/// One working array of the run's healthy dataset.
struct AuditImage {
  int64_t imageId = 0;
  std::string sourcePath;
  std::string arrayKind;          ///< "preprocessed" or "slice:NNNN"
  bool audited = false;           ///< false: no audited fold held it out (see `reason`)
  std::string reason;             ///< why it was not audited
  std::vector<int> heldOutBy;     ///< the audited folds that never trained on it
  double score = 0;               ///< mean of the clipped (mean) map
  double p75 = 0, top25Mean = 0;
  std::optional<int64_t> voxelsAboveThreshold;  ///< none: the model has no threshold yet
  int64_t voxels = 0;             ///< voxels of the map (working size)
  bool excluded = false;          ///< as the project says now (not as stored): the whole image, or this slice alone
  std::string excludedReason;     ///< the whole image's reason when it is excluded, else the slice's
  bool imageExcluded = false;     ///< the whole image is excluded (setImageExcluded)
  bool sliceExcluded = false;     ///< this slice alone is excluded (slice_exclusion.h), whatever the image's state
  std::string excludedAt;         ///< when this slice was excluded (UTC, ISO 8601); empty for a whole image
};

struct HealthyAudit {
  int64_t runId = 0;
  std::vector<int> folds;             ///< the audited folds
  std::string dataset;                ///< the run's healthy dataset
  std::string createdAt;              ///< UTC, ISO 8601
  std::string device;
  std::optional<double> threshold;    ///< the threshold voxels were counted at
  std::string thresholdSource;        ///< "user" | "proposed" | ""
  bool imageListRecorded = true;      ///< false: the run predates recorded image lists; partition recomputed
  /// Audited arrays, highest score first (ties by image id, then array kind), then those not audited.
  std::vector<AuditImage> images;
  /// Filled when loading: why the stored audit no longer describes the run or dataset (empty = current).
  std::vector<std::string> staleReasons;
  bool stale() const { return !staleReasons.empty(); }
  std::vector<std::string> warnings;
  bool cancelled = false;             ///< cancelled audits are neither complete nor stored
  int64_t audited() const;
  int64_t excluded() const;
};

/// Whether this build can audit (built with the models, LIGHTBOX_HAS_TRAINING).
bool auditAvailable();

/// Predicts and stores the audit (replacing the run's previous one). Throws std::invalid_argument for an unknown run,
/// fold, or a fold without a best checkpoint, and, in a build without the models, saying that auditing needs them.
HealthyAudit runHealthyAudit(const AuditParams& params, ProgressSink& progress);

/// The run's stored audit with each image's exclusion as it is now and the reasons it is stale, if it is; nullopt
/// when the run was never audited. Throws std::invalid_argument for an unknown run, std::runtime_error naming the
/// key when the stored audit cannot be read.
std::optional<HealthyAudit> loadHealthyAudit(const std::string& projectPath, int64_t runId);

/// What the audit panel shows for one row: the working array the model saw (LPS+ geometry, as review.h) and, in a
/// build with the models, the mean clipped map of the folds that held it out, on the array's grid. Maps are not
/// stored: each is predicted again (one image, a fraction of a second for cpu-quick-2d; run it off the GUI thread).
struct AuditImageView {
  ViewableImage working;
  std::optional<Image> map;
  std::string mapNote;  ///< why there is no map (not audited, no models build)
};
/// Throws std::invalid_argument for an unknown run or image, std::runtime_error when its array cannot be read.
AuditImageView loadAuditImage(const std::string& projectPath, int64_t runId, const AuditImage& row,
                              const std::string& device = "cpu");

/// Marks an image excluded (with a reason; may be empty) or included again. Later training runs leave excluded
/// images out; runs already trained keep their partition. Throws std::invalid_argument for an unknown image or a
/// reason over 4 KiB or with a NUL.
void setImageExcluded(const std::string& projectPath, int64_t imageId, bool excluded, const std::string& reason = {});

}  // namespace lightbox::workflows
