#pragma once
// Bringing a read image to the network's working size (method/SPEC.md §5.5).

#include <string>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"

namespace lightbox::imageio {

struct Preprocessed {
  Image image;             ///< working-size image, C = 1, geometry still maps voxels to patient space
  Mask foreground;         ///< object mask of `image` (same shape)
  std::string description; ///< one line per step, for the import log and the project file
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

}  // namespace lightbox::imageio
