#include "fold_list.h"

#include <algorithm>
#include <limits>

#include "connection.h"
#include "number_text.h"
#include "statement.h"

namespace lightbox::project::detail {

namespace {
// A run has at most a handful of folds (one per held-out task split); more in a folds text is a damaged row.
constexpr size_t kMaxFolds = 1024;
}  // namespace

std::string foldsText(const Connection& c, std::span<const int> folds) {
  if (folds.empty()) throw c.error(ErrorKind::InvalidArgument, "a model needs at least one fold");
  std::vector<int64_t> sorted(folds.begin(), folds.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  if (sorted.front() < 0) throw c.error(ErrorKind::InvalidArgument, "a fold index cannot be negative");
  return formatIntegers(sorted);
}

std::optional<std::vector<int>> parseFolds(std::string_view text) {
  const auto values = parseIntegers(text, kMaxFolds);
  if (!values || values->empty()) return std::nullopt;
  std::vector<int> out;
  for (const int64_t v : *values) {
    if (v < 0 || v > std::numeric_limits<int>::max() || (!out.empty() && v <= out.back())) return std::nullopt;
    out.push_back(static_cast<int>(v));
  }
  return out;
}

std::vector<int> readFolds(const Connection& c, const std::string& text, const std::string& what) {
  auto folds = parseFolds(text);
  if (!folds) throw c.error(ErrorKind::Corrupt, what + " has the malformed fold list '" + text + "'");
  return std::move(*folds);
}

void requireRun(Connection& c, int64_t runId) {
  Statement st(c, "SELECT 1 FROM training_runs WHERE id = ?1");
  st.bind(1, runId);
  if (!st.step()) throw c.error(ErrorKind::NotFound, "has no training run with id " + std::to_string(runId));
}

void requireRunFolds(Connection& c, int64_t runId, std::span<const int> folds) {
  requireRun(c, runId);
  Statement st(c, "SELECT 1 FROM run_folds WHERE run_id = ?1 AND fold = ?2");
  for (const int fold : folds) {
    st.reset();
    st.bind(1, runId).bind(2, fold);
    if (!st.step())
      throw c.error(ErrorKind::NotFound,
                    "training run " + std::to_string(runId) + " has no fold " + std::to_string(fold));
  }
}

}  // namespace lightbox::project::detail
