#pragma once
// Which working arrays of a healthy image are held out of training (they became a simulated-lesion test set):
// settings key "training/held_out/<image id>", a JSON list of array kinds. Training leaves them out.

#include <cstdint>
#include <string>
#include <vector>

#include "lightbox/project/project.h"

namespace lightbox::workflows::detail {

std::vector<std::string> heldOutKinds(project::Project& project, int64_t imageId);
void setHeldOutKinds(project::Project& project, int64_t imageId, const std::vector<std::string>& kinds);

}  // namespace lightbox::workflows::detail
