#pragma once
// Excluding one slice of a volume (issue #7): with the brain-slices-2d preset one imported volume becomes many 2D
// working arrays, and the healthy-set audit ranks those slices; excluding the whole image for one bad slice would
// take every slice of the volume (for the demo, all of its training data) out of later runs. A slice exclusion
// leaves just that working array out of later training runs and of a threshold proposal's healthy images, and the
// audit shows it kept and marked, with its reason and time. It is stored apart from the slices held out as a
// simulated-lesion test set (settings key "training/excluded_slices/<image id>", docs/project-file.md), so that
// including it again never touches those. Whole-image exclusion (audit.h setImageExcluded) is unchanged.

#include <cstdint>
#include <string>
#include <vector>

namespace lightbox::workflows {

struct SliceExclusion {
  std::string arrayKind;   ///< "slice:NNNN"
  std::string reason;      ///< may be empty
  std::string excludedAt;  ///< UTC, ISO 8601
};

/// The array kind of slice `k` of a volume, as import stores it ("slice:0061").
std::string sliceKind(int64_t k);

/// Marks one slice of an imported image excluded (with a reason; excluding it again replaces reason and time) or
/// included again (a no-op when it was not excluded). Returns whether the project changed. Throws std::invalid_argument naming the image for an unknown
/// image, one that failed to import, one without slices (exclude the whole image instead), a kind that is not one of
/// its slices (naming the slices it has), a reason over 4 KiB or with a NUL, and when including a slice that is held
/// out as a simulated lesion rather than excluded by a user.
bool setSliceExcluded(const std::string& projectPath, int64_t imageId, const std::string& arrayKind, bool excluded,
                      const std::string& reason = {});

/// The image's excluded slices, by kind. Throws std::invalid_argument for an unknown image.
std::vector<SliceExclusion> listSliceExclusions(const std::string& projectPath, int64_t imageId);

}  // namespace lightbox::workflows
