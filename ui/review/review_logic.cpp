#include "review/review_logic.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace lightbox::ui {

namespace {

/// The translation context of the words below (lupdate sees ReviewText::tr).
class ReviewText {
  Q_DECLARE_TR_FUNCTIONS(ReviewText)
};

struct Stop {
  double t;
  int r, g, b;
};

std::array<QRgb, 256> interpolate(const std::vector<Stop>& stops) {
  std::array<QRgb, 256> out{};
  for (int k = 0; k < 256; ++k) {
    const double t = k / 255.0;
    size_t i = 1;
    while (i + 1 < stops.size() && stops[i].t < t) ++i;
    const Stop& a = stops[i - 1];
    const Stop& b = stops[i];
    const double f = b.t > a.t ? std::clamp((t - a.t) / (b.t - a.t), 0.0, 1.0) : 0.0;
    const auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    out[size_t(k)] = qRgb(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
  }
  return out;
}

}  // namespace

QStringList colourMapNames() {
  return {QStringLiteral("inferno"), QStringLiteral("viridis"), QStringLiteral("hot"), QStringLiteral("grey")};
}

std::array<QRgb, 256> colourTable(const QString& name) {
  // Control points sampled from matplotlib's perceptually uniform maps (every 1/8), linearly interpolated.
  if (name == QLatin1String("viridis"))
    return interpolate({{0.0, 68, 1, 84},      {0.125, 71, 44, 122},  {0.25, 59, 81, 139},  {0.375, 44, 113, 142},
                        {0.5, 33, 144, 141},   {0.625, 39, 173, 129}, {0.75, 92, 200, 99},  {0.875, 170, 220, 50},
                        {1.0, 253, 231, 37}});
  if (name == QLatin1String("hot"))
    return interpolate({{0.0, 10, 0, 0}, {0.365, 255, 0, 0}, {0.746, 255, 255, 0}, {1.0, 255, 255, 255}});
  if (name == QLatin1String("grey")) return interpolate({{0.0, 0, 0, 0}, {1.0, 255, 255, 255}});
  return interpolate({{0.0, 0, 0, 4},       {0.125, 31, 12, 72},  {0.25, 85, 15, 109},  {0.375, 136, 34, 106},
                      {0.5, 186, 54, 85},   {0.625, 227, 89, 51}, {0.75, 249, 140, 10}, {0.875, 249, 201, 50},
                      {1.0, 252, 255, 164}});
}

double normalise(double value, double min, double max) {
  if (!(max > min)) return 0.0;
  return std::clamp((value - min) / (max - min), 0.0, 1.0);
}

std::vector<double> legendTicks(double min, double max, int maxTicks) {
  if (!(max > min) || maxTicks < 2) return {min, max};
  const double raw = (max - min) / double(maxTicks - 1);
  const int exponent = int(std::floor(std::log10(raw)));
  const double magnitude = std::pow(10.0, exponent);
  double factor = 1.0;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    factor = m;
    const double st = m * magnitude, e = st * 1e-9;
    if (std::floor((max + e) / st) - std::ceil((min - e) / st) + 1 <= double(maxTicks)) break;
  }
  // Tick k is k * factor * 10^exponent, computed as an integer over a power of ten so that 0.6 prints as 0.6.
  const double step = factor * magnitude;
  const auto value = [&](int64_t k) {
    return exponent < 0 ? double(k) * factor / std::pow(10.0, -exponent) : double(k) * factor * magnitude;
  };
  std::vector<double> ticks;
  const double eps = step * 1e-9;
  for (auto k = int64_t(std::ceil((min - eps) / step)); value(k) <= max + eps; ++k) ticks.push_back(value(k) + 0.0);
  return ticks;
}

std::pair<double, double> stretchRange(std::span<const float> values) {
  if (values.empty()) return {0.0, 1.0};
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  double a = *lo, b = *hi;
  if (!(b - a >= 1e-6)) b = a + 1e-6;
  return {a, b};
}

int64_t ScoreHistogram::above(double threshold) const {
  int64_t n = 0;
  const int bins = int(counts.size());
  for (int b = 0; b < bins; ++b)
    if (double(b) / bins >= threshold - 1e-12) n += counts[size_t(b)];
  return n;
}

ScoreHistogram scoreHistogram(std::span<const float> values, int bins) {
  ScoreHistogram h;
  bins = std::max(1, bins);
  h.counts.assign(size_t(bins), 0);
  for (float v : values) {
    const double c = std::clamp(double(v), 0.0, 1.0);  // NaN clamps to NaN: skip it
    if (std::isnan(c)) continue;
    ++h.counts[size_t(std::min(bins - 1, int(c * bins)))];
    ++h.total;
  }
  return h;
}

