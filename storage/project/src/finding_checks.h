#pragma once
// Checks shared by the code that writes findings (findings.cpp: automatic ones; finding_edits.cpp: drawn regions and
// adjusted extents), so that every finding in a file obeys the same rules (docs/project-file.md, "Findings").

#include <cstdint>
#include <string>

#include "lightbox/core/grid.h"
#include "lightbox/project/findings.h"

namespace lightbox::project::detail {

class Connection;

/// Why the finding cannot be stored on a map of `shape`, or "".
std::string findingProblem(const FindingData& f, const Shape& shape);
/// The shape of a prediction's map. Throws NotFound for an unknown prediction, Corrupt for a malformed shape.
Shape predictionShape(Connection& c, int64_t predictionId);

}  // namespace lightbox::project::detail
