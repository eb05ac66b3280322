#pragma once
// Working arrays of a healthy image that later training runs leave out, kept under two keys so that neither undoes
// the other (docs/project-file.md, "Settings keys"):
// - held out as a simulated-lesion test set: "training/held_out/<image id>", a JSON list of array kinds;
// - excluded by a user after the healthy-set audit: "training/excluded_slices/<image id>", a JSON object
//   {kind: {"reason", "excluded_at"}} (slice_exclusion.h).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lightbox/project/project.h"
#include "lightbox/workflows/slice_exclusion.h"

namespace lightbox::workflows::detail {

std::vector<std::string> heldOutKinds(project::Project& project, int64_t imageId);
void setHeldOutKinds(project::Project& project, int64_t imageId, const std::vector<std::string>& kinds);

/// By kind. Throws std::runtime_error naming the key when the stored value is not such an object.
std::vector<SliceExclusion> userExcludedSlices(project::Project& project, int64_t imageId);
/// An empty list removes the key.
void setUserExcludedSlices(project::Project& project, int64_t imageId, const std::vector<SliceExclusion>& slices);

/// How many slices a user excluded, per image id (one read of the settings, for listing every image).
std::map<int64_t, int64_t> userExcludedSliceCounts(project::Project& project);

/// The kinds that later runs leave out: held out as simulated lesions, and excluded by a user.
std::vector<std::string> kindsLeftOutOfTraining(project::Project& project, int64_t imageId);

/// Removes both keys of a removed image, so that an image given its id later does not inherit them.
void forgetLeftOutSlices(project::Project& project, int64_t imageId);

/// UTC now, ISO 8601 to the second ("2026-12-01T11:56:13Z").
std::string utcNow();

}  // namespace lightbox::workflows::detail
