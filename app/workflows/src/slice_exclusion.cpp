// Excluding one slice of a volume (slice_exclusion.h); stored beside the simulated-lesion hold-outs
// (held_out_slices.h).
#include "lightbox/workflows/slice_exclusion.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "lightbox/project/project.h"
#include "lightbox/project/transaction.h"
#include "held_out_slices.h"

namespace lightbox::workflows {

namespace {

std::string imageName(int64_t imageId, const project::ImageRecord& image) {
  return "image " + std::to_string(imageId) + " (" + image.meta.sourcePath + ")";
}

bool isSlice(const std::string& kind) { return kind.rfind("slice:", 0) == 0; }

}  // namespace

std::string sliceKind(int64_t k) {
  if (k < 0) throw std::invalid_argument("a slice number is 0 or more, not " + std::to_string(k));
  char kind[32];
  std::snprintf(kind, sizeof kind, "slice:%04lld", static_cast<long long>(k));  // as import_presets.cpp names them
  return kind;
}

bool setSliceExcluded(const std::string& projectPath, int64_t imageId, const std::string& arrayKind, bool excluded,
                      const std::string& reason) {
  if (reason.size() > 4096) throw std::invalid_argument("an exclusion reason is at most 4 KiB");
  if (reason.find('\0') != std::string::npos) throw std::invalid_argument("an exclusion reason cannot hold a NUL");
  project::Project proj = project::Project::open(projectPath);
  const auto image = proj.images().get(imageId);
  if (!image) throw std::invalid_argument("the project has no image " + std::to_string(imageId));
  if (image->status != project::ImportStatus::Imported)
    throw std::invalid_argument(imageName(imageId, *image) + " failed to import; only imported images can be excluded");
  std::vector<std::string> slices = proj.arrays().kinds(imageId);
  std::erase_if(slices, [](const std::string& k) { return !isSlice(k); });
  if (slices.empty())
    throw std::invalid_argument(imageName(imageId, *image) +
                                " has no slices (it is one working array): exclude the whole image instead");
  if (std::find(slices.begin(), slices.end(), arrayKind) == slices.end())
    throw std::invalid_argument(imageName(imageId, *image) + " has no array '" + arrayKind + "': its slices are " +
                                slices.front() + " to " + slices.back() + " (" + std::to_string(slices.size()) + ")");

  project::Transaction tx(proj);
  std::vector<SliceExclusion> list = detail::userExcludedSlices(proj, imageId);
  const auto it = std::find_if(list.begin(), list.end(), [&](const auto& s) { return s.arrayKind == arrayKind; });
  if (excluded) {
    SliceExclusion s{arrayKind, reason, detail::utcNow()};
    if (it != list.end()) *it = std::move(s);
    else list.push_back(std::move(s));
  } else {
    if (it == list.end()) {
      const auto heldOut = detail::heldOutKinds(proj, imageId);
      if (std::find(heldOut.begin(), heldOut.end(), arrayKind) != heldOut.end())
        throw std::invalid_argument(arrayKind + " of " + imageName(imageId, *image) +
                                    " is held out of training as a simulated-lesion test slice, not excluded by a "
                                    "user; it stays held out so that no run trains on its test set");
      return false;  // not excluded: nothing to undo
    }
    list.erase(it);
  }
  detail::setUserExcludedSlices(proj, imageId, list);
  tx.commit();
  return true;
}

std::vector<SliceExclusion> listSliceExclusions(const std::string& projectPath, int64_t imageId) {
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  if (!proj.images().get(imageId)) throw std::invalid_argument("the project has no image " + std::to_string(imageId));
  return detail::userExcludedSlices(proj, imageId);
}

}  // namespace lightbox::workflows
