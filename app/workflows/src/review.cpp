#include "lightbox/workflows/review.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "lightbox/core/eval/findings.h"
#include "lightbox/core/eval/image_scores.h"
#include "lightbox/core/phantoms.h"
#include "lightbox/project/project.h"
#include "lightbox/project/transaction.h"
#include "original_slices.h"
#include "review_support.h"

namespace lightbox::workflows {

namespace {

using detail::arrayKindOf;
using detail::fromState;
using detail::guarded;
using detail::openRead;
using detail::openWrite;

std::vector<int> sorted(std::vector<int> folds) {
  std::sort(folds.begin(), folds.end());
  folds.erase(std::unique(folds.begin(), folds.end()), folds.end());
  return folds;
}

project::ReviewState toState(ReviewDecision d) {
  switch (d) {
    case ReviewDecision::Accepted: return project::ReviewState::Accepted;
    case ReviewDecision::Rejected: return project::ReviewState::Rejected;
    case ReviewDecision::Unreviewed: break;
  }
  return project::ReviewState::Unreviewed;
}

ReviewState stateOf(const project::CurrentReview& c) {
  return {fromState(c.state), c.note, c.reviewer, c.reviewedAt};
}

/// NIfTI working arrays keep the file's RAS+ geometry; the review speaks LPS+ as the viewer does (image_view.h).
bool isRas(const project::ImageRecord& row) { return row.meta.format == "nifti"; }

/// Ground truth on the prediction's working grid, as evaluate.cpp derives its labels: each working voxel takes the
/// label of the original voxel it maps to (nearest), or of the boxes covering that original pixel.
std::optional<Mask> workingTruth(project::Project& proj, const project::ImageRecord& image, const Shape& shape,
                                 const std::string& mapping, std::string& kind) {
  const auto mask = proj.groundTruth().loadMask(image.id);
  const auto boxes = mask ? std::nullopt : proj.groundTruth().loadBoxes(image.id);
  if (!mask && !boxes) return std::nullopt;
  kind = mask ? "mask" : "boxes";
  const detail::OriginalSlices map(proj, image, mapping);
  Mask labels(shape, 0);
  Index w{0, 0, 0};
  do {
    const auto o = map.toOriginal(w, shape.ndim);
    if (!o) return std::nullopt;  // no mapping: no contours rather than wrong ones
    uint8_t on = 0;
    if (mask) {
      on = mask->labels.shape().contains(*o) && mask->labels.at(*o) ? 1 : 0;
    } else {
      for (const auto& b : boxes->boxes)
        if (double((*o)[0]) >= b.yMin && double((*o)[0]) <= b.yMax && double((*o)[1]) >= b.xMin &&
            double((*o)[1]) <= b.xMax)
          on = 1;
    }
    labels.at(w) = on;
  } while (nextIndex(w, shape));
  return labels;
}

}  // namespace

int64_t ReviewModel::predictions(int64_t datasetId) const {
  for (const auto& [d, n] : predictionsPerDataset)
    if (d == datasetId) return n;
  return 0;
}

const char* toString(ReviewDecision decision) {
  switch (decision) {
    case ReviewDecision::Accepted: return "accepted";
    case ReviewDecision::Rejected: return "rejected";
    case ReviewDecision::Unreviewed: break;
  }
  return "unreviewed";
}

ReviewCatalogue loadReviewCatalogue(const std::string& projectPath) {
  project::Project proj = openRead(projectPath);
  ReviewCatalogue out;
#ifdef LIGHTBOX_HAS_TRAINING
  out.canPredict = true;
#endif
  for (const auto& s : proj.datasets().list()) {
    if (s.imported == 0) continue;
    ReviewDataset d;
    d.id = s.dataset.id;
    d.name = s.dataset.name;
    d.role = std::string(project::toString(s.dataset.role));
    d.images = s.imported;
    const auto gt = proj.groundTruth().count(d.id);
    d.groundTruthMasks = gt.masks;
    d.groundTruthBoxLists = gt.boxLists;
    out.datasets.push_back(std::move(d));
  }
  std::stable_sort(out.datasets.begin(), out.datasets.end(), [](const auto& a, const auto& b) {
    if ((a.role == "test") != (b.role == "test")) return a.role == "test";
    return a.name < b.name;
  });

  for (const auto& summary : proj.runs().list()) {
    ReviewRun run;
    run.id = summary.run.id;
    run.name = summary.run.name;
    run.status = std::string(project::toString(summary.run.status));
    run.preset = summary.run.preset;
    for (const auto& f : summary.folds)
      if (f.bestStep) run.foldsWithCheckpoint.push_back(f.fold);
    std::sort(run.foldsWithCheckpoint.begin(), run.foldsWithCheckpoint.end());

    std::map<std::vector<int>, std::map<int64_t, int64_t>> predicted;
    for (const auto& p : proj.predictions().list(run.id)) ++predicted[sorted(p.folds)][p.datasetId];
    std::vector<std::vector<int>> order;
    if (run.foldsWithCheckpoint.size() > 1) order.push_back(run.foldsWithCheckpoint);
    for (int f : run.foldsWithCheckpoint) order.push_back({f});
    // Predicted fold sets not among those: widest (the ensemble) first.
    std::vector<std::vector<int>> others;
    for (const auto& [folds, _] : predicted)
      if (std::find(order.begin(), order.end(), folds) == order.end()) others.push_back(folds);
    std::stable_sort(others.begin(), others.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    order.insert(order.end(), others.begin(), others.end());
    for (const auto& folds : order) {
      ReviewModel m;
      m.runId = run.id;
      m.folds = folds;
      if (const auto it = predicted.find(folds); it != predicted.end())
        for (const auto& [d, n] : it->second) m.predictionsPerDataset.emplace_back(d, n);
      run.models.push_back(std::move(m));
    }
    if (!run.models.empty()) out.runs.push_back(std::move(run));
  }
  std::sort(out.runs.begin(), out.runs.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
  return out;
}

std::vector<ReviewImage> listReviewImages(const std::string& projectPath, int64_t runId, const std::vector<int>& folds,
                                          int64_t datasetId) {
  project::Project proj = openRead(projectPath);
  if (!proj.runs().get(runId)) throw std::invalid_argument("the project has no training run " + std::to_string(runId));
  if (!proj.datasets().get(datasetId))
    throw std::invalid_argument("the project has no dataset with id " + std::to_string(datasetId));
  const std::vector<int> model = sorted(folds);
  std::map<int64_t, ReviewImage> byImage;
  for (const auto& p : proj.predictions().list(runId, model, datasetId)) {
    ReviewImage r;
    r.imageId = p.imageId;
    r.predictionId = p.id;
    r.score = p.scores.image.mean;
    r.p75 = p.scores.image.p75;
    r.top25Mean = p.scores.image.top25Mean;
    byImage[p.imageId] = r;
  }
  for (const auto& row : proj.images().list(datasetId))
    if (auto it = byImage.find(row.id); it != byImage.end()) {
      it->second.sourcePath = row.meta.sourcePath;
      it->second.format = row.meta.format;
    }
  project::FindingQuery q;
  q.runId = runId;
  q.folds = model;
  q.datasetId = datasetId;
  for (const auto& f : proj.findings().list(q)) {
    auto it = byImage.find(f.imageId);
    if (it == byImage.end() || it->second.predictionId != f.predictionId) continue;
    ReviewImage& r = it->second;
    ++r.findings;
    if (f.review.state == project::ReviewState::Accepted) ++r.accepted;
    if (f.review.state == project::ReviewState::Rejected) ++r.rejected;
    if (!f.review.note.empty()) ++r.noted;
  }
  std::vector<ReviewImage> out;
  out.reserve(byImage.size());
  for (auto& [_, r] : byImage) out.push_back(std::move(r));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  return out;
}

ReviewImageData loadReviewImage(const std::string& projectPath, int64_t predictionId) {
  project::Project proj = openRead(projectPath);
  auto prediction = proj.predictions().get(predictionId);
  if (!prediction) throw std::invalid_argument("the project has no prediction " + std::to_string(predictionId));
  const auto row = proj.images().get(prediction->info.imageId);
  if (!row) throw std::invalid_argument("the image of prediction " + std::to_string(predictionId) + " is gone");
  const std::string kind = arrayKindOf(proj, row->id, prediction->info.arrayId);
  auto array = proj.arrays().load(row->id, kind);
  if (!array) throw std::runtime_error("the working array of " + row->meta.sourcePath + " cannot be read");

  ReviewImageData out;
  out.imageId = row->id;
  out.predictionId = predictionId;
  out.runId = prediction->info.runId;
  out.folds = prediction->info.folds;
  out.score = prediction->info.scores.image.mean;
  out.working.imageId = row->id;
  out.working.source = ViewSource::WorkingArray;
  out.working.sourcePath = row->meta.sourcePath;
  out.working.readPath = projectPath + " (" + kind + ")";
  out.working.format = row->meta.format;
  out.working.modality = row->meta.modality;
  out.working.seriesDescription = row->meta.seriesDescription;
  out.working.arrayKind = kind;
  out.working.hasPatientGeometry = row->meta.format == "dicom" || row->meta.format == "nifti" || row->meta.format == "simulated";
  out.working.fallbackReason = "the review shows the array the model saw, so that map and image share one grid";
  out.working.sameGridAsMap = true;
  out.working.image = std::move(array->image);
  out.map = std::move(prediction->map);
  out.map.geometry() = out.working.image.geometry();
  if (isRas(*row)) {
    out.working.image.geometry() = rasToLps(out.working.image.geometry());
    out.map.geometry() = out.working.image.geometry();
    out.working.convertedFromRas = true;
  }
  out.truth = workingTruth(proj, *row, out.map.shape(), array->mapping, out.truthKind);
  if (!out.truth) out.truthKind.clear();
  return out;
}

ReviewColourScale loadColourScale(const std::string& projectPath, int64_t runId) {
  project::Project proj = openRead(projectPath);
  ReviewColourScale out;
  if (const auto s = proj.settings().colourScale(runId)) {
    out.min = s->min;
    out.max = s->max;
    out.colormap = s->colormap;
    out.stored = true;
  }
  return out;
}

void storeColourScale(const std::string& projectPath, int64_t runId, const ReviewColourScale& scale) {
  project::Project proj = openWrite(projectPath);
  guarded([&] { proj.settings().setColourScale(runId, {scale.min, scale.max, scale.colormap}); });
}

ReviewColourScale suggestColourScale(const std::string& projectPath, int64_t runId, const std::vector<int>& folds,
                                     int64_t datasetId, ProgressSink& progress) {
  project::Project proj = openRead(projectPath);
  const auto list = proj.predictions().list(runId, sorted(folds), datasetId);
  // A histogram of the clipped scores in 10^4 bins: the percentile to 10^-4, in bounded memory.
  constexpr int kBins = 10000;
  std::vector<int64_t> histogram(kBins + 1, 0);
  int64_t total = 0;
  for (size_t k = 0; k < list.size(); ++k) {
    if (progress.cancelled()) break;
    progress.progress(int64_t(k), int64_t(list.size()), "reading maps");
    const auto p = proj.predictions().get(list[k].id);
    if (!p) continue;
    for (float v : p->map.values()) {
      const double c = std::clamp(double(v), 0.0, 1.0);
      ++histogram[size_t(std::lround(c * kBins))];
      ++total;
    }
  }
  progress.progress(int64_t(list.size()), int64_t(list.size()), "read");
  ReviewColourScale out = loadColourScale(projectPath, runId);
  out.min = 0.0;
  out.max = 1.0;
  out.stored = false;
  if (total == 0) return out;
  const int64_t target = int64_t(std::ceil(0.99 * double(total)));
  int64_t seen = 0;
  for (int b = 0; b <= kBins; ++b) {
    seen += histogram[size_t(b)];
    if (seen >= target) {
      out.max = std::max(0.05, double(b) / kBins);
      break;
    }
  }
  return out;
}

std::vector<ReviewFinding> listReviewFindings(const std::string& projectPath, int64_t predictionId) {
  project::Project proj = openRead(projectPath);
  const auto info = proj.predictions().info(predictionId);
  if (!info) throw std::invalid_argument("the project has no prediction " + std::to_string(predictionId));
  const auto row = proj.images().get(info->imageId);
  std::map<int64_t, std::string> categories;
  for (const auto& c : proj.findings().categories()) categories[c.id] = c.name;
  project::FindingQuery q;
  q.predictionId = predictionId;
  std::vector<ReviewFinding> out;
  for (const auto& f : proj.findings().list(q)) out.push_back(detail::toReviewFinding(f, categories));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.maxScore.value_or(-1) > b.maxScore.value_or(-1);
  });
  return out;
}

ReviewState recordReview(const std::string& projectPath, int64_t findingId, ReviewDecision decision,
                         const std::string& note, const std::string& reviewer) {
  project::Project proj = openWrite(projectPath);
  return guarded([&] {
    proj.reviews().record(findingId, toState(decision), note, reviewer);
    return stateOf(proj.reviews().current(findingId));
  });
}

std::optional<ReviewState> undoLatestReview(const std::string& projectPath, int64_t findingId,
                                            const std::string& reviewer) {
  project::Project proj = openWrite(projectPath);
  return guarded([&]() -> std::optional<ReviewState> {
    if (!proj.reviews().undo(findingId, reviewer)) return std::nullopt;
    return stateOf(proj.reviews().current(findingId));
  });
}

ReviewState currentReview(const std::string& projectPath, int64_t findingId) {
  project::Project proj = openRead(projectPath);
  return guarded([&] { return stateOf(proj.reviews().current(findingId)); });
}

std::vector<ReviewCategory> loadFindingCategories(const std::string& projectPath) {
  project::Project proj = openRead(projectPath);
  std::vector<ReviewCategory> out;
  for (const auto& c : proj.findings().categories()) out.push_back({c.id, c.name});
  return out;
}

void setFindingCategory(const std::string& projectPath, int64_t findingId, std::optional<int64_t> categoryId) {
  project::Project proj = openWrite(projectPath);
  guarded([&] { proj.findings().setCategory(findingId, categoryId); });
}

ReviewThreshold loadThreshold(const std::string& projectPath, int64_t runId, const std::vector<int>& folds) {
  project::Project proj = openRead(projectPath);
  const std::vector<int> model = sorted(folds);
  ReviewThreshold out;
  if (const auto t = proj.thresholds().current(runId, model)) {
    out.value = t->value;
    out.source = std::string(project::toString(t->source));
  }
  if (const auto p = proj.thresholds().latest(runId, model, project::ThresholdSource::Proposed)) out.proposed = p->value;
  return out;
}

void storeUserThreshold(const std::string& projectPath, int64_t runId, const std::vector<int>& folds, double value) {
  if (!(value >= 0.0 && value <= 1.0)) throw std::invalid_argument("a threshold lies in [0, 1]");
  project::Project proj = openWrite(projectPath);
  const std::vector<int> model = sorted(folds);
  guarded([&] { proj.thresholds().setUser(runId, model, value, R"({"set_by":"review workspace"})"); });
}

int64_t clearUserThreshold(const std::string& projectPath, int64_t runId, const std::vector<int>& folds) {
  project::Project proj = openWrite(projectPath);
  const std::vector<int> model = sorted(folds);
  return guarded([&] { return proj.thresholds().clearUser(runId, model); });
}

RefindResult refindFindings(const RefindParams& params, ProgressSink& progress) {
  if (!(params.threshold >= 0.0 && params.threshold <= 1.0)) throw std::invalid_argument("a threshold lies in [0, 1]");
  if (params.minFindingVoxels < 1) throw std::invalid_argument("the minimum finding size is at least one voxel");
  project::Project proj = openWrite(params.projectPath);
  if (!proj.runs().get(params.runId))
    throw std::invalid_argument("the project has no training run " + std::to_string(params.runId));
  const std::vector<int> model = sorted(params.folds);
  const auto list = proj.predictions().list(params.runId, model,
                                            params.datasetId ? std::optional<int64_t>(params.datasetId) : std::nullopt);
  if (params.storeAsUserThreshold)
    guarded([&] { proj.thresholds().setUser(params.runId, model, params.threshold, R"({"set_by":"review workspace"})"); });
  RefindResult result;
  for (size_t k = 0; k < list.size(); ++k) {
    if (progress.cancelled()) {
      result.cancelled = true;
      break;
    }
    progress.progress(int64_t(k), int64_t(list.size()), "finding regions");
    const auto prediction = proj.predictions().get(list[k].id);
    const auto row = proj.images().get(list[k].imageId);
    if (!prediction || !row) continue;
    const std::string kind = arrayKindOf(proj, row->id, list[k].arrayId);
    const auto array = proj.arrays().load(row->id, kind);
    if (!array) continue;
    const Image& map = prediction->map;
    const detail::OriginalSlices slices(proj, *row, array->mapping);
    eval::FindingOptions fo;
    fo.threshold = params.threshold;
    fo.minVoxels = params.minFindingVoxels;
    const auto found = detail::findingsOf(map, array->image.geometry(), *row, slices, fo);  // as predict does
    project::Transaction tx(proj);
    const auto before = proj.findings().counts(list[k].id);
    proj.findings().replaceAutomatic(list[k].id, params.threshold, found, project::ReviewedFindings::Keep);
    tx.commit();
    ++result.predictions;
    result.findings += int64_t(found.size());
    result.keptReviewed += before.reviewed;
  }
  progress.progress(int64_t(list.size()), int64_t(list.size()), "found");
  return result;
}

namespace {

/// A smooth bump of height `peak` and radius `r` (voxels) at `c`, added into `map` (max, not sum).
void addBlob(Image& map, const std::array<double, 3>& c, double r, double peak) {
  const Shape& s = map.shape();
  Index i{0, 0, 0};
  float* v = map.data();
  int64_t k = 0;
  do {
    double d2 = 0;
    for (int a = 0; a < s.ndim; ++a) d2 += (double(i[a]) - c[size_t(a)]) * (double(i[a]) - c[size_t(a)]);
    const double x = peak * std::exp(-d2 / (2 * r * r * 0.5));
    v[k] = std::max(v[k], float(x));
    ++k;
  } while (nextIndex(i, s));
}

Mask ball(const Shape& s, const std::array<double, 3>& c, double r) {
  Mask m(s, 0);
  Index i{0, 0, 0};
  do {
    double d2 = 0;
    for (int a = 0; a < s.ndim; ++a) d2 += (double(i[a]) - c[size_t(a)]) * (double(i[a]) - c[size_t(a)]);
    if (d2 <= r * r) m.at(i) = 1;
  } while (nextIndex(i, s));
  return m;
}

}  // namespace

int64_t writeSyntheticReviewProject(const std::string& projectPath, int images2d, bool volume3d) {
  if (std::filesystem::exists(projectPath)) throw std::invalid_argument(projectPath + " exists already");
  project::Project proj = project::Project::create(projectPath);
  const auto healthy = proj.datasets().create("healthy-demo", project::DatasetRole::Healthy);
  (void)healthy;
  const auto test = proj.datasets().create("review-demo", project::DatasetRole::Test);
  project::NewRun nr;
  nr.name = "demo";
  nr.preset = "cpu-quick-2d";
  nr.configJson = R"({"synthetic":"review demo: maps are made up, not a model's output"})";
  nr.seed = 1;
  nr.device = "none";
  nr.datasetId = healthy.id;
  const int64_t run = proj.runs().create(nr);
  const std::vector<int> t0{0, 1}, t1{2, 3}, h0{4}, h1{1};
  proj.runs().addFold(run, 0, t0, h0);
  proj.runs().addFold(run, 1, t1, h1);
  proj.runs().setStatus(run, project::RunStatus::Finished);
  const std::vector<int> folds{0, 1};
  const double threshold = 0.5;
  proj.thresholds().propose(run, folds, threshold, R"({"synthetic":true})");

  struct Item {
    Shape shape;
    std::vector<std::pair<std::array<double, 3>, double>> lesions;  // centre, radius
    std::array<double, 3> falsePositive;
  };
  std::vector<Item> items;
  for (int i = 0; i < images2d; ++i) {
    Item it{Shape(96, 96), {}, {20.0 + 5 * i, 70.0, 0}};
    it.lesions.push_back({{40.0 + 4 * i, 35.0 + 3 * i, 0}, 5.0 + i % 3});
    if (i % 2 == 0) it.lesions.push_back({{62.0, 52.0 - 2 * i, 0}, 4.0});
    items.push_back(it);
  }
  if (volume3d) items.push_back({Shape(24, 64, 64), {{{12.0, 30.0, 26.0}, 4.0}}, {8.0, 44.0, 42.0}});

  for (size_t n = 0; n < items.size(); ++n) {
    const Item& it = items[n];
    const bool is3d = it.shape.ndim == 3;
    project::NewImage ni;
    ni.meta.sourcePath = "review-demo:" + std::string(is3d ? "volume" : "image") + std::to_string(n) +
                         (is3d ? ".nii.gz" : ".png");
    ni.meta.contentHash = std::string(60, 'd') + std::to_string(1000 + n);
    ni.meta.format = is3d ? "synthetic-3d" : "png";
    ni.meta.channels = 1;
    ni.meta.shape = it.shape;
    ni.meta.seriesDescription = "synthetic review demo (not anatomy)";
    project::ArrayData a;
    a.image = phantom::objectImage(it.shape, 77 + n);
    Geometry g = a.image.geometry();
    g.spacing = {is3d ? 2.0 : 0.8, 0.8, 0.8};
    if (!is3d) g.spacing = {0.8, 0.8, 1.0};
    a.image.geometry() = g;
    ni.meta.geometry = g;
    Mask truth(it.shape, 0);
    for (const auto& [c, r] : it.lesions) {
      const Mask b = ball(it.shape, c, r);
      for (int64_t k = 0; k < truth.count(); ++k) truth.values()[size_t(k)] |= b.values()[size_t(k)];
    }
    // The lesions are brighter in the image, so the demo looks like something was found.
    for (int64_t k = 0; k < truth.count(); ++k)
      if (truth.values()[size_t(k)]) a.image.values()[size_t(k)] += 0.6f;
    a.mapping = R"({"to_original_index":"identity"})";
    ni.arrays.push_back(project::EncodedArray::encode(a));
    const int64_t imageId = proj.images().insert(test.id, ni);
    proj.groundTruth().storeMask(imageId, truth, "synthetic");

    Image map(1, it.shape, 0.0f);
    map.geometry() = g;
    for (size_t l = 0; l < it.lesions.size(); ++l)
      addBlob(map, it.lesions[l].first, it.lesions[l].second, 0.95 - 0.1 * double(l) - 0.03 * double(n));
    addBlob(map, it.falsePositive, 3.0, 0.62 + 0.02 * double(n));
    // A faint background so the colour scale has something to show and image scores differ.
    for (float& v : map.values()) v = std::max(v, 0.04f + 0.01f * float(n));
    const auto whole = eval::imageScores(map.values());
    project::PredictionScores scores;
    scores.image = {whole.mean, whole.percentile75, whole.topQuarterMean};
    if (is3d)
      for (const auto& s : eval::sliceScores(map.values(), map.shape()))
        scores.perSlice.push_back({s.mean, s.percentile75, s.topQuarterMean});
    const auto arrayId = proj.arrays().id(imageId, "preprocessed");
    const int64_t predictionId = proj.predictions().put({run, folds, imageId}, *arrayId, map, scores);
    const auto row = proj.images().get(imageId);
    const detail::OriginalSlices slices(proj, *row, a.mapping);
    eval::FindingOptions fo;
    fo.threshold = threshold;
    fo.minVoxels = 4;
    const auto found = detail::findingsOf(map, map.geometry(), *row, slices, fo);
    proj.findings().replaceAutomatic(predictionId, threshold, found);
  }
  return run;
}

namespace detail {

std::string arrayKindOf(project::Project& proj, int64_t imageId, int64_t arrayId) {
  for (const auto& kind : proj.arrays().kinds(imageId))
    if (proj.arrays().id(imageId, kind) == arrayId) return kind;
  throw std::runtime_error("the working array of image " + std::to_string(imageId) + " is gone");
}

ReviewDecision fromState(project::ReviewState s) {
  switch (s) {
    case project::ReviewState::Accepted: return ReviewDecision::Accepted;
    case project::ReviewState::Rejected: return ReviewDecision::Rejected;
    case project::ReviewState::Unreviewed: break;
  }
  return ReviewDecision::Unreviewed;
}

ReviewFinding toReviewFinding(const project::Finding& f, const std::map<int64_t, std::string>& categories) {
  ReviewFinding r;
  r.id = f.id;
  r.predictionId = f.predictionId;
  r.imageId = f.imageId;
  r.ndim = int(f.data.centroidVoxel.size());
  r.bboxMin = f.data.bboxMin;
  r.bboxMax = f.data.bboxMax;
  r.centroidVoxel = f.data.centroidVoxel;
  r.centroidMm = f.data.centroidMm;  // stored in LPS already (original_slices.h)
  r.sizeVoxels = f.data.sizeVoxels;
  r.sizeMm = f.data.sizeMm;
  r.maxScore = f.data.maxScore;
  r.meanScore = f.data.meanScore;
  r.threshold = f.threshold;
  r.sliceIndex = f.data.sliceIndex;
  r.manual = f.manual;
  r.manualShape = f.manualShape;
  r.adjusted = !f.manual && f.hasExtent;
  r.categoryId = f.categoryId;
  if (f.categoryId)
    if (const auto c = categories.find(*f.categoryId); c != categories.end()) r.category = c->second;
  r.decision = fromState(f.review.state);
  r.note = f.review.note;
  r.reviewer = f.review.reviewer;
  r.reviewedAt = f.review.reviewedAt;
  return r;
}

}  // namespace detail

}  // namespace lightbox::workflows
