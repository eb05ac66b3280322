#pragma once
// From a stroke drawn on the viewer to a region on the prediction's working grid, free of widgets: which voxels a
// rectangle, ellipse or brush stroke covers on its slice, and how a stroke edits a finding's existing region on that
// slice (a rectangle or ellipse replaces the region's voxels on the slice, the brush paints or erases). Tested in
// tests/ui/review/test_annotation_raster.cpp.

#include <optional>

#include "lightbox/core/grid.h"
#include "lightbox/workflows/review.h"
#include "viewer/annotation_hook.h"

namespace lightbox::ui {

/// The voxels of `grid` the stroke covers, cropped to them (empty values when it covers none). Rectangle: every
/// pixel the band from the first to the last point touches. Ellipse: the pixels of that band whose centres lie in
/// the ellipse inscribed in it. Brush: pixels whose centres lie within the radius of the path (at least the pixel
/// under each point).
workflows::RegionMask rasteriseStroke(const AnnotationStroke& stroke, const Shape& grid);

/// `base` edited by `stroke` (see above); the result is cropped, and empty (no values) when nothing is left.
workflows::RegionMask applyStroke(const workflows::RegionMask& base, const AnnotationStroke& stroke, const Shape& grid);

/// The drawing shape a stroke stores as: what it drew for a new finding.
workflows::ManualShape manualShapeOf(StrokeShape shape);

/// The region as a mask of the whole grid (for the viewer's outline).
Mask regionOnGrid(const workflows::RegionMask& region, const Shape& grid);

}  // namespace lightbox::ui
