#include "lightbox/workflows/import.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "ground_truth_import.h"
#include "import_plan.h"
#include "import_unit.h"
#include "lightbox/project/project.h"

namespace lightbox::workflows {

namespace {

/// Workers prepare units ahead of the single writer, at most `window` units ahead so memory stays flat however many
/// files are imported. Results are written in plan order, so an import is deterministic whatever the timing.
class UnitPipeline {
 public:
  UnitPipeline(const std::vector<ImportUnit>& units, ImportPreset preset, std::set<std::string> knownHashes,
               int threads)
      : units_(units), preset_(preset), known_(std::move(knownHashes)), window_(size_t(std::max(2, 2 * threads))) {
    for (int t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
  }
  ~UnitPipeline() { stop(); }

  struct Result {
    PreparedUnit prepared;
    bool duplicate = false;
  };

  /// Blocks until unit `index` is prepared.
  Result take(size_t index) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return results_.count(index) > 0; });
    Result r = std::move(results_[index]);
    results_.erase(index);
    written_ = index + 1;
    space_.notify_all();
    return r;
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    space_.notify_all();
    for (auto& w : workers_)
      if (w.joinable()) w.join();
  }

 private:
  void work() {
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex_);
        space_.wait(lock, [&] { return stopping_ || next_ >= units_.size() || next_ < written_ + window_; });
        if (stopping_ || next_ >= units_.size()) return;
        index = next_++;
      }
      Result r = prepare(units_[index]);
      {
        std::lock_guard lock(mutex_);
        results_[index] = std::move(r);
      }
      ready_.notify_all();
    }
  }

  Result prepare(const ImportUnit& unit) {
    Result r;
    std::vector<project::SourceFile> files;
    std::string hash;
    try {
      hash = hashUnit(unit, files);
    } catch (const std::exception& e) {
      r.prepared.meta.sourcePath = unit.displayPath;
      r.prepared.error = e.what();
      return r;
    }
    {
      // Duplicates (already in the dataset, or twice in this import) are recognised before anything is decoded.
      std::lock_guard lock(mutex_);
      if (!known_.insert(hash).second) {
        r.duplicate = true;
        r.prepared.meta.sourcePath = unit.displayPath;
        return r;
      }
    }
    r.prepared = prepareUnit(unit, preset_, hash, std::move(files));
    return r;
  }

  const std::vector<ImportUnit>& units_;
  ImportPreset preset_;
  std::set<std::string> known_;
  size_t window_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::map<size_t, Result> results_;
  size_t next_ = 0, written_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

project::Dataset datasetFor(project::Project& p, const ImportParams& params, ImportPreset preset) {
  const auto role = project::parseDatasetRole(params.role);
  if (!role) throw std::invalid_argument("unknown role '" + params.role + "' (healthy, test or blend)");
  const std::string name = params.datasetName.empty() ? params.role : params.datasetName;
  if (auto existing = p.datasets().findByName(name)) {
    if (existing->role != *role)
      throw std::invalid_argument("dataset '" + name + "' exists with role " +
                                  std::string(project::toString(existing->role)) + ", not " + params.role);
    return *existing;
  }
  return p.datasets().create(name, *role, presetName(preset));
}

/// A folder being imported may hold the project itself (and its -wal/-shm files): those are never images.
void excludeProjectFiles(ScanResult& scan, const std::string& projectPath) {
  std::error_code ec;
  const std::string project = std::filesystem::weakly_canonical(projectPath, ec).string();
  std::erase_if(scan.files, [&](const std::string& f) {
    const std::string c = std::filesystem::weakly_canonical(f, ec).string();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      if (c == project + suffix) return true;
    return false;
  });
}

/// Failures are stored without their content hash, so that a later successful import of the same bytes (say, with a
/// newer reader) is not refused as a duplicate of the failure.
void recordFailure(project::Project& proj, int64_t datasetId, project::ImageMetadata meta, const std::string& why) {
  meta.contentHash.clear();
  try {
    proj.images().recordFailure(datasetId, meta, why);
  } catch (const project::ProjectError&) {
    // A failure that cannot even be recorded is still reported to the caller.
  }
}

}  // namespace

