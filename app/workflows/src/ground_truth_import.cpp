#include "ground_truth_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "lightbox/imageio/file_kind.h"
#include "lightbox/imageio/image_reader.h"
#include "lightbox/project/project.h"

namespace lightbox::workflows {

namespace fs = std::filesystem;

namespace {

constexpr size_t kNamesShown = 5;  // in a warning about unpaired masks or ids

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::path(path), ec);
  if (ec) c = fs::absolute(fs::path(path), ec).lexically_normal();
  if (!c.has_filename() && c.has_parent_path()) c = c.parent_path();  // "dir/" compares as "dir"
  return c.string();
}

bool isInside(const std::string& path, const std::string& folder) {
  const fs::path p(path), f(folder);
  return std::mismatch(f.begin(), f.end(), p.begin(), p.end()).first == f.end();
}

/// "a, b, c, ... (N more)": names in a warning, at most kNamesShown of them.
std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (size_t k = 0; k < names.size() && k < kNamesShown; ++k) out += (k ? ", " : "") + names[k];
  if (names.size() > kNamesShown) out += ", ... (" + std::to_string(names.size() - kNamesShown) + " more)";
  return out;
}

/// Shortest round-trip form: CSV coordinates read back as the user wrote them ("12.75", not "12.750000").
std::string num(double v) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, v).ptr;
  return std::string(text, end);
}

std::string shapeText(const Shape& s) {
  std::string out = "[";
  for (int d = 0; d < s.ndim; ++d) out += (d ? "," : "") + std::to_string(s[d]);
  return out + "]";
}

MaskIndex indexMasks(const ImportParams& params, ScanResult& scan, std::vector<std::string>& warnings) {
  std::error_code ec;
  if (!fs::is_directory(params.masksPath, ec))
    throw std::invalid_argument("--masks " + params.masksPath + ": not a folder");
  const std::string dir = canonical(params.masksPath);
  bool shared = false;
  for (const auto& p : params.paths) shared = shared || isInside(canonical(p), dir);

  const ScanResult found = scanInputs({params.masksPath});
  for (const auto& problem : found.problems) warnings.push_back("masks: " + problem.path + ": " + problem.reason);
  std::vector<MaskFile> candidates;
  for (const auto& path : found.files) {
    MaskFile m{path, canonical(path), imageName(path), {}, {}, false};
    if (!MaskIndex::isMask(m.name, shared)) continue;  // an image of a tree given as both (decided before reading)
    const imageio::FileKindResult kind = imageio::classifyImageFile(path);
    if (kind.kind != imageio::FileKind::Image) continue;  // notes, .img halves, DICOM (SEG is not read)
    m.format = kind.format;
    m.caseFolder = MaskIndex::caseFolderOf(path);
    candidates.push_back(std::move(m));
  }
  MaskIndex index(std::move(candidates), shared);
  if (index.files().empty()) warnings.push_back("masks: no mask files found under " + params.masksPath);

  std::set<std::string> maskFiles;
  for (const auto& m : index.files()) maskFiles.insert(m.canonical);
  std::erase_if(scan.files, [&](const std::string& f) { return maskFiles.count(canonical(f)) > 0; });
  return index;
}

bool closeGeometry(const Geometry& a, const Geometry& b) {
  for (int d = 0; d < 3; ++d) {
    if (std::abs(a.spacing[d] - b.spacing[d]) > 1e-3 * std::max(std::abs(a.spacing[d]), 1.0)) return false;
    if (std::abs(a.origin[d] - b.origin[d]) > 1e-2) return false;
  }
  for (int k = 0; k < 9; ++k)
    if (std::abs(a.direction[k] - b.direction[k]) > 1e-3) return false;
  return true;
}

