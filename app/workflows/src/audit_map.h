#pragma once
// The audit's map of one working array, predicted again (maps are not stored): the mean of the clipped maps of the
// given folds, on the array's grid. A build without the models has none and says so in `note`.

#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/image.h"
#include "lightbox/project/project.h"

namespace lightbox::workflows::detail {

std::optional<Image> auditMap(project::Project& project, int64_t runId, const std::vector<int>& folds,
                              const Image& array, const std::string& device, std::string& note);

}  // namespace lightbox::workflows::detail
