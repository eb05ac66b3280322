#include "import_presets.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "lightbox/imageio/preprocess.h"

namespace lightbox::workflows {

namespace {

const std::pair<ImportPreset, const char*> kNames[] = {
    {ImportPreset::Auto, "auto"},
    {ImportPreset::Brain3D, "brain-3d"},
    {ImportPreset::ChestXray2D, "chest-xray-2d"},
    {ImportPreset::BrainSlices2D, "brain-slices-2d"},
    {ImportPreset::Image2D, "image-2d"},
    {ImportPreset::None, "none"},
};

std::string mappingJson(const imageio::IndexMapping& m, int ndim, long long slice = -1) {
  std::ostringstream out;
  out.precision(17);
  out << "{\"to_original_index\":{\"scale\":[";
  for (int d = 0; d < ndim; ++d) out << (d ? "," : "") << m.scale[size_t(d)];
  out << "],\"offset\":[";
  for (int d = 0; d < ndim; ++d) out << (d ? "," : "") << m.offset[size_t(d)];
  out << "]}";
  if (slice >= 0) out << ",\"original_slice_axis0\":" << slice;
  out << "}";
  return out.str();
}

project::ArrayData single(imageio::Preprocessed p, const std::string& kind = "preprocessed", long long slice = -1) {
  project::ArrayData a;
  a.kind = kind;
  a.mapping = mappingJson(p.toOriginal, p.image.ndim(), slice);
  a.image = std::move(p.image);
  a.mask = std::move(p.foreground);
  return a;
}

ImportPreset resolve(ImportPreset preset, const Image& image, const ImageHints& hints) {
  if (preset != ImportPreset::Auto) return preset;
  if (image.ndim() == 3) return ImportPreset::Brain3D;
  const bool radiograph = hints.modality == "CR" || hints.modality == "DX" || hints.modality == "DR";
  return radiograph ? ImportPreset::ChestXray2D : ImportPreset::Image2D;
}

void requireDims(const Image& image, int ndim, ImportPreset preset) {
  if (image.ndim() != ndim)
    throw std::invalid_argument("preset " + presetName(preset) + " needs a " + std::to_string(ndim) +
                                "D image, this one is " + std::to_string(image.ndim()) + "D (" +
                                image.shape().toString() + ")");
}

}  // namespace

std::optional<ImportPreset> parseImportPreset(const std::string& name) {
  for (const auto& [p, n] : kNames)
    if (name == n) return p;
  return std::nullopt;
}

std::string presetName(ImportPreset preset) {
  for (const auto& [p, n] : kNames)
    if (p == preset) return n;
  return "?";
}

PresetOutput applyPreset(ImportPreset requested, const Image& image, const ImageHints& hints) {
  const ImportPreset preset = resolve(requested, image, hints);
  if (image.channels() != 1) throw std::invalid_argument("only single-channel images can be preprocessed");
  PresetOutput out;
  switch (preset) {
    case ImportPreset::Brain3D: {
      requireDims(image, 3, preset);
      imageio::Preprocessed p = imageio::preprocessBrain3D(image);
      out.description = p.description;
      out.arrays.push_back(single(std::move(p)));
      break;
    }
    case ImportPreset::ChestXray2D: {
      requireDims(image, 2, preset);
      imageio::ChestXrayOptions o;
      o.hasWindow = hints.hasWindow;
      o.windowCentre = hints.windowCentre;
      o.windowWidth = hints.windowWidth;
      imageio::Preprocessed p = imageio::preprocessChestXray2D(image, o);
      out.description = p.description;
      out.arrays.push_back(single(std::move(p)));
      break;
    }
    case ImportPreset::BrainSlices2D: {
      requireDims(image, 3, preset);
      auto slices = imageio::preprocessBrainSlices2D(image);
      if (slices.empty()) throw std::invalid_argument("no axial slice holds enough brain");
      out.description = std::to_string(slices.size()) + " axial slices of " + std::to_string(image.shape()[0]);
      for (auto& s : slices) {
        char kind[32];
        std::snprintf(kind, sizeof kind, "slice:%04lld", static_cast<long long>(s.sliceIndex));
        out.arrays.push_back(single(std::move(s.slice), kind, s.sliceIndex));
      }
      break;
    }
    case ImportPreset::Image2D: {
      requireDims(image, 2, preset);
      imageio::Preprocessed p = imageio::preprocessImage2D(image);
      out.description = p.description;
      out.arrays.push_back(single(std::move(p)));
      break;
    }
    case ImportPreset::None:
    case ImportPreset::Auto: {
      project::ArrayData a;
      a.image = image;
      a.mapping = "{\"to_original_index\":\"identity\"}";
      out.arrays.push_back(std::move(a));
      out.description = "stored as read";
      break;
    }
  }
  out.description = "preset " + presetName(preset) + ": " + out.description;
  return out;
}

project::Thumbnail makeThumbnail(const Image& image, int maxSide) {
  const Shape& s = image.shape();
  const float* plane = image.channel(0);
  int64_t rows = s[0], cols = s[1];
  if (s.ndim == 3) {
    plane += (s[0] / 2) * s[1] * s[2];
    rows = s[1];
    cols = s[2];
  }
  std::vector<float> sorted(plane, plane + rows * cols);
  std::sort(sorted.begin(), sorted.end());
  const float lo = sorted[size_t(0.01 * double(sorted.size() - 1))];
  float hi = sorted[size_t(0.99 * double(sorted.size() - 1))];
  if (!(hi > lo)) hi = lo + 1.0f;

  const double scale = std::max(1.0, double(std::max(rows, cols)) / maxSide);
  project::Thumbnail t;
  t.width = std::max(1, int(std::lround(double(cols) / scale)));
  t.height = std::max(1, int(std::lround(double(rows) / scale)));
  t.grey.resize(size_t(t.width) * size_t(t.height));
  for (int y = 0; y < t.height; ++y)
    for (int x = 0; x < t.width; ++x) {
      const int64_t r = std::min<int64_t>(rows - 1, int64_t((y + 0.5) * scale));
      const int64_t c = std::min<int64_t>(cols - 1, int64_t((x + 0.5) * scale));
      const double v = (plane[r * cols + c] - lo) / (hi - lo);
      t.grey[size_t(y) * size_t(t.width) + size_t(x)] = uint8_t(std::lround(255.0 * std::clamp(v, 0.0, 1.0)));
    }
  return t;
}

}  // namespace lightbox::workflows
