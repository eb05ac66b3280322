#include "sample_montage.h"

#include <algorithm>
#include <cmath>

namespace lightbox::workflows {

template <typename T>
Slice extractSlice(const T* values, const Shape& shape, int fixedAxis, int64_t position) {
  Slice s;
  if (shape.ndim == 2) {
    s.rows = shape[0];
    s.cols = shape[1];
    s.values.assign(values, values + shape.count());
    return s;
  }
  int axes[2], n = 0;
  for (int d = 0; d < 3; ++d)
    if (d != fixedAxis) axes[n++] = d;
  s.rows = shape[axes[0]];
  s.cols = shape[axes[1]];
  s.values.resize(size_t(s.rows * s.cols));
  for (int64_t r = 0; r < s.rows; ++r)
    for (int64_t c = 0; c < s.cols; ++c) {
      Index i{0, 0, 0};
      i[fixedAxis] = position;
      i[axes[0]] = s.rows - 1 - r;
      i[axes[1]] = c;
      s.values[size_t(r * s.cols + c)] = double(values[shape.linear(i)]);
    }
  return s;
}

template Slice extractSlice<float>(const float*, const Shape&, int, int64_t);
template Slice extractSlice<uint8_t>(const uint8_t*, const Shape&, int, int64_t);

namespace {

constexpr int kGap = 6;
constexpr int kHeader = 36;
constexpr int kColumnTitle = 16;
const char* const kColumns[4] = {"original", "augmented", "anomaly mask", "soft label"};
const char* const kPlaneNames[3] = {"axial", "coronal", "sagittal"};
const char kAxisLetter[3] = {'z', 'y', 'x'};

struct Row {
  int fixedAxis;  // -1 for 2D
  int64_t position;
  std::string caption;
};

int scaleFor(const Shape& shape) {
  int64_t largest = 0;
  for (int d = 0; d < shape.ndim; ++d) largest = std::max(largest, shape[d]);
  return largest <= 128 ? 2 : 1;
}

}  // namespace

Figure renderSampleMontage(const MontageInput& in) {
  const Image& original = *in.original;
  const SyntheticSample& sample = *in.sample;
  const Shape& shape = original.shape();
  const int scale = scaleFor(shape);
  const bool haveObject = in.objectMask && !in.objectMask->empty();

  std::vector<Row> rows;
  if (shape.ndim == 2) {
    rows.push_back({-1, 0, ""});
  } else {
    for (size_t k = 0; k < sample.anomalies.size(); ++k) {
      const Box& b = sample.anomalies[k].box;
      for (int axis = 0; axis < 3; ++axis) {
        const int64_t centre = b.corner[axis] + b.size[axis] / 2;
        rows.push_back({axis, centre,
                        "anomaly " + std::to_string(k + 1) + ", " + kPlaneNames[axis] + " " + kAxisLetter[axis] + "=" +
                            std::to_string(centre)});
      }
    }
  }

  // Column width: the widest slice; row height: that row's slice height.
  int columnWidth = 0, height = kHeader + kColumnTitle;
  std::vector<int> rowHeights;
  for (const Row& r : rows) {
    const Slice probe = extractSlice(sample.anomalyMask.data(), shape, std::max(r.fixedAxis, 0), r.position);
    columnWidth = std::max(columnWidth, int(probe.cols) * scale);
    rowHeights.push_back(int(probe.rows) * scale);
    height += rowHeights.back() + kGap;
  }
  Figure fig(4 * columnWidth + 5 * kGap, height);
  fig.caption(kGap, 4, in.title);
  for (int c = 0; c < 4; ++c) fig.caption(kGap + c * (columnWidth + kGap), kHeader, kColumns[c]);

  std::vector<float> windowValues;
  for (int64_t k = 0; k < original.voxelCount(); ++k)
    if (!haveObject || (*in.objectMask)[k]) windowValues.push_back(original.channel(0)[k]);
  const Window window = robustWindow(windowValues);
  const auto grey = [&](double v) {
    const double t = std::clamp((v - window.low) / (window.high - window.low), 0.0, 1.0);
    const uint8_t g = uint8_t(std::lround(255.0 * t));
    return Rgb{g, g, g};
  };

  int y = kHeader + kColumnTitle;
  for (size_t r = 0; r < rows.size(); ++r) {
    const int axis = std::max(rows[r].fixedAxis, 0);
    const int64_t pos = rows[r].position;
    const Slice orig = extractSlice(original.channel(0), shape, axis, pos);
    const Slice aug = extractSlice(sample.augmented.channel(0), shape, axis, pos);
    const Slice mask = extractSlice(sample.anomalyMask.data(), shape, axis, pos);
    const Slice label = extractSlice(sample.label.data(), shape, axis, pos);
    Slice object;
    if (haveObject) object = extractSlice(in.objectMask->data(), shape, axis, pos);
    // Background (outside the object and untouched) is drawn black, as in the paper's figures.
    const auto background = [&](const Slice& s, size_t k) {
      return haveObject && object.values[k] == 0 && s.values[k] == orig.values[k];
    };
    auto drawImage = [&](const Slice& s, int column) {
      std::vector<bool> black(s.values.size());
      for (size_t k = 0; k < s.values.size(); ++k) black[k] = background(s, k);
      int x = kGap + column * (columnWidth + kGap);
      size_t k = 0;
      fig.drawSlice(s, x, y, scale, [&](double v) { return black[k++] ? Rgb{0, 0, 0} : grey(v); });
    };
    drawImage(orig, 0);
    drawImage(aug, 1);
    fig.drawSlice(mask, kGap + 2 * (columnWidth + kGap), y, scale,
                  [](double v) { return v != 0 ? Rgb{235, 235, 235} : Rgb{0, 0, 0}; });
    fig.drawSlice(label, kGap + 3 * (columnWidth + kGap), y, scale, heatColour);
    if (!rows[r].caption.empty()) fig.caption(kGap + 2, y + 2, rows[r].caption);
    y += rowHeights[r] + kGap;
  }
  return fig;
}

}  // namespace lightbox::workflows
