// Axial 2D slices of a brain volume for CPU-sized training (issue #3's "brain slices 2D" preset).
#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "lightbox/core/morphology.h"
#include "resize_2d.h"

namespace lightbox::imageio {

namespace {

struct Normalised {
  Image volume;        ///< z-normalised over voxels > 0, background 0
  Mask brain;          ///< voxels > 0 of the input
  Index lo{0, 0, 0}, hi{0, 0, 0};  ///< in-plane bounding box of the brain (axes 1 and 2)
  std::vector<int64_t> areaPerSlice;
};

Normalised normalise(const Image& v) {
  const Shape& s = v.shape();
  Normalised n;
  n.volume = Image(1, s, 0.0f);
  n.brain = Mask(s, 0);
  n.volume.geometry() = v.geometry();
  n.areaPerSlice.assign(size_t(s[0]), 0);
  double sum = 0, sum2 = 0;
  int64_t count = 0;
  n.lo = {0, s[1], s[2]};
  n.hi = {0, -1, -1};
  const float* p = v.data();
  for (int64_t k = 0; k < s.count(); ++k) {
    if (!(p[k] > 0)) continue;
    sum += p[k];
    sum2 += double(p[k]) * p[k];
    ++count;
    n.brain[k] = 1;
    const Index i = s.unravel(k);
    ++n.areaPerSlice[size_t(i[0])];
    for (int d = 1; d < 3; ++d) {
      n.lo[d] = std::min(n.lo[d], i[d]);
      n.hi[d] = std::max(n.hi[d], i[d]);
    }
  }
  if (count == 0) throw std::invalid_argument("preprocessBrainSlices2D: the volume has no voxel > 0");
  const double mean = sum / double(count);
  const double sd = std::sqrt(std::max(0.0, sum2 / double(count) - mean * mean));
  for (int64_t k = 0; k < s.count(); ++k)
    if (n.brain[k]) n.volume.data()[k] = float((p[k] - mean) / (sd + 1e-8));
  return n;
}

}  // namespace

std::vector<PreprocessedSlice> preprocessBrainSlices2D(const Image& volume, int size, double minBrainFraction) {
  if (volume.ndim() != 3 || volume.channels() != 1)
    throw std::invalid_argument("preprocessBrainSlices2D: needs a single-channel 3D volume");
  if (size < 1) throw std::invalid_argument("preprocessBrainSlices2D: size must be positive");
  const Normalised n = normalise(volume);
  const Shape& s = volume.shape();

  // One square in-plane box for all slices, so every slice has the same scale and position.
  const int64_t side = std::max(n.hi[1] - n.lo[1] + 1, n.hi[2] - n.lo[2] + 1);
  Index corner{0, 0, 0};
  for (int d = 1; d < 3; ++d) corner[d] = (n.lo[d] + n.hi[d] + 1) / 2 - side / 2;
  const int64_t largest = *std::max_element(n.areaPerSlice.begin(), n.areaPerSlice.end());

  std::vector<PreprocessedSlice> out;
  for (int64_t z = 0; z < s[0]; ++z) {
    if (double(n.areaPerSlice[size_t(z)]) < minBrainFraction * double(largest)) continue;
    Image square(1, Shape(side, side), 0.0f);
    Mask brain(Shape(side, side), 0);
    for (int64_t r = 0; r < side; ++r)
      for (int64_t c = 0; c < side; ++c) {
        const Index at{z, corner[1] + r, corner[2] + c};
        if (!s.contains(at)) continue;  // the square may reach past the volume: zero padding
        square.data()[r * side + c] = n.volume.data()[s.linear(at)];
        brain[r * side + c] = n.brain[s.linear(at)];
      }
    // The slice keeps its place in the patient: its origin is the square's corner in the volume.
    const Geometry& g = volume.geometry();
    Geometry& sg = square.geometry();
    sg = g;
    sg.origin = g.indexToPatient({double(z), double(corner[1]), double(corner[2])});
    sg.spacing = {g.spacing[1], g.spacing[2], g.spacing[0]};
    sg.direction = {g.direction[1], g.direction[2], g.direction[0], g.direction[4], g.direction[5],
                    g.direction[3], g.direction[7], g.direction[8], g.direction[6]};

    PreprocessedSlice slice{z, {}};
    std::ostringstream log;
    log << "axial slice " << z << " (brain area " << n.areaPerSlice[size_t(z)] << " of at most " << largest
        << " voxels), square box " << side << "x" << side << " at (" << corner[1] << ", " << corner[2] << ")\n";
    IndexMapping resize;
    slice.slice.image = detail::resizeSquare(square, size, resize, log);
    IndexMapping box;
    box.offset = {double(corner[1]), double(corner[2]), 0.0};
    slice.slice.toOriginal = detail::compose(box, resize);
    // The mask follows the image's resize; holes inside the brain (ventricles outside "> 0") are filled.
    Mask small(Shape(size, size), 0);
    for (int64_t r = 0; r < size; ++r)
      for (int64_t c = 0; c < size; ++c) {
        const int64_t rr = std::min<int64_t>(side - 1, int64_t((r + 0.5) * double(side) / size));
        const int64_t cc = std::min<int64_t>(side - 1, int64_t((c + 0.5) * double(side) / size));
        small[r * size + c] = brain[rr * side + cc];
      }
    slice.slice.foreground = fillHoles(small);
    // Voxels outside the brain stay exactly 0 (resizing smears a little across the edge).
    for (int64_t k = 0; k < small.count(); ++k)
      if (!slice.slice.foreground[k]) slice.slice.image.data()[k] = 0.0f;
    slice.slice.description = log.str();
    out.push_back(std::move(slice));
  }
  return out;
}

}  // namespace lightbox::imageio
