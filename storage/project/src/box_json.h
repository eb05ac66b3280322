#pragma once
// The JSON text of the ground_truth.boxes column: [{"class": "...", "min": [y, x], "max": [y, x]}, ...]
// (docs/project-file.md). Parsing treats the text as untrusted: anything but exactly that form is refused.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lightbox/project/ground_truth.h"

namespace lightbox::project::detail {

/// Why the box cannot be stored, or "" when it can.
std::string boxProblem(const AnnotatedBox& box);

/// Class names that are not valid UTF-8 have their bad bytes replaced, so that the text is always valid JSON.
std::string formatBoxes(const std::vector<AnnotatedBox>& boxes);

/// The boxes, or nullopt (with `why` set) for text that is not exactly the documented form.
std::optional<std::vector<AnnotatedBox>> parseBoxes(std::string_view text, std::string& why);

}  // namespace lightbox::project::detail
