#pragma once
// Reviews of findings (table reviews, view current_reviews; docs/project-file.md). The table is an append-only
// history, enforced by a trigger: every accept, reject, note or undo is a new row, so who decided what and when is
// never lost. The latest row of a finding is its current state; a finding never reviewed is 'unreviewed'.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lightbox::project {

namespace detail {
class Connection;
}

enum class ReviewState { Unreviewed, Accepted, Rejected };
/// The words stored in the file: 'unreviewed', 'accepted', 'rejected'.
std::string_view toString(ReviewState state);
std::optional<ReviewState> parseReviewState(std::string_view text);

/// One row of a finding's history.
struct Review {
  int64_t id = 0;  ///< increasing: a later review has a larger id
  int64_t findingId = 0;
  ReviewState state = ReviewState::Unreviewed;
  std::string note;
  std::string reviewer;
  std::string createdAt;  ///< ISO 8601 UTC, set by the database
};

/// A finding's state now: its latest review, or 'unreviewed' with no note when it has none.
struct CurrentReview {
  ReviewState state = ReviewState::Unreviewed;
  std::string note;
  std::string reviewer;
  std::string reviewedAt;           ///< empty when never reviewed
  std::optional<int64_t> reviewId;  ///< nullopt when never reviewed
};

class ReviewRepository {
 public:
  explicit ReviewRepository(detail::Connection& connection) : c_(&connection) {}

  /// Appends a review and returns it as stored (with its time). The note and reviewer are free text: any valid
  /// UTF-8 without NUL characters, at most 64 KiB each (InvalidArgument otherwise). Throws NotFound for an unknown
  /// finding.
  Review record(int64_t findingId, ReviewState state, std::string_view note = {}, std::string_view reviewer = {});
  /// Undoes the latest review by appending a review that restores the state and note before it ('unreviewed' with
  /// no note when it was the first), recorded under `reviewer` (who undid it). History is kept, nothing is updated.
  /// An undo is itself a review, so undoing twice restores the undone review (undo/redo of one step); deeper undo
  /// is the GUI's undo stack, whose commands record the states they remember. Returns nullopt when the finding has
  /// never been reviewed; throws NotFound for an unknown finding.
  std::optional<Review> undo(int64_t findingId, std::string_view reviewer = {});

  /// Oldest first. Throws NotFound for an unknown finding.
  std::vector<Review> history(int64_t findingId) const;
  /// Throws NotFound for an unknown finding.
  CurrentReview current(int64_t findingId) const;

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
