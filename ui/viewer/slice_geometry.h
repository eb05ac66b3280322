#pragma once
// Slice geometry of the viewer, free of widgets: which array axes a view shows and how (axial/coronal/sagittal from
// the direction matrix, radiological convention), slice extraction, orientation labels from direction cosines and
// the screen <-> voxel <-> patient (mm) mapping with zoom and pan.
//
// Patient space is LPS+ (image_view.h). Views follow the radiological convention: axial and coronal show the
// patient's right on the screen's left; axial has anterior at the top, coronal and sagittal superior at the top,
// sagittal anterior on the left. A 3D volume is shown by permuting and flipping its array axes to the nearest such
// view (no resampling, as ITK-SNAP does), so an oblique volume shows its own grid and the labels say what the screen
// edges really point to. A 2D image with patient geometry is flipped (not rotated) to its plane's convention; without
// (identity geometry) it is shown as stored, rows down.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "lightbox/core/image.h"

namespace lightbox::ui {

enum class ViewPlane { Axial = 0, Coronal = 1, Sagittal = 2 };

using Vec3 = std::array<double, 3>;

/// How one view maps a 2D or 3D array to the screen. Screen pixel (u, v) of slice s is array index voxel(u, v, s).
struct SliceLayout {
  int ndim = 2;
  int uAxis = 1, vAxis = 0;  ///< array axes along screen x (columns) and screen y (rows)
  int sliceAxis = -1;        ///< array axis across slices; -1 for a 2D image
  bool flipU = false, flipV = false;
  bool flipSlice = false;    ///< slice number s runs against the array axis (so that it grows S, A or L)
  int64_t width = 1, height = 1, sliceCount = 1;
  double spacingU = 1.0, spacingV = 1.0;  ///< mm per screen pixel along x and y (the aspect comes from here)

  Index voxel(int64_t u, int64_t v, int64_t s) const;
  /// Slice number of an array index, and the screen pixel (u, v) it falls on.
  int64_t sliceOf(const Index& voxel) const;
  std::array<int64_t, 2> pixelOf(const Index& voxel) const;
  double widthMm() const { return double(width) * spacingU; }
  double heightMm() const { return double(height) * spacingV; }
};

/// The layout for `plane` (ignored for 2D). `reorient` false shows the array as stored (axis 0 slices, rows down).
SliceLayout layoutFor(const Shape& shape, const Geometry& geometry, ViewPlane plane, bool reorient = true);

/// Patient-space unit vectors of increasing screen x and screen y.
Vec3 screenRight(const SliceLayout& layout, const Geometry& geometry);
Vec3 screenDown(const SliceLayout& layout, const Geometry& geometry);

/// Orientation letters of an LPS direction: L/R for x, P/A for y, S/I for z, the strongest first; a secondary
/// component is added when it is at least `secondary` (default ~17 degrees off axis), e.g. "LA" for an oblique edge.
std::string orientationLabel(const Vec3& direction, double secondary = 0.3);

struct EdgeLabels {
  std::string left, right, top, bottom;
};
EdgeLabels edgeLabels(const SliceLayout& layout, const Geometry& geometry);

/// Copies slice `s` of channel `c` into screen order (row-major, height x width). For tests and probes; the renderer
/// walks the same strides without the copy.
std::vector<float> extractSlice(const Image& image, int channel, const SliceLayout& layout, int64_t s);

/// Strides of the screen walk: element offset of pixel (u, v) of slice s is base + u * du + v * dv.
struct SliceStrides {
  int64_t base = 0, du = 1, dv = 1;
};
SliceStrides sliceStrides(const Shape& shape, const SliceLayout& layout, int64_t s);

/// Screen <-> slice pixel mapping. The slice is fitted into the view keeping its mm aspect, scaled by `zoom` about
/// the view centre and moved by `pan` (screen pixels). Pixel (u, v) covers [u, u+1) x [v, v+1) in slice coordinates.
struct ViewTransform {
  double viewWidth = 1, viewHeight = 1;
  double zoom = 1.0;
  double panX = 0.0, panY = 0.0;

  /// Screen pixels per mm.
  double pixelsPerMm(const SliceLayout& layout) const;
  /// Top-left corner and size of the slice on screen.
  std::array<double, 4> imageRect(const SliceLayout& layout) const;
  /// Continuous slice coordinates (u, v) of a screen point.
  std::array<double, 2> screenToSlice(const SliceLayout& layout, double x, double y) const;
  std::array<double, 2> sliceToScreen(const SliceLayout& layout, double u, double v) const;
  /// Zooms by `factor` keeping the slice point under (x, y) in place.
  void zoomAbout(const SliceLayout& layout, double factor, double x, double y);
  /// Brings the slice rectangle [u0, u1) x [v0, v1) into view, keeping the zoom: no pan at all when it is already
  /// wholly visible (jumping to centre it would throw the image off-centre for nothing), else a pan that centres
  /// it. True when it panned.
  bool reveal(const SliceLayout& layout, double u0, double v0, double u1, double v1);
};

/// The screen-pixel rectangle [u0, u1) x [v0, v1) of this layout that the array box [boxMin, boxMax) (max exclusive,
/// array axis order) covers, whatever the flips.
std::array<double, 4> slicePixelRect(const SliceLayout& layout, const Index& boxMin, const Index& boxMax);

/// Patient position (mm, LPS) of the centre of a voxel.
Vec3 voxelToPatient(const Geometry& geometry, const Index& voxel);
/// Patient position of continuous slice coordinates (u, v) (pixel centres at u + 0.5) on slice s.
Vec3 slicePointToPatient(const Geometry& geometry, const SliceLayout& layout, double u, double v, int64_t s);

}  // namespace lightbox::ui
