// Geometry of one file's image, and the derived facts of a DicomInfo (normal, value range, output window).
#include <algorithm>
#include <cmath>

#include "dicom_file.h"

namespace lightbox::imageio {
namespace detail {

bool normalise(std::array<double, 3>& v) {
  const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  if (!std::isfinite(n) || n < 1e-6) return false;
  for (double& x : v) x /= n;
  return true;
}

Geometry fileGeometry(const DicomInfo& info, std::vector<std::string>& warnings) {
  Geometry g;
  const auto ps = info.pixelSpacing.value_or(std::array<double, 2>{1.0, 1.0});
  const bool volume = info.numberOfFrames > 1;
  const double thickness = info.sliceThickness && *info.sliceThickness > 0 ? *info.sliceThickness : 1.0;
  double frameStep = 1.0;
  if (volume) {
    if (info.frameSpacing) frameStep = *info.frameSpacing;
    else
      warnings.push_back(std::to_string(info.numberOfFrames) +
                         " frames stacked along axis 0; the file states no spacing between them, 1 mm assumed");
  }
  g.spacing = volume ? std::array<double, 3>{std::fabs(frameStep), ps[0], ps[1]}
                     : std::array<double, 3>{ps[0], ps[1], thickness};
  if (info.imagePosition) g.origin = *info.imagePosition;
  const auto n = info.normal();
  if (!n) return g;  // pixel index space: identity direction
  const auto& o = *info.imageOrientation;
  const std::array<double, 3> across{o[0], o[1], o[2]}, down{o[3], o[4], o[5]};
  const double sign = frameStep < 0 ? -1.0 : 1.0;
  using Columns = std::array<std::array<double, 3>, 3>;
  const Columns columns = volume ? Columns{{{sign * (*n)[0], sign * (*n)[1], sign * (*n)[2]}, down, across}}
                                 : Columns{{down, across, *n}};
  for (size_t r = 0; r < 3; ++r)
    for (size_t d = 0; d < 3; ++d) g.direction[r * 3 + d] = columns[d][r];
  return g;
}

}  // namespace detail

std::optional<std::array<double, 3>> DicomInfo::normal() const {
  if (!imageOrientation) return std::nullopt;
  const auto& o = *imageOrientation;
  std::array<double, 3> n{o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
  if (!detail::normalise(n)) return std::nullopt;
  return n;
}

std::pair<double, double> DicomInfo::valueRange() const {
  const int bits = std::clamp(bitsStored > 0 ? bitsStored : bitsAllocated, 1, 32);
  const double lo = pixelRepresentation == 1 ? -std::ldexp(1.0, bits - 1) : 0.0;
  const double hi = pixelRepresentation == 1 ? std::ldexp(1.0, bits - 1) - 1 : std::ldexp(1.0, bits) - 1;
  const double a = rescaleSlope * lo + rescaleIntercept, b = rescaleSlope * hi + rescaleIntercept;
  return {std::min(a, b), std::max(a, b)};
}

std::optional<std::pair<double, double>> DicomInfo::outputWindow() const {
  if (!windowCenter || !windowWidth) return std::nullopt;
  if (photometric != "MONOCHROME1") return std::pair{*windowCenter, *windowWidth};
  const auto [lo, hi] = valueRange();
  return std::pair{lo + hi - *windowCenter, *windowWidth};
}

}  // namespace lightbox::imageio
