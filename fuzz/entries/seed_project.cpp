// The seed project of the project fuzzers (fuzz_entries.h): one row of every kind whose reading decodes a blob or
// parses text, kept tiny so that mutations stay cheap and every byte of it is within reach of the fuzzer.
#include <sqlite3.h>

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "fuzz_entries.h"
#include "lightbox/project/project.h"

namespace lightbox::fuzz {

namespace {

using namespace lightbox::project;

Image ramp(const Shape& shape) {
  Image im(1, shape);
  float v = 0.0f;
  for (float& x : im.values()) x = (v += 0.25f);
  return im;
}

Mask stripes(const Shape& shape) {
  Mask m(shape);
  for (int64_t i = 0; i < m.count(); ++i) m[i] = static_cast<uint8_t>(i % 3 == 1);
  return m;
}

NewImage newImage(const std::string& name, const Shape& original, const Shape& working) {
  NewImage n;
  n.meta.sourcePath = "/data/" + name;
  n.meta.contentHash = sha256Hex(name);
  n.meta.format = "nifti";
  n.meta.modality = "MR";
  n.meta.sopInstanceUid = "1.2.3." + std::to_string(name.size());
  n.meta.channels = 1;
  n.meta.shape = original;
  ArrayData a;
  a.image = ramp(working);
  a.mask = stripes(working);
  a.mapping = R"([{"step":"crop","from":[0,0,0]}])";
  n.arrays.push_back(EncodedArray::encode(a));
  n.files.push_back(SourceFile{n.meta.sourcePath, n.meta.contentHash, n.meta.sopInstanceUid});
  n.thumbnail = Thumbnail{3, 2, {0, 50, 100, 150, 200, 250}};
  return n;
}

void addRun(Project& p, int64_t datasetId, int64_t imageId, const Shape& working) {
  NewRun run;
  run.name = "seed run";
  run.preset = "cpu-quick-3d";
  run.configJson = R"({"steps":4})";
  run.seed = 7;
  run.datasetId = datasetId;
  const int64_t runId = p.runs().create(run);
  const std::vector<int> train{0, 1}, held{2, 3};
  for (int fold = 0; fold < 2; ++fold) {
    p.runs().addFold(runId, fold, train, held);
    p.runs().updateFold(runId, fold, RunStatus::Finished, 4, 3, 0.5);
    const std::vector<MetricPoint> points{{1, std::nullopt, "train_loss", 0.9}, {3, 1, "val_loss", 0.5}};
    p.runs().appendMetrics(runId, fold, points);
    for (CheckpointKind kind : {CheckpointKind::Best, CheckpointKind::Latest})
      p.runs().storeCheckpoint(runId, fold, CheckpointData{kind, 3, 1, R"({"lr":0.001})", {1, 2, 3, 4, 5, 6, 7, 8}});
  }
  PredictionScores scores;
  scores.image = {0.125, 0.25, 0.5};
  for (int64_t s = 0; s < working.size[0]; ++s) scores.perSlice.push_back({0.1, 0.2, 0.3});
  const PredictionKey key{runId, {0, 1}, imageId};
  const int64_t predictionId =
      p.predictions().put(key, p.arrays().id(imageId).value(), ramp(working), scores);
  const std::array<int, 2> folds{0, 1};
  p.thresholds().propose(runId, folds, 0.4, R"({"fpr":0.05})");
  p.thresholds().setUser(runId, folds, 0.45);
  FindingData d;
  d.bboxMin = {0, 1, 1};
  d.bboxMax = {2, 3, 3};
  d.centroidVoxel = {0.5, 1.5, 1.5};
  d.centroidMm = {1.0, 2.0, 3.0};
  d.sizeVoxels = 5;
  d.sizeMm = 12.5;
  d.maxScore = 0.9;
  d.meanScore = 0.6;
  d.sliceIndex = 1;
  d.sopInstanceUid = "1.2.3.4";
  const auto ids = p.findings().replaceAutomatic(predictionId, 0.45, std::vector{d, d});
  p.reviews().record(ids[0], ReviewState::Accepted, "looks real", "seed");
  p.findings().setCategory(ids[0], p.findings().categories().front().id);
  p.settings().setColourScale(runId, ColourScale{0.0, 1.0, "inferno"});
}

}  // namespace

void writeSeedProject(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
  {
    Project p = Project::create(path);
    const Dataset healthy = p.datasets().create("healthy", DatasetRole::Healthy, "brain 3D");
    const Dataset test = p.datasets().create("test", DatasetRole::Test, "chest x-ray");
    const Shape working(3, 5, 4);
    const int64_t volume = p.images().insert(healthy.id, newImage("brain.nii.gz", Shape(6, 10, 8), working));
    p.groundTruth().storeMask(volume, stripes(Shape(6, 10, 8)), "/data/brain-mask.nii.gz");
    const int64_t xray = p.images().insert(test.id, newImage("cxr.png", Shape(16, 12), Shape(8, 6)));
    p.groundTruth().storeBoxes(xray, {AnnotatedBox{"Nodule", 1.0, 2.0, 5.5, 7.25}}, "/data/boxes.csv");
    ImageMetadata failed;
    failed.sourcePath = "/data/broken.dcm";
    p.images().recordFailure(healthy.id, failed, "truncated at byte 132");
    addRun(p, healthy.id, volume, working);
    p.settings().setInt("import/threads", 2);
    p.settings().setReal("view/zoom", 1.5);
    p.settings().setBool("view/overlay", true);
  }
  compactProjectFile(path);
}

void compactProjectFile(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;", nullptr, nullptr, nullptr);
  const std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  sqlite3_close_v2(db);
  if (rc != SQLITE_OK) throw std::runtime_error(path.string() + ": cannot compact: " + message);
}

}  // namespace lightbox::fuzz
