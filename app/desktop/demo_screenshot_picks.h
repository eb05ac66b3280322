#pragma once
// What the demo screenshots show, picked from the project rather than hard-coded: the highest-ranked finding that
// overlaps a (simulated) lesion, and a lesion the model found nothing on (to draw a manual box around). Both read
// the review workflow's plain structs; 2D and 3D working arrays alike.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/workflows/review.h"

namespace lightbox::desktop {

struct FindingOnLesion {
  int64_t imageId = 0, findingId = 0;
  int rank = 0;  ///< of the image in `images`, from 1
};
/// Walks `images` in their order (the ranking) and returns the first finding (by max score) whose box holds a
/// ground-truth voxel; nullopt when none does. Throws what the review workflow throws for an unreadable prediction.
std::optional<FindingOnLesion> topFindingOnLesion(const std::string& projectPath,
                                                  const std::vector<workflows::ReviewImage>& images);

struct MissedLesion {
  int64_t imageId = 0;
  Index min{}, max{};  ///< the ground truth's box on the working grid, inclusive, array axis order
};
/// The highest-ranked image whose ground truth no finding's box touches (manual findings count as found).
std::optional<MissedLesion> missedLesion(const std::string& projectPath,
                                         const std::vector<workflows::ReviewImage>& images);

}  // namespace lightbox::desktop
