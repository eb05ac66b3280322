#include "lightbox/workflows/image_view.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "lightbox/imageio/dicom.h"
#include "lightbox/imageio/image_reader.h"
#include "lightbox/project/project.h"

namespace lightbox::workflows {

namespace {

// Simulated test images keep their source slice's geometry, already in LPS (simulated_lesions.h).
bool isPatientFormat(const std::string& format) {
  return format == "dicom" || format == "nifti" || format == "simulated";
}

/// Reads the original as imported: one file, or the DICOM series the stored slices make up.
Image readOriginal(const project::ImageRecord& row, const std::vector<project::SourceFile>& files, ViewableImage& out) {
  const auto& m = row.meta;
  if (m.format == "dicom") {
    if (files.empty()) throw imageio::ImageReadError(m.sourcePath, "the project lists no files for this series");
    std::vector<imageio::DicomInfo> infos;
    for (const auto& f : files) {
      if (!std::filesystem::exists(f.path)) throw imageio::ImageReadError(f.path, "file not found");
      infos.push_back(imageio::readDicomInfo(f.path));
    }
    out.readPath = files.front().path;
    if (auto w = infos.front().outputWindow(); w && w->second > 0) out.window = ViewWindow{w->first, w->second};
    if (infos.size() == 1) return imageio::readDicomImage(files.front().path, &out.warnings);
    auto series = imageio::groupDicomSeries(infos, &out.warnings);
    if (series.empty()) throw imageio::ImageReadError(m.sourcePath, "the files no longer form a DICOM series");
    // The largest part is the one that was imported (a split series imports each part as its own image, whose
    // files are only that part's).
    auto best = std::max_element(series.begin(), series.end(),
                                 [](const auto& a, const auto& b) { return a.slices.size() < b.slices.size(); });
    return imageio::readDicomSeries(*best, &out.warnings);
  }
  const std::string path = files.empty() ? m.sourcePath : files.front().path;
  if (!std::filesystem::exists(path)) throw imageio::ImageReadError(path, "file not found");
  out.readPath = path;
  return imageio::readImage(path, &out.warnings);
}

}  // namespace

Geometry rasToLps(const Geometry& ras) {
  Geometry g = ras;
  g.origin[0] = -ras.origin[0];
  g.origin[1] = -ras.origin[1];
  for (int c = 0; c < 3; ++c) {
    g.direction[size_t(c)] = -ras.direction[size_t(c)];          // row 0 (x) of column c
    g.direction[size_t(3 + c)] = -ras.direction[size_t(3 + c)];  // row 1 (y) of column c
  }
  return g;
}

ViewableImage loadImageForView(const std::string& projectPath, int64_t imageId) {
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  const auto row = proj.images().get(imageId);
  if (!row) throw std::runtime_error(projectPath + ": no image with id " + std::to_string(imageId));
  if (row->status != project::ImportStatus::Imported)
    throw std::runtime_error(row->meta.sourcePath + ": the import failed (" + row->error + "); nothing to show");

  ViewableImage out;
  out.imageId = imageId;
  out.sourcePath = row->meta.sourcePath;
  out.format = row->meta.format;
  out.modality = row->meta.modality;
  out.seriesDescription = row->meta.seriesDescription;
  out.hasPatientGeometry = isPatientFormat(row->meta.format);

  const auto files = proj.images().files(imageId);
  try {
    out.image = readOriginal(*row, files, out);
    if (row->meta.shape.ndim > 0 && !(out.image.shape() == row->meta.shape))
      throw imageio::ImageReadError(out.readPath, "the file changed since the import (its size is now " +
                                                      out.image.shape().toString() + ", imported as " +
                                                      row->meta.shape.toString() + ")");
    out.source = ViewSource::OriginalFile;
  } catch (const imageio::ImageReadError& e) {
    out.fallbackReason = e.what();
    out.window.reset();
    out.warnings.clear();
    std::vector<std::string> kinds = proj.arrays().kinds(imageId);
    std::string kind;
    if (std::find(kinds.begin(), kinds.end(), "preprocessed") != kinds.end()) kind = "preprocessed";
    else if (!kinds.empty()) kind = kinds[kinds.size() / 2];  // brain-slices-2d: the middle stored slice
    if (kind.empty())
      throw std::runtime_error(out.fallbackReason + "; and the project stores no working array for it");
    auto array = proj.arrays().load(imageId, kind);
    if (!array) throw std::runtime_error(out.fallbackReason + "; and the working array could not be loaded");
    out.image = std::move(array->image);
    out.source = ViewSource::WorkingArray;
    out.arrayKind = kind;
    out.readPath = projectPath + " (" + kind + ")";
  }
  if (row->meta.format == "nifti") {
    out.image.geometry() = rasToLps(out.image.geometry());
    out.convertedFromRas = true;
  }
  return out;
}

}  // namespace lightbox::workflows
