#include "lightbox/project/runs.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "blob_codec.h"
#include "connection.h"
#include "lightbox/project/settings.h"
#include "lightbox/project/transaction.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

constexpr std::array<std::string_view, 6> kStatusWords = {"queued",    "running", "paused",
                                                          "cancelled", "failed",  "finished"};
// A paper 3D checkpoint (model + Adam moments) is ~170 MB; anything claiming more than 16 GiB is a lie.
constexpr int64_t kMaxCheckpointBytes = int64_t(16) << 30;

std::string taskListJson(std::span<const int> tasks) {
  nlohmann::json a = nlohmann::json::array();
  for (const int t : tasks) a.push_back(t);
  return a.dump();
}

std::vector<int> parseTaskList(const detail::Connection& c, const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::vector<int> out;
  if (!j.is_array()) throw c.error(ErrorKind::Corrupt, "a run fold has the malformed task list '" + text + "'");
  for (const auto& v : j) {
    if (!v.is_number_integer()) throw c.error(ErrorKind::Corrupt, "a run fold has the malformed task list '" + text + "'");
    out.push_back(v.get<int>());
  }
  return out;
}

RunStatus readStatus(const detail::Connection& c, const std::string& text) {
  const auto s = parseRunStatus(text);
  if (!s) throw c.error(ErrorKind::Corrupt, "a run has the unknown status '" + text + "'");
  return *s;
}

std::optional<int64_t> optionalInt(const Statement& st, int column) {
  if (st.isNull(column)) return std::nullopt;
  return st.int64(column);
}

constexpr const char* kRunColumns =
    "SELECT id, coalesce(name, ''), preset, config, seed, status, coalesce(device, ''), coalesce(error, ''), "
    "dataset_id, blend_dataset_id, created_at, updated_at FROM training_runs ";

Run readRun(const detail::Connection& c, const Statement& st) {
  Run r;
  r.id = st.int64(0);
  r.name = st.text(1);
  r.preset = st.text(2);
  r.configJson = st.text(3);
  r.seed = st.int64(4);
  r.status = readStatus(c, st.text(5));
  r.device = st.text(6);
  r.error = st.text(7);
  r.datasetId = optionalInt(st, 8);
  r.blendDatasetId = optionalInt(st, 9);
  r.createdAt = st.text(10);
  r.updatedAt = st.text(11);
  return r;
}

constexpr const char* kFoldColumns =
    "SELECT run_id, fold, train_tasks, heldout_tasks, status, steps_done, best_step, best_value, "
    "coalesce(error, '') FROM run_folds ";

RunFold readFold(const detail::Connection& c, const Statement& st) {
  RunFold f;
  f.runId = st.int64(0);
  f.fold = static_cast<int>(st.int64(1));
  f.trainTasks = parseTaskList(c, st.text(2));
  f.heldoutTasks = parseTaskList(c, st.text(3));
  f.status = readStatus(c, st.text(4));
  f.stepsDone = st.int64(5);
  f.bestStep = optionalInt(st, 6);
  if (!st.isNull(7)) f.bestValue = st.real(7);
  f.error = st.text(8);
  return f;
}

void requireRun(detail::Connection& c, int64_t runId) {
  Statement st(c, "SELECT 1 FROM training_runs WHERE id = ?1");
  st.bind(1, runId);
  if (!st.step()) throw c.error(ErrorKind::NotFound, "has no training run with id " + std::to_string(runId));
}

void requireFold(detail::Connection& c, int64_t runId, int fold) {
  Statement st(c, "SELECT 1 FROM run_folds WHERE run_id = ?1 AND fold = ?2");
  st.bind(1, runId).bind(2, fold);
  if (!st.step())
    throw c.error(ErrorKind::NotFound,
                  "training run " + std::to_string(runId) + " has no fold " + std::to_string(fold));
}

void touchRun(detail::Connection& c, int64_t runId) {
  Statement(c, "UPDATE training_runs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1")
      .bind(1, runId)
      .run();
}

}  // namespace

std::string_view toString(RunStatus status) { return kStatusWords[static_cast<size_t>(status)]; }

std::optional<RunStatus> parseRunStatus(std::string_view text) {
  for (size_t i = 0; i < kStatusWords.size(); ++i)
    if (kStatusWords[i] == text) return static_cast<RunStatus>(i);
  return std::nullopt;
}

