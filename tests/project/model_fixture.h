#pragma once
// A project with what predictions, thresholds, findings and reviews hang off: a test dataset with imported images
// (each with a preprocessed working array), and a training run with folds 0..3. Deterministic, no wall clock.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lightbox/project/project.h"
#include "project_test_support.h"

namespace lbtest {

struct ModelFixture {
  lightbox::project::Project project;
  int64_t datasetId = 0;
  int64_t runId = 0;
  std::vector<int64_t> imageIds;
  std::vector<int64_t> arrayIds;  ///< parallel to imageIds
  lightbox::Shape shape;          ///< of every working array: [2, 8, 6]
};

/// Creates the project at `path` with `images` test images named img0, img1, ... in dataset "test set".
inline ModelFixture makeModelFixture(const std::filesystem::path& path, int images = 2) {
  using namespace lightbox::project;
  ModelFixture f{Project::create(path), 0, 0, {}, {}, {}};
  f.datasetId = f.project.datasets().create("test set", DatasetRole::Test).id;
  for (int k = 0; k < images; ++k) {
    const int64_t id = f.project.images().insert(f.datasetId, sampleNewImage("img" + std::to_string(k)));
    f.imageIds.push_back(id);
    f.arrayIds.push_back(f.project.arrays().id(id).value());
  }
  f.shape = lightbox::Shape(2, 8, 6);
  NewRun run;
  run.name = "brains v1";
  run.preset = "cpu-quick-2d";
  run.configJson = "{}";
  run.seed = 1;
  f.runId = f.project.runs().create(run);
  for (int fold = 0; fold < 4; ++fold) {
    const std::vector<int> train{fold}, held{(fold + 1) % 5, (fold + 2) % 5};
    f.project.runs().addFold(f.runId, fold, train, held);
  }
  return f;
}

/// A one-channel map of `shape` with scores in [0, 1] that differ per seed.
inline lightbox::Image sampleMap(const lightbox::Shape& shape, uint32_t seed) {
  lightbox::Image m(1, shape);
  uint32_t x = seed * 2654435761u + 3;
  for (float& v : m.values()) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    v = static_cast<float>(x % 1000) / 999.0f;
  }
  return m;
}

inline lightbox::project::PredictionScores sampleScores(int slices) {
  lightbox::project::PredictionScores s;
  s.image = {0.125, 0.25, 0.5};
  for (int k = 0; k < slices; ++k) s.perSlice.push_back({0.1 * k, 0.2 * k, 0.3 * k + 0.1});
  return s;
}

/// A finding inside the [2, 8, 6] grid; `k` shifts it so that findings differ.
inline lightbox::project::FindingData sampleFinding(int k) {
  lightbox::project::FindingData d;
  d.bboxMin = {0, k, 1};
  d.bboxMax = {2, k + 3, 4};
  d.centroidVoxel = {0.5, k + 1.25, 2.5};
  d.centroidMm = {-12.5 - k, 3.0625, 7.0 / 3.0};
  d.sizeVoxels = 5 + k;
  d.sizeMm = 6.5 * (5 + k);
  d.maxScore = 0.9 - 0.01 * k;
  d.meanScore = 0.6;
  d.sliceIndex = 1;
  d.sopInstanceUid = "1.2.3.4." + std::to_string(k + 1);
  return d;
}

/// A FindingQuery with some members set, e.g. where([&](auto& q) { q.runId = run; }). (Designated initialisers
/// would read better, but GCC 12 warns about every member they leave out.)
template <typename F>
lightbox::project::FindingQuery where(F set) {
  lightbox::project::FindingQuery q;
  set(q);
  return q;
}

/// The kind of ProjectError that `f` throws, or nullopt when it throws none.
template <typename F>
std::optional<lightbox::project::ErrorKind> errorKindOf(F&& f) {
  try {
    f();
  } catch (const lightbox::project::ProjectError& e) {
    return e.kind();
  }
  return std::nullopt;
}

}  // namespace lbtest
