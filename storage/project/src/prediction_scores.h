#pragma once
// The JSON text of predictions.scores: {"mean": m, "p75": p, "top25_mean": t, "per_slice": [...]}. Parsing treats the
// text as untrusted: the three scores must be finite numbers, per_slice (optional) an array of them.

#include <optional>
#include <string>
#include <string_view>

#include "lightbox/project/predictions.h"

namespace lightbox::project::detail {

/// Why the scores cannot be stored for a map of `shape`, or "" when they can.
std::string scoresProblem(const PredictionScores& scores, const Shape& shape);
std::string formatScores(const PredictionScores& scores);
std::optional<PredictionScores> parseScores(std::string_view text);

}  // namespace lightbox::project::detail
