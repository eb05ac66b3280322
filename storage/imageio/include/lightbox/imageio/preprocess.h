#pragma once
// Bringing a read image to the network's working size (method/SPEC.md §5.5).

#include <array>
#include <string>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"

namespace lightbox::imageio {

/// Working-space index -> original voxel index, per array axis: original = scale * working + offset. Together with
/// the working image's geometry (which maps to patient space directly) this lets maps computed in the working space
/// be resampled back onto the original grid.
struct IndexMapping {
  std::array<double, 3> scale{1.0, 1.0, 1.0};
  std::array<double, 3> offset{0.0, 0.0, 0.0};
};

struct Preprocessed {
  Image image;             ///< working-size image, C = 1, geometry still maps voxels to patient space
  Mask foreground;         ///< object mask of `image` (same shape)
  std::string description; ///< one line per step, for the import log and the project file
  IndexMapping toOriginal; ///< working index -> index in the image that was passed in
};

/// SPEC §5.5 brain pipeline for one skull-stripped, 1 mm, single-channel volume (array order (z, y, x)):
/// z-normalise over voxels > 0 ((x - mean) / (std + 1e-8), population std; every other voxel becomes 0), crop to the
/// bounding box of voxels > 0, zero-pad each axis at its end to an even size, down-sample by 2 as
/// skimage.transform.resize(anti_aliasing=True) does for factor 2 (Gaussian sigma 0.5 with mirrored borders, then
/// linear interpolation at pixel-centre-aligned positions, i.e. the mean of each 2x2x2 block), then zero-pad
/// symmetrically to `target` (floor((t - s) / 2) before, the rest after). An axis longer than the target is
/// centre-cropped instead, which the description states. foreground = fillHoles(image != 0). Spacing doubles and the
/// origin moves so that every output voxel keeps its patient position.
/// Throws std::invalid_argument for a non-3D or multi-channel volume, or one without any voxel > 0.
Preprocessed preprocessBrain3D(const Image& volume, const Shape& target = Shape(80, 112, 80));

/// Grey 2D image (e.g. a chest X-ray) to size x size: area averaging when both axes shrink, bicubic otherwise
/// (the aspect ratio is not kept, as in the reference), then [min, max] mapped linearly to [-1, 1] (a constant image
/// becomes 0). foreground = everything. Throws std::invalid_argument for a non-2D or multi-channel image or size < 1.
Preprocessed preprocessImage2D(const Image& img, int size = 256);

/// The SPEC §5.5 chest X-ray pipeline (VinDr-CXR in the paper).
struct ChestXrayOptions {
  bool hasWindow = false;      ///< clip to the DICOM VOI window [centre - width / 2, centre + width / 2]
  double windowCentre = 0.0;
  double windowWidth = 0.0;
  bool monochrome1 = false;    ///< photometric interpretation MONOCHROME1: invert after equalisation
  int intermediateSize = 512;
  int size = 256;
};
/// Resize to 512 x 512, clip to the window (if any), histogram equalisation (256 bins, as skimage's equalize_hist),
/// invert for MONOCHROME1, map [min, max] to [-1, 1], resize to 256 x 256. foreground = everything.
Preprocessed preprocessChestXray2D(const Image& img, const ChestXrayOptions& options = {});

/// A brain slice taken from a volume by preprocessBrainSlices2D.
struct PreprocessedSlice {
  int64_t sliceIndex = 0;  ///< axial slice (array axis 0) of the original volume
  Preprocessed slice;      ///< toOriginal maps (row, col) to (axis 1, axis 2) of the original volume
};

/// 2D training slices for CPU-sized models: z-normalise the volume over voxels > 0 (background 0), take every axial
/// slice (array axis 0) whose brain area is at least `minBrainFraction` of the largest slice's, crop it to the
/// volume's in-plane brain bounding box made square, resize to size x size. foreground = hole-filled brain of the
/// slice. Throws std::invalid_argument for a non-3D or multi-channel volume or one without voxels > 0.
std::vector<PreprocessedSlice> preprocessBrainSlices2D(const Image& volume, int size = 128,
                                                       double minBrainFraction = 0.25);

/// skimage.exposure.equalize_hist(nbins): each value becomes the normalised cumulative histogram, linearly
/// interpolated between bin centres over the image's [min, max]; output in [0, 1]. Exposed for testing.
void equalizeHistogram(Image& img, int bins = 256);

}  // namespace lightbox::imageio