std::string_view toString(CheckpointKind kind) { return kind == CheckpointKind::Best ? "best" : "latest"; }

int64_t RunRepository::create(const NewRun& run) {
  c_->requireWritable("create a training run");
  if (run.preset.empty()) throw c_->error(ErrorKind::InvalidArgument, "a training run needs a preset name");
  if (run.configJson.empty()) throw c_->error(ErrorKind::InvalidArgument, "a training run needs its configuration");
  Transaction tx(*c_);
  for (const auto& id : {run.datasetId, run.blendDatasetId}) {
    if (!id) continue;
    Statement st(*c_, "SELECT 1 FROM datasets WHERE id = ?1");
    st.bind(1, *id);
    if (!st.step()) throw c_->error(ErrorKind::NotFound, "has no dataset with id " + std::to_string(*id));
  }
  Statement st(*c_,
               "INSERT INTO training_runs (name, preset, config, seed, device, dataset_id, blend_dataset_id) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bindOrNull(1, run.name).bind(2, run.preset).bind(3, run.configJson).bind(4, run.seed);
  st.bindOrNull(5, run.device);
  if (run.datasetId) st.bind(6, *run.datasetId);
  else st.bind(6, std::nullopt);
  if (run.blendDatasetId) st.bind(7, *run.blendDatasetId);
  else st.bind(7, std::nullopt);
  st.run();
  const int64_t id = detail::lastInsertId(*c_);
  tx.commit();
  return id;
}

std::optional<Run> RunRepository::get(int64_t runId) const {
  Statement st(*c_, (std::string(kRunColumns) + "WHERE id = ?1").c_str());
  st.bind(1, runId);
  if (!st.step()) return std::nullopt;
  return readRun(*c_, st);
}

std::vector<RunSummary> RunRepository::list() const {
  std::vector<RunSummary> out;
  {
    Statement st(*c_, (std::string(kRunColumns) + "ORDER BY id DESC").c_str());
    while (st.step()) out.push_back({readRun(*c_, st), {}, {}});
  }
  for (RunSummary& s : out) {
    s.folds = folds(s.run.id);
    for (const RunFold& f : s.folds) {
      std::vector<MetricPoint> best;
      if (f.bestStep) {
        Statement st(*c_,
                     "SELECT step, epoch, name, value FROM run_metrics WHERE run_id = ?1 AND fold = ?2 AND step = ?3 "
                     "AND name LIKE 'val%' ORDER BY name");
        st.bind(1, s.run.id).bind(2, f.fold).bind(3, *f.bestStep);
        while (st.step()) best.push_back({st.int64(0), optionalInt(st, 1), st.text(2), st.real(3)});
      }
      s.bestMetrics.push_back(std::move(best));
    }
  }
  return out;
}

void RunRepository::setStatus(int64_t runId, RunStatus status, std::string_view error) {
  c_->requireWritable("change a training run's status");
  Transaction tx(*c_);
  requireRun(*c_, runId);
  Statement(*c_,
            "UPDATE training_runs SET status = ?2, error = ?3, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
            "WHERE id = ?1")
      .bind(1, runId)
      .bind(2, toString(status))
      .bindOrNull(3, error)
      .run();
  tx.commit();
}

void RunRepository::setDevice(int64_t runId, std::string_view device) {
  c_->requireWritable("change a training run's device");
  Transaction tx(*c_);
  requireRun(*c_, runId);
  Statement(*c_, "UPDATE training_runs SET device = ?2 WHERE id = ?1").bind(1, runId).bindOrNull(2, device).run();
  touchRun(*c_, runId);
  tx.commit();
}

void RunRepository::setConfig(int64_t runId, std::string_view configJson) {
  c_->requireWritable("change a training run's configuration");
  if (configJson.empty()) throw c_->error(ErrorKind::InvalidArgument, "a training run needs its configuration");
  Transaction tx(*c_);
  requireRun(*c_, runId);
  Statement(*c_, "UPDATE training_runs SET config = ?2 WHERE id = ?1").bind(1, runId).bind(2, configJson).run();
  touchRun(*c_, runId);
  tx.commit();
}

void RunRepository::remove(int64_t runId) {
  c_->requireWritable("delete a training run");
  Transaction tx(*c_);
  requireRun(*c_, runId);
  Statement(*c_, "DELETE FROM training_runs WHERE id = ?1").bind(1, runId).run();
  // Settings are key/value rows without a foreign key: the run's colour scale and healthy-set audit go by hand, or
  // a later run that reuses the id would inherit them.
  Statement(*c_, "DELETE FROM settings WHERE key = ?1").bind(1, SettingsRepository::colourScaleKey(runId)).run();
  Statement(*c_, "DELETE FROM settings WHERE key = ?1").bind(1, "audit/run/" + std::to_string(runId)).run();
  tx.commit();
}

void RunRepository::addFold(int64_t runId, int foldIndex, std::span<const int> trainTasks,
                            std::span<const int> heldoutTasks) {
  c_->requireWritable("add a fold to a training run");
  if (foldIndex < 0) throw c_->error(ErrorKind::InvalidArgument, "a fold index cannot be negative");
  Transaction tx(*c_);
  requireRun(*c_, runId);
  if (const auto existing = fold(runId, foldIndex)) {
    if (!std::equal(existing->trainTasks.begin(), existing->trainTasks.end(), trainTasks.begin(), trainTasks.end()) ||
        !std::equal(existing->heldoutTasks.begin(), existing->heldoutTasks.end(), heldoutTasks.begin(),
                    heldoutTasks.end()))
      throw c_->error(ErrorKind::InvalidArgument, "fold " + std::to_string(foldIndex) + " of training run " +
                                                      std::to_string(runId) + " exists with other tasks");
    tx.commit();
    return;
  }
  Statement(*c_, "INSERT INTO run_folds (run_id, fold, train_tasks, heldout_tasks) VALUES (?1, ?2, ?3, ?4)")
      .bindAll(runId, foldIndex, taskListJson(trainTasks), taskListJson(heldoutTasks))
      .run();
  tx.commit();
}

std::optional<RunFold> RunRepository::fold(int64_t runId, int foldIndex) const {
  Statement st(*c_, (std::string(kFoldColumns) + "WHERE run_id = ?1 AND fold = ?2").c_str());
  st.bind(1, runId).bind(2, foldIndex);
  if (!st.step()) return std::nullopt;
  return readFold(*c_, st);
}

std::vector<RunFold> RunRepository::folds(int64_t runId) const {
  Statement st(*c_, (std::string(kFoldColumns) + "WHERE run_id = ?1 ORDER BY fold").c_str());
  st.bind(1, runId);
  std::vector<RunFold> out;
  while (st.step()) out.push_back(readFold(*c_, st));
  return out;
}

void RunRepository::updateFold(int64_t runId, int foldIndex, RunStatus status, int64_t stepsDone,
                               std::optional<int64_t> bestStep, std::optional<double> bestValue,
                               std::string_view error) {
  c_->requireWritable("update a training fold");
  Transaction tx(*c_);
  requireFold(*c_, runId, foldIndex);
  Statement st(*c_,
               "UPDATE run_folds SET status = ?3, steps_done = ?4, best_step = ?5, best_value = ?6, error = ?7, "
               "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE run_id = ?1 AND fold = ?2");
  st.bind(1, runId).bind(2, foldIndex).bind(3, toString(status)).bind(4, stepsDone);
  if (bestStep) st.bind(5, *bestStep);
  else st.bind(5, std::nullopt);
  if (bestValue && std::isfinite(*bestValue)) st.bind(6, *bestValue);
  else st.bind(6, std::nullopt);
  st.bindOrNull(7, error);
  st.run();
  touchRun(*c_, runId);
  tx.commit();
}

void RunRepository::appendMetrics(int64_t runId, int foldIndex, std::span<const MetricPoint> points) {
  c_->requireWritable("record training metrics");
  if (points.empty()) return;
  Transaction tx(*c_);
  requireFold(*c_, runId, foldIndex);
  // One prepared statement for the whole batch: thousands of per-step points cost one commit, not thousands.
  Statement st(*c_,
               "INSERT OR REPLACE INTO run_metrics (run_id, fold, step, epoch, name, value) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const MetricPoint& p : points) {
    if (p.name.empty()) throw c_->error(ErrorKind::InvalidArgument, "a metric needs a name");
    // SQLite stores NaN as NULL, which the NOT NULL column refuses; a NaN loss is reported by the run's error.
    if (!std::isfinite(p.value)) continue;
    st.reset();
    st.bind(1, runId).bind(2, foldIndex).bind(3, p.step);
    if (p.epoch) st.bind(4, *p.epoch);
    else st.bind(4, std::nullopt);
    st.bind(5, p.name).bind(6, p.value);
    st.run();
  }
  tx.commit();
}

std::vector<MetricPoint> RunRepository::metrics(int64_t runId, int foldIndex, std::string_view name) const {
  // Two constant statements rather than "?3 = ''": an empty text binds as NULL, which equals nothing.
  Statement st(*c_, name.empty() ? "SELECT step, epoch, name, value FROM run_metrics WHERE run_id = ?1 AND fold = ?2 "
                                   "ORDER BY name, step"
                                 : "SELECT step, epoch, name, value FROM run_metrics WHERE run_id = ?1 AND fold = ?2 "
                                   "AND name = ?3 ORDER BY name, step");
  st.bind(1, runId).bind(2, foldIndex);
  if (!name.empty()) st.bind(3, name);
  std::vector<MetricPoint> out;
  while (st.step()) out.push_back({st.int64(0), optionalInt(st, 1), st.text(2), st.real(3)});
  return out;
}

void RunRepository::removeMetricsAfter(int64_t runId, int foldIndex, int64_t step) {
  c_->requireWritable("remove training metrics");
  Statement(*c_, "DELETE FROM run_metrics WHERE run_id = ?1 AND fold = ?2 AND step > ?3")
      .bindAll(runId, foldIndex, step)
      .run();
}

void RunRepository::storeCheckpoint(int64_t runId, int foldIndex, const CheckpointData& cp) {
  c_->requireWritable("store a checkpoint");
  const std::vector<uint8_t> packed = detail::deflateBytes(cp.bytes);  // before the lock: it takes the longest
  Transaction tx(*c_);
  requireFold(*c_, runId, foldIndex);
  Statement st(*c_,
               "INSERT INTO checkpoints (run_id, fold, kind, step, epoch, state, codec, raw_size, data) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
               "ON CONFLICT (run_id, fold, kind) DO UPDATE SET step = excluded.step, epoch = excluded.epoch, "
               "state = excluded.state, codec = excluded.codec, raw_size = excluded.raw_size, data = excluded.data, "
               "created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
  st.bind(1, runId).bind(2, foldIndex).bind(3, toString(cp.kind)).bind(4, cp.step);
  if (cp.epoch) st.bind(5, *cp.epoch);
  else st.bind(5, std::nullopt);
  st.bind(6, cp.stateJson.empty() ? std::string("{}") : cp.stateJson);
  st.bind(7, detail::kCodecZlib).bind(8, static_cast<int64_t>(cp.bytes.size())).bindBlob(9, packed);
  st.run();
  tx.commit();
}

std::optional<CheckpointData> RunRepository::loadCheckpoint(int64_t runId, int foldIndex, CheckpointKind kind) const {
  Statement st(*c_,
               "SELECT step, epoch, state, codec, raw_size, data FROM checkpoints "
               "WHERE run_id = ?1 AND fold = ?2 AND kind = ?3");
  st.bind(1, runId).bind(2, foldIndex).bind(3, toString(kind));
  if (!st.step()) return std::nullopt;
  const std::string what = "the " + std::string(toString(kind)) + " checkpoint of run " + std::to_string(runId) +
                           " fold " + std::to_string(foldIndex) + " ";
  CheckpointData cp;
  cp.kind = kind;
  cp.step = st.int64(0);
  cp.epoch = optionalInt(st, 1);
  cp.stateJson = st.text(2);
  const int64_t raw = st.int64(4);
  if (raw < 0 || raw > kMaxCheckpointBytes)
    throw c_->error(ErrorKind::Corrupt, what + "declares an impossible size " + std::to_string(raw));
  const auto blob = st.blob(5);
  if (st.text(3) == "none") {
    if (static_cast<int64_t>(blob.size()) != raw) throw c_->error(ErrorKind::Corrupt, what + "is truncated");
    cp.bytes.assign(blob.begin(), blob.end());
    return cp;
  }
  if (const std::string p = detail::blobSizeProblem(st.text(3), raw, raw, blob.size()); !p.empty())
    throw c_->error(ErrorKind::Corrupt, what + p);
  cp.bytes.resize(static_cast<size_t>(raw));
  if (const std::string p = detail::inflateExactly(blob, cp.bytes); !p.empty())
    throw c_->error(ErrorKind::Corrupt, what + p);
  return cp;
}

}  // namespace lightbox::project
