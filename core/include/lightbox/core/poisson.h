#pragma once
// N-dimensional Poisson image editing with a DST-I solver (SPEC §1.5), the blend behind tasks 0 and 1.

#include "lightbox/core/patch.h"

namespace lightbox {

/// Blends `source` into `target` (both C x G) under `mask` (G) and returns the new box content, as pie-torch's
/// blend_dst_numpy: the mask's outer shell is cleared IN PLACE (the caller's mask changes, like the reference), the
/// guidance field takes the source gradient inside the mask (with `mixGradients`, per axis the larger of source and
/// target gradient, ties to the target) and the target gradient elsewhere, and the whole box interior is re-solved
/// with the target as Dirichlet boundary on the shell. Shell values are returned unchanged.
Patch poissonBlend(const Patch& target, const Patch& source, Mask& mask, bool mixGradients);

}  // namespace lightbox
