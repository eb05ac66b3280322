#pragma once
// Small painted widgets of the review workspace: the heat map's colour legend (with the threshold marked on it) and
// the histogram of the image's scores drawn beside the threshold slider (0 at the bottom, 1 at the top, as the
// slider runs).

#include <QApplication>
#include <QWidget>
#include <array>

#include "review/review_logic.h"

namespace lightbox::ui {

/// The wait cursor while a short read blocks the GUI thread (showing an image, fitting the colour scale).
struct WaitCursor {
  WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
  ~WaitCursor() { QApplication::restoreOverrideCursor(); }
  WaitCursor(const WaitCursor&) = delete;
  WaitCursor& operator=(const WaitCursor&) = delete;
};

class ColourLegend : public QWidget {
  Q_OBJECT
 public:
  explicit ColourLegend(QWidget* parent = nullptr);
  void setScale(const std::array<QRgb, 256>& lut, double min, double max);
  void setThreshold(double threshold);  ///< < 0: none
  void setCaption(const QString& caption);
  double min() const { return min_; }
  double max() const { return max_; }
  QSize sizeHint() const override { return {240, 46}; }

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  std::array<QRgb, 256> lut_{};
  double min_ = 0, max_ = 1, threshold_ = -1;
  QString caption_;
};

class ScoreHistogramView : public QWidget {
  Q_OBJECT
 public:
  explicit ScoreHistogramView(QWidget* parent = nullptr);
  void setHistogram(ScoreHistogram histogram);
  void setThreshold(double threshold);
  const ScoreHistogram& histogram() const { return histogram_; }
  QSize sizeHint() const override { return {70, 200}; }
  QSize minimumSizeHint() const override { return {50, 100}; }

 protected:
  void paintEvent(QPaintEvent*) override;

 private:
  ScoreHistogram histogram_;
  double threshold_ = -1;
};

}  // namespace lightbox::ui
