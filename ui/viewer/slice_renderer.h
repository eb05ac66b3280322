#pragma once
// Rendering one slice into a QImage: a tight loop over precomputed strides through the window LUT (no per-pixel
// virtual call, no per-pixel branch on the orientation), plus colour overlays for masks and soft labels.

#include <QColor>
#include <QImage>
#include <QLineF>
#include <array>
#include <vector>

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

/// Channel 0 of `map` through a 256-colour table: v -> lut[(v - min) / (max - min) * 255], clamped; values <= cutoff
/// transparent, the rest at `alpha` (0..255), fading in over the lowest quarter of the scale (Format_ARGB32_Premultiplied).
QImage renderColourMap(const Image& map, const SliceLayout& layout, int64_t slice, const std::array<QRgb, 256>& lut,
                       double min, double max, double cutoff, int alpha);

/// The outline of a mask on one slice: unit edges between a mask pixel and a non-mask (or outside) neighbour, in
/// slice pixel coordinates (pixel (u, v) covers [u, u+1) x [v, v+1)).
std::vector<QLineF> maskOutline(const Mask& mask, const SliceLayout& layout, int64_t slice);

/// The heat colour of t in [0, 1] (exposed for the colour bar and tests).
QRgb heatColour(double t);

}  // namespace lightbox::ui
