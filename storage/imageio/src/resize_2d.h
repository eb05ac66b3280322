#pragma once
// Square resampling of a 2D image with consistent geometry and index mapping, shared by the 2D presets.

#include <sstream>

#include "lightbox/imageio/preprocess.h"

namespace lightbox::imageio::detail {

/// Resizes a single-channel 2D image to size x size (area averaging when both axes shrink, bicubic otherwise; the
/// aspect ratio is not kept, as in the reference). Fills `mapping` (new index -> index in `img`) and logs the step.
Image resizeSquare(const Image& img, int size, IndexMapping& mapping, std::ostringstream& log);

/// Linearly maps [min, max] to [-1, 1] in place (a constant image becomes 0) and logs the step.
void mapToUnitRange(Image& img, std::ostringstream& log);

/// (outer o inner): first `inner` (working -> intermediate), then `outer` (intermediate -> original).
IndexMapping compose(const IndexMapping& outer, const IndexMapping& inner);

}  // namespace lightbox::imageio::detail
