#include "review/review_widgets.h"

#include <QPainter>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace lightbox::ui {

ColourLegend::ColourLegend(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("colourLegend"));
  lut_ = colourTable(QStringLiteral("inferno"));
  setMinimumHeight(40);
}

void ColourLegend::setScale(const std::array<QRgb, 256>& lut, double min, double max) {
  lut_ = lut;
  min_ = min;
  max_ = max;
  update();
}

void ColourLegend::setThreshold(double threshold) {
  threshold_ = threshold;
  update();
}

void ColourLegend::setCaption(const QString& caption) {
  caption_ = caption;
  setToolTip(caption);
  update();
}

void ColourLegend::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QFontMetrics fm(font());
  const int m = 6;
  const QRect bar(m, 2, width() - 2 * m, std::max(8, height() - fm.height() - 8));
  QImage strip(256, 1, QImage::Format_RGB32);
  for (int k = 0; k < 256; ++k) strip.setPixel(k, 0, lut_[size_t(k)]);
  p.drawImage(bar, strip);
  p.setPen(palette().color(QPalette::Mid));
  p.drawRect(bar.adjusted(0, 0, -1, -1));
  p.setPen(palette().color(QPalette::WindowText));
  for (double t : legendTicks(min_, max_, 5)) {
    const int x = bar.left() + int(std::lround(normalise(t, min_, max_) * (bar.width() - 1)));
    p.drawLine(x, bar.bottom(), x, bar.bottom() + 3);
    const QString label = QLocale().toString(t, 'g', 3);
    const int w = fm.horizontalAdvance(label);
    p.drawText(std::clamp(x - w / 2, 0, width() - w), bar.bottom() + 4 + fm.ascent(), label);
  }
  if (threshold_ >= 0 && max_ > min_) {
    const int x = bar.left() + int(std::lround(normalise(threshold_, min_, max_) * (bar.width() - 1)));
    p.setPen(QPen(QColor(80, 200, 255), 2));
    p.drawLine(x, bar.top() - 1, x, bar.bottom() + 1);
  }
}

ScoreHistogramView::ScoreHistogramView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("scoreHistogram"));
  setToolTip(tr("Scores of this image's voxels (logarithmic counts), 0 at the bottom, 1 at the top; the line is the "
                "threshold"));
}

void ScoreHistogramView::setHistogram(ScoreHistogram histogram) {
  histogram_ = std::move(histogram);
  update();
}

void ScoreHistogramView::setThreshold(double threshold) {
  threshold_ = threshold;
  update();
}

void ScoreHistogramView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().color(QPalette::Base));
  const int bins = int(histogram_.counts.size());
  const int top = 8, bottom = height() - 8;  // the slider's handle travels about this far
  const double h = double(bottom - top);
  if (bins > 0 && histogram_.total > 0) {
    double peak = 0;
    for (auto c : histogram_.counts) peak = std::max(peak, std::log1p(double(c)));
    for (int b = 0; b < bins; ++b) {
      const double len = peak > 0 ? std::log1p(double(histogram_.counts[size_t(b)])) / peak : 0;
      const double y1 = bottom - h * double(b + 1) / bins, y0 = bottom - h * double(b) / bins;
      const bool over = threshold_ >= 0 && double(b) / bins >= threshold_;
      p.fillRect(QRectF(1, y1, (width() - 2) * len, std::max(1.0, y0 - y1 - 0.5)),
                 over ? QColor(230, 120, 40) : QColor(120, 120, 130));
    }
  }
  if (threshold_ >= 0) {
    const double y = bottom - h * threshold_;
    p.setPen(QPen(QColor(80, 200, 255), 2));
    p.drawLine(QPointF(0, y), QPointF(width(), y));
  }
  p.setPen(palette().color(QPalette::Mid));
  p.drawRect(rect().adjusted(0, 0, -1, -1));
}

}  // namespace lightbox::ui
