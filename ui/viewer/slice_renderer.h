#pragma once
// Rendering one slice into a QImage: a tight loop over precomputed strides through the window LUT (no per-pixel
// virtual call, no per-pixel branch on the orientation), plus colour overlays for masks and soft labels.

#include <QColor>
#include <QImage>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"
#include "viewer/slice_geometry.h"
#include "viewer/window_level.h"

namespace lightbox::ui {

/// Grey slice (Format_Grayscale8, layout.width x layout.height, one image pixel per voxel).
QImage renderSlice(const Image& image, int channel, const SliceLayout& layout, int64_t slice, const WindowLut& lut);

/// Mask voxels in `colour` (its alpha), the rest transparent (Format_ARGB32_Premultiplied).
QImage renderMask(const Mask& mask, const SliceLayout& layout, int64_t slice, const QColor& colour);
/// Mask voxels white, the rest black (Format_Grayscale8), for the side-by-side mask panel.
QImage renderMaskGrey(const Mask& mask, const SliceLayout& layout, int64_t slice);

/// A [0, 1] map in a perceptual heat colour map (black-red-yellow-white); `overlay` makes 0 transparent and the
/// opacity grow with the value, for drawing over a grey slice.
QImage renderHeat(const Grid<float>& values, const SliceLayout& layout, int64_t slice, bool overlay);

/// The heat colour of t in [0, 1] (exposed for the colour bar and tests).
QRgb heatColour(double t);

}  // namespace lightbox::ui
