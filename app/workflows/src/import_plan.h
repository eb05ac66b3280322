#pragma once
// Planning an import: which files make which image. A DICOM series (many files) is one image; every other readable
// file is one image on its own.

#include <string>
#include <vector>

#include "input_scan.h"
#include "lightbox/imageio/dicom.h"

namespace lightbox::workflows {

struct ImportUnit {
  std::string displayPath;            ///< what the user sees: the file, or the series' first file
  std::string format;                 ///< "dicom", "nifti", "png", ...
  std::vector<std::string> files;     ///< one file, or the slices of a series in volume order
  bool isSeries = false;
  imageio::DicomSeries series;        ///< for DICOM (also a single DICOM file: a series of one)
};

struct ImportPlan {
  std::vector<ImportUnit> units;
  std::vector<ScanProblem> failures;  ///< files that cannot become an image, with the reason
  std::vector<std::string> warnings;  ///< series grouping and header oddities
  int64_t filesSeen = 0;
};

/// Reads only headers (DICOM) and magic bytes (everything else). `stop` is polled between files.
ImportPlan planImport(const ScanResult& scan, const std::function<bool()>& stop);

}  // namespace lightbox::workflows
