#pragma once
// The viewer's annotation hook, generic rather than review-specific: in annotation mode a left-drag on a view draws
// a rubber band (rectangle or ellipse) or a brush stroke instead of changing window/level, previewed over the slice,
// and the finished stroke is handed out in slice coordinates with the layout that maps them to voxels. What the
// stroke means (a new finding, an edit of one) is the caller's business.

#include <array>
#include <cstdint>
#include <vector>

#include "viewer/slice_geometry.h"

namespace lightbox::ui {

enum class StrokeShape { Rectangle, Ellipse, Brush };

struct AnnotationMode {
  StrokeShape shape = StrokeShape::Rectangle;
  double brushRadius = 2.0;  ///< slice pixels (voxels), brush only
};

/// One finished drag on one view (a click without a drag gives none for a rectangle or ellipse; for the brush it
/// is a dab). Points are continuous slice coordinates (u to the right, v down; pixel (u, v)
/// covers [u, u+1) x [v, v+1)), in the order drawn; a rectangle or ellipse uses the first and the last.
/// `layout.voxel(u, v, slice)` is the voxel of pixel (u, v).
struct AnnotationStroke {
  ViewPlane plane = ViewPlane::Axial;
  int64_t slice = 0;
  SliceLayout layout;
  StrokeShape shape = StrokeShape::Rectangle;
  double brushRadius = 2.0;
  std::vector<std::array<double, 2>> points;
  /// Brush only: Shift or the right button was held, so the stroke erases.
  bool erase = false;
};

}  // namespace lightbox::ui
