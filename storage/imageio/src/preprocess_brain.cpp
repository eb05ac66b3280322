// SPEC §5.5 brain preprocessing for one volume: z-normalise, crop, even-pad, down-sample by 2, pad to target.
#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "lightbox/core/morphology.h"
#include "lightbox/imageio/preprocess.h"

namespace lightbox::imageio {
namespace {

struct Stats {
  double mean = 0, std = 0;
  int64_t count = 0;
  Index lo{0, 0, 0}, hi{-1, -1, -1};  // inclusive bounding box of voxels > 0
};

Stats foregroundStats(const Image& v) {
  const Shape& s = v.shape();
  const float* p = v.data();
  Stats st;
  st.lo = {s[0], s[1], s[2]};
  double sum = 0;
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    if (p[k] > 0) {
      sum += p[k];
      ++st.count;
      for (int d = 0; d < 3; ++d) {
        st.lo[d] = std::min(st.lo[d], i[d]);
        st.hi[d] = std::max(st.hi[d], i[d]);
      }
    }
    ++k;
  } while (nextIndex(i, s));
  if (st.count == 0) return st;
  st.mean = sum / static_cast<double>(st.count);
  // Second pass: the one-pass formula loses digits on MRI intensities in the thousands.
  double sq = 0;
  for (int64_t j = 0; j < v.voxelCount(); ++j)
    if (p[j] > 0) sq += (p[j] - st.mean) * (p[j] - st.mean);
  st.std = std::sqrt(sq / static_cast<double>(st.count));
  return st;
}

/// scipy.ndimage 'mirror' extension (d c b | a b c d | c b a), which is what skimage's 'reflect' maps to.
int64_t mirror(int64_t i, int64_t n) {
  if (n == 1) return 0;
  const int64_t period = 2 * (n - 1);
  i = std::abs(i) % period;
  return i < n ? i : period - i;
}

/// scipy.ndimage.gaussian_filter1d with sigma 0.5 and truncate 4 (radius int(4 * 0.5 + 0.5) = 2), in place.
void gaussianHalfAlong(std::vector<double>& data, const Shape& s, int axis) {
  static const std::array<double, 5> w = [] {
    std::array<double, 5> k{};
    double sum = 0;
    for (int x = -2; x <= 2; ++x) {
      k[static_cast<size_t>(x + 2)] = std::exp(-0.5 * x * x / 0.25);
      sum += k[static_cast<size_t>(x + 2)];
    }
    for (double& v : k) v /= sum;
    return k;
  }();
  const int64_t n = s[axis], stride = s.stride(axis), outer = s.count() / (n * stride);
  std::vector<double> line(static_cast<size_t>(n));
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t in = 0; in < stride; ++in) {
      double* base = data.data() + o * n * stride + in;
      for (int64_t i = 0; i < n; ++i) line[static_cast<size_t>(i)] = base[i * stride];
      for (int64_t i = 0; i < n; ++i) {
        double acc = 0;
        for (int k = -2; k <= 2; ++k) acc += w[static_cast<size_t>(k + 2)] * line[static_cast<size_t>(mirror(i + k, n))];
        base[i * stride] = acc;
      }
    }
}

std::string boxText(const Index& lo, const Index& hi) {
  std::ostringstream o;
  for (int d = 0; d < 3; ++d) o << (d ? ", " : "") << lo[d] << ":" << hi[d] + 1;
  return o.str();
}

}  // namespace

