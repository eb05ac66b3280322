#pragma once
// Thresholds of a model (table thresholds; docs/project-file.md): proposals computed from the held-out tasks and
// the healthy false-positive rate, and the user's overrides. Rows are only ever added, so every proposal and every
// change stays visible; the threshold in force is the latest user override, else the latest proposal.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lightbox::project {

namespace detail {
class Connection;
}

enum class ThresholdSource { Proposed, User };
/// The words stored in the file: 'proposed', 'user'.
std::string_view toString(ThresholdSource source);
std::optional<ThresholdSource> parseThresholdSource(std::string_view text);

struct Threshold {
  int64_t id = 0;  ///< increasing: a later threshold has a larger id
  int64_t runId = 0;
  std::vector<int> folds;  ///< the model, sorted (as PredictionKey::folds)
  double value = 0.0;
  ThresholdSource source = ThresholdSource::Proposed;
  std::string detailsJson;  ///< the proposal's inputs and curve (a JSON object); "{}" when none
  std::string createdAt;
};

class ThresholdRepository {
 public:
  explicit ThresholdRepository(detail::Connection& connection) : c_(&connection) {}

  /// Appends a threshold for the model (run + folds) and returns its id. `detailsJson` must be a JSON object (empty
  /// = "{}"). Throws NotFound for an unknown run or fold, InvalidArgument for a non-finite value, no folds, or
  /// details that are not a JSON object.
  int64_t add(int64_t runId, std::span<const int> folds, double value, ThresholdSource source,
              std::string_view detailsJson = {});
  int64_t propose(int64_t runId, std::span<const int> folds, double value, std::string_view detailsJson) {
    return add(runId, folds, value, ThresholdSource::Proposed, detailsJson);
  }
  int64_t setUser(int64_t runId, std::span<const int> folds, double value, std::string_view detailsJson = {}) {
    return add(runId, folds, value, ThresholdSource::User, detailsJson);
  }
  /// Returns to the proposal: deletes the model's user overrides (the proposals are kept). Returns how many.
  int64_t clearUser(int64_t runId, std::span<const int> folds);

  /// The threshold in force: the latest user override, else the latest proposal, else nullopt.
  std::optional<Threshold> current(int64_t runId, std::span<const int> folds) const;
  std::optional<Threshold> latest(int64_t runId, std::span<const int> folds, ThresholdSource source) const;
  /// Every threshold of the model, oldest first.
  std::vector<Threshold> history(int64_t runId, std::span<const int> folds) const;

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
