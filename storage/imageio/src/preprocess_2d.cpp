// 2D working-size preprocessing (SPEC §5.5, CXR): resize to size x size, map to [-1, 1].
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <stdexcept>

#include "resize_2d.h"

namespace lightbox::imageio {

namespace detail {

Image resizeSquare(const Image& img, int size, IndexMapping& mapping, std::ostringstream& log) {
  const int rows = static_cast<int>(img.shape()[0]), cols = static_cast<int>(img.shape()[1]);
  // Area averaging is OpenCV's anti-aliased shrink; it degrades to nearest-like blocks when enlarging, so any axis
  // that grows gets bicubic instead.
  const bool shrink = rows >= size && cols >= size;
  Image out(1, Shape(size, size));
  const cv::Mat src(rows, cols, CV_32F, const_cast<float*>(img.data()));
  cv::Mat dst(size, size, CV_32F, out.data());
  cv::resize(src, dst, cv::Size(size, size), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_CUBIC);
  if (dst.data != reinterpret_cast<uchar*>(out.data()))
    throw std::logic_error("resizeSquare: cv::resize reallocated its output");
  log << "resized " << rows << "x" << cols << " to " << size << "x" << size
      << (shrink ? " (area averaging)" : " (bicubic)") << "\n";

  // Output pixel q covers input position (q + 0.5) * scale - 0.5 on each axis.
  const Geometry& g = img.geometry();
  Geometry& og = out.geometry();
  og = g;
  const double sr = static_cast<double>(rows) / size, sc = static_cast<double>(cols) / size;
  og.spacing[0] = g.spacing[0] * sr;
  og.spacing[1] = g.spacing[1] * sc;
  og.origin = g.indexToPatient({0.5 * sr - 0.5, 0.5 * sc - 0.5, 0.0});
  mapping.scale = {sr, sc, 1.0};
  mapping.offset = {0.5 * sr - 0.5, 0.5 * sc - 0.5, 0.0};
  return out;
}

void mapToUnitRange(Image& img, std::ostringstream& log) {
  const auto [lo, hi] = img.range(0);
  if (hi > lo) {
    const double a = 2.0 / (static_cast<double>(hi) - lo);
    for (float& v : img.values()) v = static_cast<float>((v - lo) * a - 1.0);
    log << "mapped [" << lo << ", " << hi << "] linearly to [-1, 1]";
  } else {
    std::fill(img.values().begin(), img.values().end(), 0.0f);
    log << "constant image (" << lo << "): set to 0";
  }
}

IndexMapping compose(const IndexMapping& outer, const IndexMapping& inner) {
  IndexMapping m;
  for (size_t d = 0; d < 3; ++d) {
    m.scale[d] = outer.scale[d] * inner.scale[d];
    m.offset[d] = outer.scale[d] * inner.offset[d] + outer.offset[d];
  }
  return m;
}

}  // namespace detail

Preprocessed preprocessImage2D(const Image& img, int size) {
  if (img.ndim() != 2 || img.channels() != 1)
    throw std::invalid_argument("preprocessImage2D: needs a single-channel 2D image");
  if (size < 1) throw std::invalid_argument("preprocessImage2D: size must be positive");
  Preprocessed out;
  std::ostringstream log;
  out.image = detail::resizeSquare(img, size, out.toOriginal, log);
  detail::mapToUnitRange(out.image, log);
  out.foreground = Mask(Shape(size, size), 1);
  out.description = log.str();
  return out;
}

}  // namespace lightbox::imageio
