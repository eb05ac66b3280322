#include "lightbox/workflows/preview.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lightbox/core/tasks/task_factory.h"
#include "lightbox/imageio/png_writer.h"
#include "preview_inputs.h"
#include "sample_montage.h"
#include "task_sampling.h"

namespace lightbox::workflows {

namespace {

nlohmann::json sampleStatistics(const SyntheticSample& s, const Image& original) {
  const int64_t n = original.voxelCount();
  int64_t inMask = 0;
  double labelSum = 0.0, changeSum = 0.0;
  for (int64_t k = 0; k < n; ++k) {
    if (!s.anomalyMask[k]) continue;
    ++inMask;
    labelSum += s.label[k];
    double change = 0.0;
    for (int c = 0; c < original.channels(); ++c) change += std::abs(s.augmented.channel(c)[k] - original.channel(c)[k]);
    changeSum += change / original.channels();
  }
  nlohmann::json anomalies = nlohmann::json::array();
  for (const AnomalyRecord& a : s.anomalies) {
    nlohmann::json corner = nlohmann::json::array(), size = nlohmann::json::array();
    for (int d = 0; d < a.box.size.ndim; ++d) {
      corner.push_back(a.box.corner[d]);
      size.push_back(a.box.size[d]);
    }
    anomalies.push_back({{"box_corner", corner},
                         {"box_size", size},
                         {"shape", a.kind == ShapeKind::Ellipse ? "ellipse" : "rectangle"},
                         {"voxels", a.voxels},
                         {"placed_on_object", a.onObject}});
  }
  return {{"anomaly_count", s.anomalies.size()},
          {"mask_voxels", inMask},
          {"mask_fraction", double(inMask) / double(n)},
          {"label_mean_in_mask", inMask ? labelSum / double(inMask) : 0.0},
          {"mean_abs_change_in_mask", inMask ? changeSum / double(inMask) : 0.0},
          {"anomalies", anomalies}};
}

void writeJson(const std::filesystem::path& path, const nlohmann::json& j) {
  // Written beside and renamed, so an interrupted run never leaves a truncated file that looks complete.
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial);
    out << j.dump(2) << '\n';
    if (!out) throw std::runtime_error("cannot write " + partial.string());
  }
  std::filesystem::rename(partial, path);
}

}  // namespace

PreviewResult runPreview(const PreviewParams& params, ProgressSink& progress) {
  if (params.samplesPerTask < 1) throw std::invalid_argument("the number of samples per task must be at least 1");
  if (params.outputDirectory.empty()) throw std::invalid_argument("no output folder given");
  const std::vector<TaskId> tasks = params.tasks.empty() ? paperTasks() : params.tasks;

  PreviewResult result;
  progress.progress(0, 0, "reading " + params.imagePath);
  PreparedImage input = prepareImage(params.imagePath, params.preset, result.warnings);
  result.inputDescription = input.description;
  const int ndim = input.image.ndim();

  auto same = std::make_shared<ImageSet>();
  same->push_back(makeRecord(input.image, input.objectMask));
  const auto extraHealthy = prepareSources(params.sameDatasetPaths, ndim, params.preset, result.warnings);
  same->insert(same->end(), extraHealthy->begin(), extraHealthy->end());
  const auto other = prepareSources(params.blendSourcePaths, ndim, params.preset, result.warnings);
  const ImageRecord& record = *same->front();
  const TaskSettings settings = ndim == 3 ? TaskSettings::paperBrain3D() : TaskSettings::paperChestXray2D();

  const std::filesystem::path outDir(params.outputDirectory);
  std::error_code ec;
  std::filesystem::create_directories(outDir, ec);
  if (ec) throw std::runtime_error("cannot create the output folder " + outDir.string() + ": " + ec.message());

  nlohmann::json samples = nlohmann::json::array();
  const long long total = (long long)tasks.size() * params.samplesPerTask;
  long long done = 0;
  for (TaskId id : tasks) {
    std::shared_ptr<const AnomalyTask> task;
    try {
      task = makeTask(id, settings, {same, other});
    } catch (const std::invalid_argument& e) {
      result.warnings.push_back(std::string("skipped ") + std::string(taskKey(id)) + ": " + e.what() +
                                (id == TaskId::InterPoisson ? " (give one with --blend-source)" : ""));
      done += params.samplesPerTask;
      continue;
    }
    for (int k = 0; k < params.samplesPerTask && !progress.cancelled(); ++k) {
      progress.progress(done, total, std::string(taskKey(id)) + " sample " + std::to_string(k));
      const SyntheticSample s = detail::previewSample(*task, record, settings, params.seed, uint64_t(k));

      const std::string title = std::string(taskDisplayName(id)) + " | sample " + std::to_string(k) + " | seed " +
                                std::to_string(params.seed) + " | " + std::to_string(s.anomalies.size()) +
                                (s.anomalies.size() == 1 ? " anomaly" : " anomalies");
      const Figure fig = renderSampleMontage({&record.image, &record.objectMask, &s, title});
      const std::filesystem::path png = outDir / (std::string(taskKey(id)) + "-" + std::to_string(k) + ".png");
      std::vector<imageio::Caption> captions;
      for (const auto& c : fig.captions()) captions.push_back({c.x, c.y, c.text});
      imageio::writePng(png.string(), fig.width(), fig.height(), 3, fig.pixels().data(), captions);

      nlohmann::json stats = sampleStatistics(s, record.image);
      stats["task"] = taskKey(id);
      stats["sample"] = k;
      stats["montage"] = png.filename().string();
      samples.push_back(std::move(stats));
      result.samples.push_back({id, k, png.string()});
      progress.progress(++done, total, std::string(taskKey(id)) + " sample " + std::to_string(k));
    }
  }

  const std::filesystem::path jsonPath = outDir / "preview.json";
  writeJson(jsonPath, {{"input", params.imagePath},
                       {"input_description", result.inputDescription},
                       {"working_shape", record.image.shape().toString()},
                       {"seed", params.seed},
                       {"cancelled", progress.cancelled()},
                       {"warnings", result.warnings},
                       {"samples", samples}});
  result.statisticsPath = jsonPath.string();
  return result;
}

}  // namespace lightbox::workflows
