#pragma once
// Loading one image of a project for viewing (the desktop viewer). Plain structs only; the project file and the
// readers stay behind this header.
//
// Patient coordinates convention: every geometry this header returns is DICOM's LPS+ (x to the patient's Left,
// y Posterior, z Superior, mm). DICOM files are LPS already; NIfTI files are RAS+ as stored (imageio reads them
// as the file states), so their geometry is converted here, once, at the workflow boundary: x and y of the
// origin and of every direction column change sign. PNG/JPEG/TIFF have no patient geometry (pixel index space).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/image.h"

namespace lightbox::workflows {

enum class ViewSource {
  OriginalFile,  ///< the file (or DICOM series) the user imported, values in the modality's units (e.g. HU)
  WorkingArray,  ///< the preprocessed array stored in the project (the original is missing or unreadable)
};

struct ViewWindow {
  double centre = 0.0;
  double width = 1.0;
};

struct ViewableImage {
  int64_t imageId = 0;
  Image image;                       ///< C >= 1, 2D or 3D; geometry in LPS+ (see above)
  ViewSource source = ViewSource::OriginalFile;
  std::string sourcePath;            ///< the original file or series folder, as imported
  std::string readPath;              ///< what was read: the file, the first slice, or "<project> (array kind)"
  std::string format;                ///< "dicom", "nifti", "png", ...
  std::string modality;              ///< DICOM Modality, e.g. "CT"; empty when unknown
  std::string seriesDescription;
  std::string arrayKind;             ///< for WorkingArray: "preprocessed" or "slice:NNNN"
  std::optional<ViewWindow> window;  ///< the DICOM VOI window (in the returned values), when the file states one
  bool hasPatientGeometry = false;   ///< false: pixel index space (PNG, JPEG, TIFF): no orientation labels
  bool convertedFromRas = false;     ///< NIfTI: the geometry was converted from RAS+ to LPS+
  std::string fallbackReason;        ///< why the original was not used (WorkingArray only), naming the file
  /// True when the working array was chosen on purpose (review, audit: the array the model saw, so that map and image
  /// share one grid) rather than because the original could not be read; lets a UI word it in its own language.
  bool sameGridAsMap = false;
  std::vector<std::string> warnings; ///< reader warnings
};

/// NIfTI RAS+ to LPS+: negates x and y of the origin and of each direction column (spacing is unchanged).
Geometry rasToLps(const Geometry& ras);

/// Loads image `imageId` of the project (opened read-only): the original file through the readers when it is
/// reachable and still matches what was imported, else the stored working array. Throws std::runtime_error naming
/// the project for an unknown or failed image, and naming the file when neither the original nor an array can be
/// read.
ViewableImage loadImageForView(const std::string& projectPath, int64_t imageId);

}  // namespace lightbox::workflows
