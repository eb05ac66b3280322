#include "viewer/slice_renderer.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lightbox::ui {

namespace {

template <typename T, typename Put>
void walk(const T* src, const Shape& shape, const SliceLayout& layout, int64_t slice, Put&& put) {
  const SliceStrides st = sliceStrides(shape, layout, slice);
  for (int64_t v = 0; v < layout.height; ++v) {
    const T* row = src + st.base + v * st.dv;
    put(v, row, st.du);
  }
}

const std::array<QRgb, 256>& heatTable() {
  static const std::array<QRgb, 256> table = [] {
    std::array<QRgb, 256> t{};
    for (int k = 0; k < 256; ++k) {
      const double x = k / 255.0;
      // Piecewise "hot" with a softened start: black -> dark red -> red -> orange/yellow -> white.
      const double r = std::clamp(x / 0.4, 0.0, 1.0);
      const double g = std::clamp((x - 0.35) / 0.45, 0.0, 1.0);
      const double b = std::clamp((x - 0.8) / 0.2, 0.0, 1.0);
      t[size_t(k)] = qRgb(int(std::lround(255 * r)), int(std::lround(255 * g)), int(std::lround(255 * b)));
    }
    return t;
  }();
  return table;
}

}  // namespace

QRgb heatColour(double t) {
  const int k = int(std::lround(std::clamp(t, 0.0, 1.0) * 255.0));
  return heatTable()[size_t(k)];
}

QImage renderSlice(const Image& image, int channel, const SliceLayout& layout, int64_t slice, const WindowLut& lut) {
  QImage out(int(layout.width), int(layout.height), QImage::Format_Grayscale8);
  const float* src = image.channel(channel);
  const int64_t w = layout.width;
  walk(src, image.shape(), layout, slice, [&](int64_t v, const float* row, int64_t du) {
    uchar* dst = out.scanLine(int(v));
    for (int64_t u = 0; u < w; ++u) dst[u] = lut(row[u * du]);
  });
  return out;
}

QImage renderMask(const Mask& mask, const SliceLayout& layout, int64_t slice, const QColor& colour) {
  QImage out(int(layout.width), int(layout.height), QImage::Format_ARGB32_Premultiplied);
  const QRgb on = qPremultiply(colour.rgba());
  const int64_t w = layout.width;
  walk(mask.data(), mask.shape(), layout, slice, [&](int64_t v, const uint8_t* row, int64_t du) {
    auto* dst = reinterpret_cast<QRgb*>(out.scanLine(int(v)));
    for (int64_t u = 0; u < w; ++u) dst[u] = row[u * du] ? on : 0u;
  });
  return out;
}

QImage renderMaskGrey(const Mask& mask, const SliceLayout& layout, int64_t slice) {
  QImage out(int(layout.width), int(layout.height), QImage::Format_Grayscale8);
  const int64_t w = layout.width;
  walk(mask.data(), mask.shape(), layout, slice, [&](int64_t v, const uint8_t* row, int64_t du) {
    uchar* dst = out.scanLine(int(v));
    for (int64_t u = 0; u < w; ++u) dst[u] = row[u * du] ? 255 : 0;
  });
  return out;
}

QImage renderHeat(const Grid<float>& values, const SliceLayout& layout, int64_t slice, bool overlay) {
  QImage out(int(layout.width), int(layout.height), QImage::Format_ARGB32_Premultiplied);
  const auto& table = heatTable();
  const int64_t w = layout.width;
  walk(values.data(), values.shape(), layout, slice, [&](int64_t v, const float* row, int64_t du) {
    auto* dst = reinterpret_cast<QRgb*>(out.scanLine(int(v)));
    for (int64_t u = 0; u < w; ++u) {
      const float x = row[u * du];
      const int k = x > 0.f ? (x < 1.f ? int(x * 255.f + 0.5f) : 255) : 0;
      const QRgb c = table[size_t(k)];
      if (!overlay) {
        dst[u] = c | 0xff000000u;
      } else {
        const int alpha = k == 0 ? 0 : 60 + (k * 170) / 255;
        dst[u] = qPremultiply(qRgba(qRed(c), qGreen(c), qBlue(c), alpha));
      }
    }
  });
  return out;
}

}  // namespace lightbox::ui

namespace lightbox::ui {

QImage renderColourMap(const Image& map, const SliceLayout& layout, int64_t slice, const std::array<QRgb, 256>& lut,
                       double min, double max, double cutoff, int alpha) {
  QImage out(int(layout.width), int(layout.height), QImage::Format_ARGB32_Premultiplied);
  const int64_t w = layout.width;
  const double scale = max > min ? 255.0 / (max - min) : 0.0;
  const int a = std::clamp(alpha, 0, 255);
  std::array<QRgb, 256> premultiplied{};
  // The lowest quarter of the scale fades in, so a map's low background does not veil the image.
  for (size_t k = 0; k < 256; ++k)
    premultiplied[k] = qPremultiply(qRgba(qRed(lut[k]), qGreen(lut[k]), qBlue(lut[k]), int(a * std::min<size_t>(k, 64) / 64)));
  walk(map.channel(0), map.shape(), layout, slice, [&](int64_t v, const float* row, int64_t du) {
    auto* dst = reinterpret_cast<QRgb*>(out.scanLine(int(v)));
    for (int64_t u = 0; u < w; ++u) {
      const double x = row[u * du];
      if (!(x > cutoff)) {
        dst[u] = 0u;
        continue;
      }
      const double t = (x - min) * scale;
      const int k = t > 0.0 ? (t < 255.0 ? int(t + 0.5) : 255) : 0;
      dst[u] = premultiplied[size_t(k)];
    }
  });
  return out;
}

std::vector<QLineF> maskOutline(const Mask& mask, const SliceLayout& layout, int64_t slice) {
  const int64_t w = layout.width, h = layout.height;
  std::vector<uint8_t> px(size_t(w * h), 0);
  walk(mask.data(), mask.shape(), layout, slice, [&](int64_t v, const uint8_t* row, int64_t du) {
    for (int64_t u = 0; u < w; ++u) px[size_t(v * w + u)] = row[u * du] ? 1 : 0;
  });
  const auto on = [&](int64_t u, int64_t v) { return u >= 0 && v >= 0 && u < w && v < h && px[size_t(v * w + u)]; };
  std::vector<QLineF> edges;
  for (int64_t v = 0; v < h; ++v)
    for (int64_t u = 0; u < w; ++u) {
      if (!px[size_t(v * w + u)]) continue;
      const double x = double(u), y = double(v);
      if (!on(u, v - 1)) edges.emplace_back(x, y, x + 1, y);
      if (!on(u, v + 1)) edges.emplace_back(x, y + 1, x + 1, y + 1);
      if (!on(u - 1, v)) edges.emplace_back(x, y, x, y + 1);
      if (!on(u + 1, v)) edges.emplace_back(x + 1, y, x + 1, y + 1);
    }
  return edges;
}

}  // namespace lightbox::ui
