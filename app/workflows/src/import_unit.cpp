#include "import_unit.h"

#include "lightbox/imageio/image_reader.h"
#include "lightbox/project/encoded_array.h"
#include "lightbox/project/project_error.h"
#include "lightbox/project/sha256.h"

namespace lightbox::workflows {

namespace {

project::ImageMetadata describe(const ImportUnit& unit) {
  project::ImageMetadata m;
  m.sourcePath = unit.displayPath;
  m.format = unit.format;
  if (unit.format == "dicom" && !unit.series.slices.empty()) {
    const imageio::DicomInfo& first = unit.series.slices.front();
    m.modality = first.modality;
    m.studyInstanceUid = first.studyInstanceUid;
    m.seriesInstanceUid = first.seriesInstanceUid;
    m.seriesDescription = first.seriesDescription;
    if (!unit.isSeries) m.sopInstanceUid = first.sopInstanceUid;
  }
  return m;
}

ImageHints hintsFor(const ImportUnit& unit) {
  ImageHints h;
  if (unit.format != "dicom" || unit.series.slices.empty()) return h;
  const imageio::DicomInfo& first = unit.series.slices.front();
  h.modality = first.modality;
  if (const auto w = first.outputWindow()) {
    h.hasWindow = true;
    h.windowCentre = w->first;
    h.windowWidth = w->second;
  }
  return h;
}

}  // namespace

std::string hashUnit(const ImportUnit& unit, std::vector<project::SourceFile>& files) {
  files.clear();
  for (size_t k = 0; k < unit.files.size(); ++k) {
    project::SourceFile f{unit.files[k], project::sha256FileHex(unit.files[k]), {}};
    if (unit.format == "dicom" && k < unit.series.slices.size()) f.sopInstanceUid = unit.series.slices[k].sopInstanceUid;
    files.push_back(std::move(f));
  }
  if (files.size() == 1) return files.front().contentHash;
  project::Sha256 h;
  for (const auto& f : files) h.update(f.contentHash);
  return h.finishHex();
}

PreparedUnit prepareUnit(const ImportUnit& unit, ImportPreset preset, std::string contentHash,
                         std::vector<project::SourceFile> files) {
  PreparedUnit out;
  out.meta = describe(unit);
  out.meta.contentHash = std::move(contentHash);
  try {
    Image image = unit.format == "dicom" ? imageio::readDicomSeries(unit.series, &out.warnings)
                                         : imageio::readImage(unit.files.front(), &out.warnings);
    out.meta.channels = image.channels();
    out.meta.shape = image.shape();
    out.meta.geometry = image.geometry();

    PresetOutput pre = applyPreset(preset, image, hintsFor(unit));
    project::NewImage ni;
    ni.meta = out.meta;
    ni.files = std::move(files);
    ni.thumbnail = makeThumbnail(pre.arrays.front().image);
    for (const auto& a : pre.arrays) ni.arrays.push_back(project::EncodedArray::encode(a));
    out.arrayCount = ni.arrays.size();
    out.image = std::move(ni);
  } catch (const imageio::ImageReadError& e) {
    out.error = e.reason() + (e.path() != unit.displayPath ? " (" + e.path() + ")" : "");
  } catch (const project::ProjectError& e) {
    out.error = e.reason();
  } catch (const std::bad_alloc&) {
    out.error = "not enough memory to read it";
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace lightbox::workflows