/// Reads and compresses a mask, or reuses the last one (a BraTS case's four sequences come one after another).
const GroundTruthSources::Decoded& decodeMask(GroundTruthSources& s, const std::string& path, ImportResult& result) {
  if (s.last.path == path) return s.last;
  s.last = {path, std::nullopt, {}, {}, {}};
  try {
    std::vector<std::string> warnings;
    const Image img = imageio::readImage(path, &warnings);
    for (const auto& w : warnings) result.warnings.push_back(path + ": " + w);
    Mask labels(img.shape());
    for (int c = 0; c < img.channels(); ++c) {
      const float* v = img.channel(c);
      for (int64_t i = 0; i < labels.count(); ++i) labels[i] = uint8_t(labels[i] | (v[i] != 0.0f));
    }
    s.last.shape = img.shape();
    s.last.geometry = img.geometry();
    s.last.labels = project::EncodedLabelMask::encode(labels);
  } catch (const imageio::ImageReadError& e) {
    s.last.error = e.reason();
  } catch (const project::ProjectError& e) {
    s.last.error = e.reason();
  } catch (const std::bad_alloc&) {
    s.last.error = "not enough memory to read it";
  } catch (const std::exception& e) {
    s.last.error = e.what();
  }
  return s.last;
}

void attachMask(project::Project& proj, int64_t imageId, const ImportUnit& unit, const project::ImageMetadata& meta,
                GroundTruthSources& s, ImportResult& result) {
  MaskIndex& index = *s.masks;
  const MaskMatch match = index.find(unitName(unit), unit.displayPath);
  if (match.masks.empty()) return;
  std::vector<std::string> paths;
  for (const size_t k : match.masks) {
    index.files()[k].paired = true;
    paths.push_back(index.files()[k].path);
  }
  if (paths.size() > 1)
    throw GroundTruthError("ambiguous ground truth: " + std::to_string(paths.size()) + " masks pair with it (" +
                           match.rule + "): " + listed(paths) + "; keep one");
  const MaskFile& file = index.files()[match.masks.front()];
  const GroundTruthSources::Decoded& mask = decodeMask(s, file.path, result);
  if (!mask.labels) throw GroundTruthError("its mask " + file.path + " cannot be read: " + mask.error);
  if (!(mask.shape == meta.shape))
    throw GroundTruthError("mask " + file.path + " has shape " + shapeText(mask.shape) + " but image " +
                           unit.displayPath + " has " + shapeText(meta.shape) +
                           "; a mask must have its image's original shape");
  if (file.format == "nifti" && meta.format == "nifti" && !closeGeometry(mask.geometry, meta.geometry))
    result.warnings.push_back(unit.displayPath + ": mask " + file.path +
                              " has other spacing, origin or direction than the image; voxels are paired by index");
  proj.groundTruth().storeMask(imageId, *mask.labels, file.path);
  ++result.groundTruthMasks;
}

void attachBoxes(project::Project& proj, int64_t imageId, const ImportUnit& unit, const project::ImageMetadata& meta,
                 GroundTruthSources& s, ImportResult& result) {
  const std::string id = unitName(unit);
  static const std::vector<imageio::GroundTruthBox> kNone;
  const auto it = s.boxes->boxesByImage.find(id);
  if (it == s.boxes->boxesByImage.end() && !s.normalIds.count(id)) return;
  s.pairedIds.insert(id);
  const auto& rows = it == s.boxes->boxesByImage.end() ? kNone : it->second;
  if (meta.shape.ndim != 2)
    throw GroundTruthError(s.boxesCsv + " has image_id " + id + ", but image " + unit.displayPath + " is " +
                           shapeText(meta.shape) + ", not 2D; boxes need a 2D image");
  const double rows_ = double(meta.shape[0]), cols = double(meta.shape[1]);
  std::vector<project::AnnotatedBox> boxes;
  for (const auto& b : rows) {
    // One pixel of slack: some tools write inclusive pixel indices, so x_max may be the last column's index + 1.
    if (b.xMax > cols + 1 || b.yMax > rows_ + 1)
      throw GroundTruthError("box '" + b.className + "' (x " + num(b.xMin) + "-" + num(b.xMax) + ", y " +
                             num(b.yMin) + "-" + num(b.yMax) + ") of image_id " + id +
                             " in " + s.boxesCsv + " lies outside image " + unit.displayPath + " (" +
                             std::to_string(meta.shape[1]) + " x " + std::to_string(meta.shape[0]) +
                             " pixels); boxes must be in the original image's pixel coordinates");
    boxes.push_back({b.className, b.yMin, b.xMin, b.yMax, b.xMax});
  }
  proj.groundTruth().storeBoxes(imageId, boxes, s.boxesCsv);
  if (boxes.empty())
    ++result.groundTruthNormal;
  else
    ++result.groundTruthBoxes;
}

}  // namespace