std::vector<std::string> importPresetNames() {
  return {"auto", "brain-3d", "chest-xray-2d", "brain-slices-2d", "image-2d", "none"};
}

ImportResult runImport(const ImportParams& params, ProgressSink& progress) {
  const auto preset = parseImportPreset(params.preset);
  if (!preset) throw std::invalid_argument("unknown preset '" + params.preset + "'");
  if (params.paths.empty()) throw std::invalid_argument("nothing to import: no files or folders given");

  project::Project proj = project::Project::open(params.projectPath);
  ImportResult result;
  const project::Dataset dataset = datasetFor(proj, params, *preset);
  result.datasetId = dataset.id;

  const auto stop = [&] { return progress.cancelled(); };
  progress.progress(0, 0, "looking for images");
  ScanResult scan = scanInputs(params.paths, stop);
  excludeProjectFiles(scan, params.projectPath);
  GroundTruthSources groundTruth = loadGroundTruth(params, scan);  // takes the mask files out of the scan
  progress.progress(0, 0, "reading headers of " + std::to_string(scan.files.size()) + " files");
  const ImportPlan plan = planImport(scan, stop);
  result.warnings = plan.warnings;
  for (const auto& f : plan.failures) result.failed.push_back({f.path, f.reason});
  if (progress.cancelled()) {
    result.cancelled = true;
    return result;
  }

  for (const auto& f : plan.failures) {
    project::ImageMetadata meta;
    meta.sourcePath = f.path;
    recordFailure(proj, dataset.id, meta, f.reason);
  }
  std::set<std::string> known;
  for (const auto& img : proj.images().list(dataset.id))
    if (img.status == project::ImportStatus::Imported) known.insert(img.meta.contentHash);
  const int threads = params.threads > 0 ? params.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  UnitPipeline pipeline(plan.units, *preset, std::move(known), threads);

  const long long total = (long long)plan.units.size();
  for (size_t i = 0; i < plan.units.size(); ++i) {
    if (progress.cancelled()) {
      result.cancelled = true;
      break;
    }
    UnitPipeline::Result r = pipeline.take(i);
    const std::string& path = plan.units[i].displayPath;
    for (const auto& w : r.prepared.warnings) result.warnings.push_back(path + ": " + w);
    if (r.duplicate) {
      ++result.duplicates;
    } else if (r.prepared.image) {
      try {
        project::Transaction tx(proj);  // an image and its ground truth are committed together, or neither
        const int64_t imageId = proj.images().insert(dataset.id, *r.prepared.image);
        attachGroundTruth(proj, imageId, plan.units[i], r.prepared.meta, groundTruth, result);
        tx.commit();
        ++result.imported;
        result.arrays += int64_t(r.prepared.arrayCount);
      } catch (const GroundTruthError& e) {
        result.failed.push_back({path, e.what()});
        recordFailure(proj, dataset.id, r.prepared.meta, e.what());
      } catch (const project::ProjectError& e) {
        if (e.kind() == project::ErrorKind::Duplicate) {
          ++result.duplicates;
        } else if (e.kind() == project::ErrorKind::Io || e.kind() == project::ErrorKind::Busy) {
          // The disk is full or the project is locked: every later image would fail the same way.
          result.fatal = e.what();
          break;
        } else {
          result.failed.push_back({path, e.reason()});
        }
      }
    } else {
      result.failed.push_back({path, r.prepared.error});
      recordFailure(proj, dataset.id, r.prepared.meta, r.prepared.error);
    }
    progress.progress((long long)i + 1, total, path);
  }
  pipeline.stop();
  reportGroundTruth(groundTruth, params, result);
  return result;
}

}  // namespace lightbox::workflows
