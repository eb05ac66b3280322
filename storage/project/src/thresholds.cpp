#include "lightbox/project/thresholds.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "connection.h"
#include "fold_list.h"
#include "lightbox/project/transaction.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

constexpr const char* kColumns = "SELECT id, run_id, folds, value, source, details, created_at FROM thresholds ";

Threshold readThreshold(const detail::Connection& c, const Statement& st) {
  Threshold t;
  t.id = st.int64(0);
  const std::string what = "threshold " + std::to_string(t.id);
  t.runId = st.int64(1);
  t.folds = detail::readFolds(c, st.text(2), what);
  t.value = st.real(3);
  const auto source = parseThresholdSource(st.text(4));
  if (!source) throw c.error(ErrorKind::Corrupt, what + " has the unknown source '" + st.text(4) + "'");
  t.source = *source;
  t.detailsJson = st.text(5);
  t.createdAt = st.text(6);
  return t;
}

std::optional<Threshold> one(const detail::Connection& c, Statement& st) {
  if (!st.step()) return std::nullopt;
  return readThreshold(c, st);
}

}  // namespace

std::string_view toString(ThresholdSource source) { return source == ThresholdSource::User ? "user" : "proposed"; }

std::optional<ThresholdSource> parseThresholdSource(std::string_view text) {
  if (text == "proposed") return ThresholdSource::Proposed;
  if (text == "user") return ThresholdSource::User;
  return std::nullopt;
}

int64_t ThresholdRepository::add(int64_t runId, std::span<const int> folds, double value, ThresholdSource source,
                                 std::string_view detailsJson) {
  c_->requireWritable("store a threshold");
  const std::string foldText = detail::foldsText(*c_, folds);
  if (!std::isfinite(value))
    throw c_->error(ErrorKind::InvalidArgument,
                    "a threshold must be a finite number (run " + std::to_string(runId) + ", folds " + foldText + ")");
  const std::string details = detailsJson.empty() ? std::string("{}") : std::string(detailsJson);
  if (!nlohmann::json::parse(details, nullptr, /*allow_exceptions=*/false).is_object())
    throw c_->error(ErrorKind::InvalidArgument, "the details of a threshold must be a JSON object (run " +
                                                    std::to_string(runId) + ", folds " + foldText + ")");
  Transaction tx(*c_);
  detail::requireRunFolds(*c_, runId, folds);
  Statement(*c_, "INSERT INTO thresholds (run_id, folds, value, source, details) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bindAll(runId, foldText, value, toString(source), details)
      .run();
  const int64_t id = detail::lastInsertId(*c_);
  tx.commit();
  return id;
}

int64_t ThresholdRepository::clearUser(int64_t runId, std::span<const int> folds) {
  c_->requireWritable("clear threshold overrides");
  const std::string foldText = detail::foldsText(*c_, folds);
  Transaction tx(*c_);
  detail::requireRun(*c_, runId);
  Statement(*c_, "DELETE FROM thresholds WHERE run_id = ?1 AND folds = ?2 AND source = 'user'")
      .bindAll(runId, foldText)
      .run();
  const int64_t n = detail::changes(*c_);
  tx.commit();
  return n;
}

std::optional<Threshold> ThresholdRepository::current(int64_t runId, std::span<const int> folds) const {
  // A user override wins over any proposal, however recent: a new proposal does not undo the user's decision.
  Statement st(
      *c_, (std::string(kColumns) + "WHERE run_id = ?1 AND folds = ?2 ORDER BY source = 'user' DESC, id DESC LIMIT 1")
               .c_str());
  st.bindAll(runId, detail::foldsText(*c_, folds));
  return one(*c_, st);
}

std::optional<Threshold> ThresholdRepository::latest(int64_t runId, std::span<const int> folds,
                                                     ThresholdSource source) const {
  Statement st(
      *c_,
      (std::string(kColumns) + "WHERE run_id = ?1 AND folds = ?2 AND source = ?3 ORDER BY id DESC LIMIT 1").c_str());
  st.bindAll(runId, detail::foldsText(*c_, folds), toString(source));
  return one(*c_, st);
}

std::vector<Threshold> ThresholdRepository::history(int64_t runId, std::span<const int> folds) const {
  Statement st(*c_, (std::string(kColumns) + "WHERE run_id = ?1 AND folds = ?2 ORDER BY id").c_str());
  st.bindAll(runId, detail::foldsText(*c_, folds));
  std::vector<Threshold> out;
  while (st.step()) out.push_back(readThreshold(*c_, st));
  return out;
}

}  // namespace lightbox::project