int thresholdToSlider(double threshold) { return int(std::lround(std::clamp(threshold, 0.0, 1.0) * 1000.0)); }
double sliderToThreshold(int position) { return std::clamp(position, 0, 1000) / 1000.0; }

QString decisionText(workflows::ReviewDecision decision) {
  switch (decision) {
    case workflows::ReviewDecision::Accepted: return ReviewText::tr("Accepted");
    case workflows::ReviewDecision::Rejected: return ReviewText::tr("Rejected");
    case workflows::ReviewDecision::Unreviewed: break;
  }
  return ReviewText::tr("Unreviewed");
}

ImageReviewState imageReviewState(const workflows::ReviewImage& image) {
  if (image.findings == 0) return ImageReviewState::NoFindings;
  if (image.reviewed() == 0) return ImageReviewState::NotStarted;
  if (image.reviewed() >= image.findings) return ImageReviewState::Done;
  return ImageReviewState::InProgress;
}

QString imageReviewStateText(ImageReviewState state) {
  switch (state) {
    case ImageReviewState::NoFindings: return ReviewText::tr("No findings");
    case ImageReviewState::NotStarted: return ReviewText::tr("Not started");
    case ImageReviewState::InProgress: return ReviewText::tr("In progress");
    case ImageReviewState::Done: return ReviewText::tr("Done");
  }
  return {};
}

QString imageDisplayName(const std::string& sourcePath) {
  QString path = QString::fromStdString(sourcePath);
  // "name:" of two characters or more before any separator: a generated image's dataset, not a drive letter.
  const qsizetype colon = path.indexOf(QLatin1Char(':'));
  const qsizetype slash = path.indexOf(QRegularExpression(QStringLiteral("[/\\\\]")));
  if (colon >= 2 && (slash < 0 || colon < slash)) path = path.mid(colon + 1);
  const qsizetype last = path.lastIndexOf(QRegularExpression(QStringLiteral("[/\\\\]")));
  QString name = last >= 0 ? path.mid(last + 1) : path;
  if (name.isEmpty()) return QString::fromStdString(sourcePath);
  // A generated image names its source array after '#' ("b.nii.gz#slice:0003"): the slice in words, 1-based.
  const qsizetype hash = name.lastIndexOf(QLatin1Char('#'));
  if (hash > 0) {
    const QString kind = name.mid(hash + 1);
    const QString shown = fileAndSliceText(name.left(hash), kind);
    if (shown != name.left(hash)) return shown;
  }
  return name;
}

QString elideComboText(const QString& text, const QFontMetrics& metrics) {
  return metrics.elidedText(text, Qt::ElideMiddle, metrics.averageCharWidth() * 48);
}

QString progressText(int64_t reviewed, int64_t total) {
  return ReviewText::tr("%1 of %2 reviewed").arg(reviewed).arg(total);
}

QString positionText(const std::array<double, 3>& mm, int ndim) {
  const QLocale l;  // decimal separator of the UI language
  if (ndim == 3)
    return ReviewText::tr("(%1, %2, %3) mm").arg(l.toString(mm[0], 'f', 1), l.toString(mm[1], 'f', 1), l.toString(mm[2], 'f', 1));
  return ReviewText::tr("(%1, %2) mm").arg(l.toString(mm[0], 'f', 1), l.toString(mm[1], 'f', 1));
}

QString sizeText(double size, int ndim) {
  const QString v = QLocale().toString(size, 'f', 1);
  return ndim == 3 ? ReviewText::tr("%1 mm³").arg(v) : ReviewText::tr("%1 mm²").arg(v);
}

QString manualShapeText(const std::string& shape) {
  if (shape == "box") return ReviewText::tr("box");
  if (shape == "ellipse") return ReviewText::tr("ellipse");
  if (shape == "brush") return ReviewText::tr("brush");
  return QString::fromStdString(shape);
}

QString findingOriginText(const workflows::ReviewFinding& f) {
  if (f.manual)
    return f.manualShape.empty() ? ReviewText::tr("✎ manual")
                                 : ReviewText::tr("✎ manual (%1)").arg(manualShapeText(f.manualShape));
  if (f.adjusted) return ReviewText::tr("✎ adjusted");
  return {};
}

}  // namespace lightbox::ui
