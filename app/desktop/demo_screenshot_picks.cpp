#include "demo_screenshot_picks.h"

#include <algorithm>

namespace lightbox::desktop {

namespace {

bool truthInBox(const Mask& truth, const workflows::ReviewFinding& f) {
  const int nd = truth.ndim();
  if (int(f.bboxMin.size()) != nd || int(f.bboxMax.size()) != nd) return false;
  for (int64_t o = 0; o < truth.shape().count(); ++o) {
    if (!truth[o]) continue;
    const Index i = truth.shape().unravel(o);
    bool inside = true;
    for (int d = 0; d < nd; ++d)
      inside = inside && i[size_t(d)] >= f.bboxMin[size_t(d)] && i[size_t(d)] < f.bboxMax[size_t(d)];
    if (inside) return true;
  }
  return false;
}

}  // namespace

std::optional<FindingOnLesion> topFindingOnLesion(const std::string& projectPath,
                                                  const std::vector<workflows::ReviewImage>& images) {
  for (size_t r = 0; r < images.size(); ++r) {
    if (images[r].findings == 0) continue;
    const auto data = workflows::loadReviewImage(projectPath, images[r].predictionId);
    if (!data.truth) continue;
    for (const auto& f : workflows::listReviewFindings(projectPath, images[r].predictionId))
      if (!f.manual && truthInBox(*data.truth, f)) return FindingOnLesion{images[r].imageId, f.id, int(r) + 1};
  }
  return std::nullopt;
}

std::optional<MissedLesion> missedLesion(const std::string& projectPath,
                                         const std::vector<workflows::ReviewImage>& images) {
  for (const auto& image : images) {
    const auto data = workflows::loadReviewImage(projectPath, image.predictionId);
    if (!data.truth) continue;
    bool found = false;
    for (const auto& f : workflows::listReviewFindings(projectPath, image.predictionId))
      found = found || truthInBox(*data.truth, f);
    if (found) continue;
    const Mask& t = *data.truth;
    const int nd = t.ndim();
    MissedLesion m{image.imageId, {}, {}};
    bool any = false;
    for (int64_t o = 0; o < t.shape().count(); ++o) {
      if (!t[o]) continue;
      const Index i = t.shape().unravel(o);
      for (int d = 0; d < nd; ++d) {
        m.min[size_t(d)] = any ? std::min(m.min[size_t(d)], i[size_t(d)]) : i[size_t(d)];
        m.max[size_t(d)] = any ? std::max(m.max[size_t(d)], i[size_t(d)]) : i[size_t(d)];
      }
      any = true;
    }
    if (any) return m;
  }
  return std::nullopt;
}

}  // namespace lightbox::desktop
