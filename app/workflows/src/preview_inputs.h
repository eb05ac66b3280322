#pragma once
// Reading and preprocessing the images a preview works on.

#include <memory>
#include <string>
#include <vector>

#include "lightbox/core/image_set.h"
#include "lightbox/workflows/preview.h"

namespace lightbox::workflows {

struct PreparedImage {
  Image image;
  Mask objectMask;          ///< empty when the preset has none (2D images: anomalies may go anywhere)
  std::string description;  ///< file, shape, spacing and what preprocessing did
};

/// Reads `path` and brings it to the working space; reader warnings are appended to `warnings`.
/// Throws InputFileError for unreadable or unusable files.
PreparedImage prepareImage(const std::string& path, PreviewPreset preset, std::vector<std::string>& warnings);

/// Reads every path as a blend source for images of `ndim` dimensions. Unreadable files and sources of the wrong
/// dimensionality are reported in `warnings` and left out, so one bad file does not stop the preview.
std::shared_ptr<const ImageSet> prepareSources(const std::vector<std::string>& paths, int ndim, PreviewPreset preset,
                                               std::vector<std::string>& warnings);

}  // namespace lightbox::workflows
