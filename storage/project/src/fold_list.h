#pragma once
// The folds of a model as stored in predictions.folds and thresholds.folds: a JSON array of fold indices, sorted and
// without repeats ("[0,3]"), so that one model always has one text and can be compared with `=` in SQL.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lightbox::project::detail {

class Connection;

/// The canonical text. Throws InvalidArgument for no folds or a negative fold.
std::string foldsText(const Connection& c, std::span<const int> folds);
/// Sorted, unique, non-negative folds, or nullopt for anything else (the text is untrusted).
std::optional<std::vector<int>> parseFolds(std::string_view text);
/// Reads a stored folds column; throws Corrupt naming `what` when malformed.
std::vector<int> readFolds(const Connection& c, const std::string& text, const std::string& what);
/// Throws NotFound for an unknown run, or a fold the run does not have.
void requireRunFolds(Connection& c, int64_t runId, std::span<const int> folds);
void requireRun(Connection& c, int64_t runId);

}  // namespace lightbox::project::detail