GroundTruthSources loadGroundTruth(const ImportParams& params, ScanResult& scan) {
  GroundTruthSources s;
  if (!params.boxesCsvPath.empty()) {
    try {
      s.boxes = imageio::readBoxCsv(params.boxesCsvPath);
    } catch (const std::runtime_error& e) {
      throw std::invalid_argument(std::string("--boxes: ") + e.what());
    }
    s.boxesCsv = params.boxesCsvPath;
    s.normalIds.insert(s.boxes->imagesWithoutFindings.begin(), s.boxes->imagesWithoutFindings.end());
  }
  if (!params.masksPath.empty()) {
    s.masksDir = params.masksPath;
    s.masks = indexMasks(params, scan, s.warnings);
  }
  return s;
}

void attachGroundTruth(project::Project& proj, int64_t imageId, const ImportUnit& unit,
                       const project::ImageMetadata& meta, GroundTruthSources& sources, ImportResult& result) {
  if (sources.masks) attachMask(proj, imageId, unit, meta, sources, result);
  if (sources.boxes) attachBoxes(proj, imageId, unit, meta, sources, result);
}

void reportGroundTruth(const GroundTruthSources& s, const ImportParams& params, ImportResult& result) {
  if (!s.active()) return;
  auto& w = result.warnings;
  w.insert(w.end(), s.warnings.begin(), s.warnings.end());
  if (params.role != "test")
    w.push_back("ground truth was given for a " + params.role +
                " dataset: it is stored, but it is meant for test images (healthy images are taken to hold no "
                "lesions)");
  if (result.cancelled || !result.fatal.empty()) return;  // unpaired would only mean "not reached"
  const std::string duplicatesHint =
      result.duplicates > 0 ? " (images skipped as duplicates take no ground truth)" : "";
  if (s.masks) {
    std::vector<std::string> unpaired;
    for (const auto& m : s.masks->files())
      if (!m.paired) unpaired.push_back(fs::path(m.path).filename().string());
    if (!unpaired.empty())
      w.push_back(std::to_string(unpaired.size()) + " of " + std::to_string(s.masks->files().size()) +
                  " mask file(s) under " + s.masksDir + " paired with no imported image" + duplicatesHint + ": " +
                  listed(unpaired));
  }
  if (s.boxes) {
    std::vector<std::string> unpaired;
    size_t total = 0;
    for (const auto& [id, boxes] : s.boxes->boxesByImage) {
      ++total;
      if (!s.pairedIds.count(id)) unpaired.push_back(id);
    }
    for (const auto& id : s.normalIds) {
      ++total;
      if (!s.pairedIds.count(id)) unpaired.push_back(id);
    }
    if (!unpaired.empty())
      w.push_back(std::to_string(unpaired.size()) + " of " + std::to_string(total) + " image_id(s) in " + s.boxesCsv +
                  " matched no imported image" + duplicatesHint + ": " + listed(unpaired));
    if (!s.boxes->problems.empty())
      w.push_back(s.boxesCsv + ": " + std::to_string(s.boxes->problems.size()) +
                  " row(s) skipped: " + listed(s.boxes->problems));
  }
}

}  // namespace lightbox::workflows
