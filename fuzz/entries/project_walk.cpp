#include "project_walk.h"

#include <array>
#include <filesystem>

namespace lightbox::fuzz::detail {

namespace {

using namespace lightbox::project;

// A hostile file may hold millions of rows; each is decoded at most once, but cap the per-parent fan-out so that a
// single input cannot turn into a minute-long walk that libFuzzer would report as a timeout for the wrong reason.
constexpr size_t kMaxChildren = 64;

template <typename List>
size_t capped(const List& list) { return std::min(list.size(), kMaxChildren); }

void walkImage(Project& p, int64_t imageId) {
  (void)p.images().get(imageId);
  (void)p.images().files(imageId);
  const auto kinds = p.arrays().kinds(imageId);
  for (size_t k = 0; k < capped(kinds); ++k) {
    (void)p.arrays().id(imageId, kinds[k]);
    (void)p.arrays().load(imageId, kinds[k]);
  }
  (void)p.thumbnails().load(imageId);
  (void)p.groundTruth().loadMask(imageId);
  (void)p.groundTruth().loadBoxes(imageId);
}

void walkRun(Project& p, const RunSummary& summary) {
  const int64_t runId = summary.run.id;
  (void)p.runs().get(runId);
  const auto folds = p.runs().folds(runId);
  for (size_t k = 0; k < capped(folds); ++k) {
    const int fold = folds[k].fold;
    (void)p.runs().fold(runId, fold);
    (void)p.runs().metrics(runId, fold);
    for (CheckpointKind kind : {CheckpointKind::Best, CheckpointKind::Latest})
      (void)p.runs().loadCheckpoint(runId, fold, kind);
    const std::array<int, 1> one{fold};
    (void)p.thresholds().history(runId, one);
    (void)p.thresholds().current(runId, one);
  }
  const auto predictions = p.predictions().list(runId);
  for (size_t k = 0; k < capped(predictions); ++k) {
    const PredictionInfo& info = predictions[k];
    (void)p.predictions().info(info.id);
    (void)p.predictions().get(info.id);
    (void)p.thresholds().history(runId, info.folds);
    (void)p.findings().counts(info.id);
  }
  (void)p.settings().colourScale(runId);
}

}  // namespace

void walkProject(Project& p) {
  (void)p.schemaVersion();
  (void)p.info();
  const auto datasets = p.datasets().list();
  for (size_t d = 0; d < capped(datasets); ++d) {
    const int64_t id = datasets[d].dataset.id;
    (void)p.datasets().get(id);
    (void)p.groundTruth().count(id);
    const auto images = p.images().list(id);
    for (size_t i = 0; i < capped(images); ++i) walkImage(p, images[i].id);
  }
  const auto runs = p.runs().list();
  for (size_t r = 0; r < capped(runs); ++r) walkRun(p, runs[r]);
  const auto findings = p.findings().list({});
  for (size_t f = 0; f < capped(findings); ++f) {
    (void)p.findings().get(findings[f].id);
    (void)p.reviews().history(findings[f].id);
    (void)p.reviews().current(findings[f].id);
  }
  (void)p.findings().report({});
  (void)p.findings().categories();
  const auto settings = p.settings().list();
  for (size_t s = 0; s < capped(settings); ++s) {
    // The typed getters refuse values of another type with Corrupt; that is their documented answer.
    for (auto get : {+[](Project& q, const std::string& k) { (void)q.settings().getInt(k); },
                     +[](Project& q, const std::string& k) { (void)q.settings().getReal(k); },
                     +[](Project& q, const std::string& k) { (void)q.settings().getBool(k); }}) {
      try {
        get(p, settings[s].first);
      } catch (const ProjectError& e) {
        if (e.kind() != ErrorKind::Corrupt) throw;
      }
    }
  }
}

bool openAndWalk(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::remove(path.string() + "-wal", ec);
  std::filesystem::remove(path.string() + "-shm", ec);
  try {
    Project p = Project::open(path, OpenMode::ReadOnly);
    walkProject(p);
    return true;
  } catch (const ProjectError&) {
    return false;
  }
}

}  // namespace lightbox::fuzz::detail
