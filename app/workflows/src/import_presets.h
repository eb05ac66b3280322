#pragma once
// The preprocessing presets of the import (names and rules in lightbox/workflows/import.h).

#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/image.h"
#include "lightbox/project/records.h"

namespace lightbox::workflows {

enum class ImportPreset { Auto, Brain3D, ChestXray2D, BrainSlices2D, Image2D, None };

std::optional<ImportPreset> parseImportPreset(const std::string& name);
std::string presetName(ImportPreset preset);

/// What the DICOM header adds to the pixels (empty for other formats).
struct ImageHints {
  std::string modality;
  bool hasWindow = false;
  double windowCentre = 0, windowWidth = 0;
};

struct PresetOutput {
  std::vector<project::ArrayData> arrays;  ///< "preprocessed", or "slice:NNN" for brain-slices-2d
  std::string description;
};

/// Throws std::invalid_argument with a user-facing reason when the image does not suit the preset.
PresetOutput applyPreset(ImportPreset preset, const Image& image, const ImageHints& hints);

/// An 8-bit preview of at most `maxSide` pixels: the middle axial slice of a volume, windowed to its 1-99 %
/// percentiles.
project::Thumbnail makeThumbnail(const Image& image, int maxSide = 96);

}  // namespace lightbox::workflows
