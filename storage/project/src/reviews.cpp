#include "lightbox/project/reviews.h"

#include <array>

#include "connection.h"
#include "lightbox/project/transaction.h"
#include "statement.h"
#include "text_checks.h"

namespace lightbox::project {

using detail::Statement;

namespace {

constexpr std::array<std::string_view, 3> kStateWords = {"unreviewed", "accepted", "rejected"};
// A note is a sentence or a paragraph; 64 KiB leaves room for pasted reports, not for files.
constexpr size_t kMaxNoteBytes = 64 * 1024;

void requireFinding(detail::Connection& c, int64_t findingId) {
  Statement st(c, "SELECT 1 FROM findings WHERE id = ?1");
  st.bind(1, findingId);
  if (!st.step()) throw c.error(ErrorKind::NotFound, "has no finding with id " + std::to_string(findingId));
}

ReviewState readState(const detail::Connection& c, const std::string& text) {
  const auto s = parseReviewState(text);
  if (!s) throw c.error(ErrorKind::Corrupt, "a review has the unknown state '" + text + "'");
  return *s;
}

constexpr const char* kReviewColumns = "SELECT id, finding_id, state, note, reviewer, created_at FROM reviews ";

Review readReview(const detail::Connection& c, const Statement& st) {
  return {st.int64(0), st.int64(1), readState(c, st.text(2)), st.text(3), st.text(4), st.text(5)};
}

Review reviewById(detail::Connection& c, int64_t id) {
  Statement st(c, (std::string(kReviewColumns) + "WHERE id = ?1").c_str());
  st.bind(1, id);
  st.step();
  return readReview(c, st);
}

Review append(detail::Connection& c, int64_t findingId, ReviewState state, std::string_view note,
              std::string_view reviewer) {
  // The columns are NOT NULL DEFAULT '': an empty view (whose data() may be null, which SQLite binds as NULL) is
  // written as the empty literal.
  const auto text = [](std::string_view t) { return t.empty() ? std::string_view("") : t; };
  Statement(c, "INSERT INTO reviews (finding_id, state, note, reviewer) VALUES (?1, ?2, ?3, ?4)")
      .bindAll(findingId, toString(state), text(note), text(reviewer))
      .run();
  return reviewById(c, detail::lastInsertId(c));
}

void checkText(const detail::Connection& c, std::string_view note, std::string_view reviewer) {
  for (const auto& [text, what] : {std::pair{note, "a review note"}, std::pair{reviewer, "a reviewer name"}})
    if (const std::string p = detail::textProblem(text, what, kMaxNoteBytes); !p.empty())
      throw c.error(ErrorKind::InvalidArgument, p);
}

}  // namespace

std::string_view toString(ReviewState state) { return kStateWords[static_cast<size_t>(state)]; }

std::optional<ReviewState> parseReviewState(std::string_view text) {
  for (size_t i = 0; i < kStateWords.size(); ++i)
    if (kStateWords[i] == text) return static_cast<ReviewState>(i);
  return std::nullopt;
}

Review ReviewRepository::record(int64_t findingId, ReviewState state, std::string_view note,
                                std::string_view reviewer) {
  c_->requireWritable("record a review");
  checkText(*c_, note, reviewer);
  Transaction tx(*c_);
  requireFinding(*c_, findingId);
  Review r = append(*c_, findingId, state, note, reviewer);
  tx.commit();
  return r;
}

std::optional<Review> ReviewRepository::undo(int64_t findingId, std::string_view reviewer) {
  c_->requireWritable("undo a review");
  checkText(*c_, {}, reviewer);
  Transaction tx(*c_);
  requireFinding(*c_, findingId);
  // The two latest rows: the review being undone and the state before it.
  Statement st(*c_, (std::string(kReviewColumns) + "WHERE finding_id = ?1 ORDER BY id DESC LIMIT 2").c_str());
  st.bind(1, findingId);
  if (!st.step()) return std::nullopt;
  ReviewState state = ReviewState::Unreviewed;
  std::string note;
  if (st.step()) {
    const Review before = readReview(*c_, st);
    state = before.state;
    note = before.note;
  }
  st.reset();
  Review r = append(*c_, findingId, state, note, reviewer);
  tx.commit();
  return r;
}

std::vector<Review> ReviewRepository::history(int64_t findingId) const {
  requireFinding(*c_, findingId);
  Statement st(*c_, (std::string(kReviewColumns) + "WHERE finding_id = ?1 ORDER BY id").c_str());
  st.bind(1, findingId);
  std::vector<Review> out;
  while (st.step()) out.push_back(readReview(*c_, st));
  return out;
}

CurrentReview ReviewRepository::current(int64_t findingId) const {
  Statement st(*c_,
               "SELECT state, note, reviewer, coalesce(reviewed_at, ''), review_id FROM current_reviews "
               "WHERE finding_id = ?1");
  st.bind(1, findingId);
  if (!st.step()) throw c_->error(ErrorKind::NotFound, "has no finding with id " + std::to_string(findingId));
  CurrentReview r;
  r.state = readState(*c_, st.text(0));
  r.note = st.text(1);
  r.reviewer = st.text(2);
  r.reviewedAt = st.text(3);
  if (!st.isNull(4)) r.reviewId = st.int64(4);
  return r;
}

}  // namespace lightbox::project
