#include "lightbox/workflows/simulated_lesions.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <stdexcept>

#include "held_out_slices.h"
#include "import_presets.h"
#include "lightbox/core/morphology.h"
#include "lightbox/core/random.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/image_view.h"
#include "lightbox/project/sha256.h"
#include "lightbox/project/transaction.h"

namespace lightbox::workflows {

namespace {

struct Lesion {
  double cy = 0, cx = 0, ry = 0, rx = 0, angle = 0, amplitude = 0;
};

// Radius of the ellipse through (y, x), 1 on its boundary.
double ellipseRadius(const Lesion& l, double y, double x) {
  const double dy = y - l.cy, dx = x - l.cx, c = std::cos(l.angle), s = std::sin(l.angle);
  const double u = c * dy + s * dx, v = -s * dy + c * dx;
  return std::sqrt((u / l.ry) * (u / l.ry) + (v / l.rx) * (v / l.rx));
}

/// Adds the lesion to `image` and marks it in `truth`: full strength inside 0.6 of the radius, a cosine fall-off to
/// nothing at the boundary (no sharp edge for the network to key on), and ground truth where the change is at least
/// half its full strength.
int64_t insertLesion(Image& image, Mask& truth, const Mask& foreground, const Lesion& l) {
  const int64_t rows = image.shape()[0], cols = image.shape()[1];
  int64_t marked = 0;
  for (int64_t y = 0; y < rows; ++y)
    for (int64_t x = 0; x < cols; ++x) {
      const int64_t i = y * cols + x;
      if (!foreground[i]) continue;
      const double r = ellipseRadius(l, double(y), double(x));
      if (r >= 1.0) continue;
      const double w = r <= 0.6 ? 1.0 : 0.5 * (1.0 + std::cos(std::numbers::pi * (r - 0.6) / 0.4));
      image.data()[i] += float(l.amplitude * w);
      if (w >= 0.5 && !truth[i]) {
        truth[i] = 1;
        ++marked;
      }
    }
  return marked;
}

/// A lesion well inside the foreground: its centre at least its longer radius + 2 pixels from the background.
std::optional<Lesion> placeLesion(const Mask& foreground, Rng& rng) {
  const Grid<double> depth = euclideanDistanceTransform(foreground);
  Lesion l;
  l.ry = rng.uniform(3.0, 8.0);
  l.rx = rng.uniform(3.0, 8.0);
  l.angle = rng.uniform(0.0, std::numbers::pi);
  // z-normalised tissue: +-1.5..3 standard deviations, bright (oedema-like) or dark (necrosis-like) blobs.
  l.amplitude = rng.uniform(1.5, 3.0) * (rng.uniform() < 0.5 ? -1.0 : 1.0);
  std::vector<int64_t> candidates;
  const double need = std::max(l.ry, l.rx) + 2.0;
  for (int64_t i = 0; i < depth.shape().count(); ++i)
    if (depth[i] >= need) candidates.push_back(i);
  if (candidates.empty()) return std::nullopt;
  const int64_t pick = candidates[size_t(rng.randint(0, int64_t(candidates.size()) - 1))];
  l.cy = double(pick / foreground.shape()[1]);
  l.cx = double(pick % foreground.shape()[1]);
  return l;
}

/// "slice:0042" -> 42.
int64_t sliceNumber(const std::string& kind) { return std::stoll(kind.substr(kind.find(':') + 1)); }

}  // namespace

SimulatedLesionResult createSimulatedLesionTestSet(const SimulatedLesionParams& params, ProgressSink& progress) {
  if (params.holdOutEvery < 2) throw std::invalid_argument("hold out every k-th slice with k >= 2");
  project::Project proj = project::Project::open(params.projectPath);
  const auto source = proj.datasets().findByName(params.sourceDataset);
  if (!source) throw std::invalid_argument("the project has no dataset named '" + params.sourceDataset + "'");
  if (proj.datasets().findByName(params.testDataset))
    throw std::invalid_argument("the project already has a dataset named '" + params.testDataset + "'");

  struct Pick {
    int64_t imageId;
    project::ImageRecord row;
    std::string kind;
  };
  std::vector<Pick> picks;
  for (const auto& row : proj.images().list(source->id)) {
    if (row.status != project::ImportStatus::Imported || row.excluded) continue;
    std::vector<std::string> kinds = proj.arrays().kinds(row.id);
    // A slice the user excluded as not healthy (after the audit) is no base for a lesion-free background either.
    std::vector<std::string> excluded;
    for (const auto& s : detail::userExcludedSlices(proj, row.id)) excluded.push_back(s.arrayKind);
    std::erase_if(kinds, [&](const std::string& k) {
      return k.rfind("slice:", 0) != 0 || std::find(excluded.begin(), excluded.end(), k) != excluded.end();
    });
    for (size_t i = 0; i < kinds.size(); i += size_t(params.holdOutEvery)) picks.push_back({row.id, row, kinds[i]});
  }
  if (picks.empty())
    throw std::invalid_argument("dataset '" + params.sourceDataset +
                                "' has no 2D slices to hold out (import it with the brain-slices-2d preset)");

  SimulatedLesionResult result;
  project::Transaction tx(proj);  // the test set and the training exclusions exist together or not at all
  const project::Dataset test = proj.datasets().create(params.testDataset, project::DatasetRole::Test, "simulated");
  result.datasetId = test.id;
  std::map<int64_t, std::vector<std::string>> heldOut;
  for (size_t k = 0; k < picks.size(); ++k) {
    if (progress.cancelled()) throw std::runtime_error("cancelled: nothing was written");
    const Pick& p = picks[k];
    progress.progress(int64_t(k), int64_t(picks.size()), "simulating lesions");
    project::ArrayData a = *proj.arrays().load(p.imageId, p.kind);
    Rng rng = Rng::forItem(params.seed, k);
    Mask truth(a.image.shape(), 0);
    const Mask foreground = a.mask.empty() ? Mask(a.image.shape(), 1) : a.mask;
    int lesions = 0;
    if (rng.uniform() < params.lesionShare) {
      const int wanted = rng.uniform() < 0.3 ? 2 : 1;
      for (int n = 0; n < wanted; ++n)
        if (const auto l = placeLesion(foreground, rng)) {
          result.lesionPixels += insertLesion(a.image, truth, foreground, *l);
          ++lesions;
        }
    }
    project::NewImage img;
    img.meta.sourcePath = "simulated-lesions:" + p.row.meta.sourcePath + "#" + p.kind;
    img.meta.contentHash = project::sha256Hex(a.image.data(), size_t(a.image.voxelCount()) * sizeof(float));
    img.meta.format = "simulated";
    img.meta.modality = p.row.meta.modality;
    img.meta.seriesDescription = lesions ? "simulated lesion(s) on a held-out healthy slice"
                                         : "held-out healthy slice (simulated set, no lesion)";
    img.meta.channels = 1;
    img.meta.shape = a.image.shape();
    // A simulated slice is its own original; its geometry is kept in DICOM patient coordinates (LPS), as the
    // viewer and the findings report them (NIfTI sources store RAS).
    if (p.row.meta.format == "nifti") a.image.geometry() = rasToLps(a.image.geometry());
    img.meta.geometry = a.image.geometry();
    img.thumbnail = makeThumbnail(a.image);
    a.kind = "preprocessed";
    // The simulated slice is its own original; the source volume's slice is kept so findings can name it.
    a.mapping = "{\"to_original_index\":\"identity\",\"original_slice_axis0\":" +
                std::to_string(sliceNumber(p.kind)) + "}";
    img.arrays.push_back(project::EncodedArray::encode(a));
    const int64_t id = proj.images().insert(test.id, img);
    proj.groundTruth().storeMask(id, truth, "simulated");
    heldOut[p.imageId].push_back(p.kind);
    ++result.heldOutSlices;
    if (lesions) ++result.withLesions;
  }
  for (const auto& [imageId, kinds] : heldOut) detail::setHeldOutKinds(proj, imageId, kinds);
  tx.commit();
  progress.progress(int64_t(picks.size()), int64_t(picks.size()), "simulated lesions");
  return result;
}

}  // namespace lightbox::workflows