Preprocessed preprocessBrain3D(const Image& volume, const Shape& target) {
  if (volume.ndim() != 3 || volume.channels() != 1)
    throw std::invalid_argument("preprocessBrain3D: needs a single-channel 3D volume");
  if (target.ndim != 3 || target.minSize() < 1) throw std::invalid_argument("preprocessBrain3D: target must be 3D");
  const Stats st = foregroundStats(volume);
  if (st.count == 0) throw std::invalid_argument("preprocessBrain3D: the volume has no voxel > 0 (empty brain mask)");

  std::ostringstream log;
  log << "z-normalised over " << st.count << " voxels > 0 (mean " << st.mean << ", std " << st.std << ")\n";
  log << "cropped to the bounding box [" << boxText(st.lo, st.hi) << "] of voxels > 0\n";

  // Crop, normalise and pad to even sizes in one copy; padding and background are 0.
  Shape even(1, 1, 1);
  for (int d = 0; d < 3; ++d) {
    const int64_t n = st.hi[d] - st.lo[d] + 1;
    even[d] = n + n % 2;
  }
  const Shape& in = volume.shape();
  const double scale = 1.0 / (st.std + 1e-8);
  std::vector<double> work(static_cast<size_t>(even.count()), 0.0);
  for (int64_t z = st.lo[0]; z <= st.hi[0]; ++z)
    for (int64_t y = st.lo[1]; y <= st.hi[1]; ++y) {
      const float* src = volume.data() + in.linear({z, y, 0});
      double* dst = work.data() + even.linear({z - st.lo[0], y - st.lo[1], 0});
      for (int64_t x = st.lo[2]; x <= st.hi[2]; ++x)
        dst[x - st.lo[2]] = src[x] > 0 ? (src[x] - st.mean) * scale : 0.0;
    }
  log << "zero-padded at the end to even size " << even.toString() << "\n";

  // skimage.transform.resize(anti_aliasing=True) for factor 2: Gaussian sigma 0.5, then linear interpolation at
  // input positions 2o + 0.5, which is exactly the mean of each 2x2x2 block.
  for (int d = 0; d < 3; ++d) gaussianHalfAlong(work, even, d);
  const Shape half(even[0] / 2, even[1] / 2, even[2] / 2);
  std::vector<double> small(static_cast<size_t>(half.count()), 0.0);
  Index o{0, 0, 0};
  int64_t k = 0;
  do {
    double acc = 0;
    for (int dz = 0; dz < 2; ++dz)
      for (int dy = 0; dy < 2; ++dy)
        for (int dx = 0; dx < 2; ++dx) acc += work[static_cast<size_t>(even.linear({2 * o[0] + dz, 2 * o[1] + dy, 2 * o[2] + dx}))];
    small[static_cast<size_t>(k++)] = acc / 8.0;
  } while (nextIndex(o, half));
  log << "down-sampled by 2 (Gaussian sigma 0.5 + linear) to " << half.toString() << "\n";

  // offset[d] = where downsampled index 0 lands in the output: floor((t - s) / 2) when padding, minus the
  // centre-crop start when the axis is too long.
  Index offset{0, 0, 0};
  for (int d = 0; d < 3; ++d) {
    const int64_t s = half[d], t = target[d];
    offset[d] = s <= t ? (t - s) / 2 : -((s - t) / 2);
    if (s > t)
      log << "axis " << d << " is " << s << " long after down-sampling: centre-cropped to " << t << " (voxels "
          << (s - t) / 2 << ":" << (s - t) / 2 + t << ")\n";
  }
  log << "zero-padded symmetrically to " << target.toString();

  Preprocessed out;
  out.image = Image(1, target, 0.0f);
  float* dst = out.image.data();
  Index q{0, 0, 0};
  k = 0;
  do {
    const Index src{q[0] - offset[0], q[1] - offset[1], q[2] - offset[2]};
    if (half.contains(src)) dst[k] = static_cast<float>(small[static_cast<size_t>(half.linear(src))]);
    ++k;
  } while (nextIndex(q, target));

  // Output voxel q sits at input position lo + 2 (q - offset) + 0.5.
  const Geometry& g = volume.geometry();
  Geometry& og = out.image.geometry();
  og = g;
  std::array<double, 3> start{};
  for (int d = 0; d < 3; ++d) {
    start[static_cast<size_t>(d)] = static_cast<double>(st.lo[d]) + 0.5 - 2.0 * static_cast<double>(offset[d]);
    og.spacing[static_cast<size_t>(d)] = 2.0 * g.spacing[static_cast<size_t>(d)];
    out.toOriginal.scale[static_cast<size_t>(d)] = 2.0;
    out.toOriginal.offset[static_cast<size_t>(d)] = start[static_cast<size_t>(d)];
  }
  og.origin = g.indexToPatient(start);

  Mask nonzero(target, 0);
  for (int64_t j = 0; j < nonzero.count(); ++j) nonzero[j] = dst[j] != 0.0f ? 1 : 0;
  out.foreground = fillHoles(nonzero);
  out.description = log.str();
  return out;
}

}  // namespace lightbox::imageio
