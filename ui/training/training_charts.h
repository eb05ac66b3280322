#pragma once
// The training monitor's charts (Qt Charts): train-loss moving average and validation loss, learning rate, held-out
// pixel AP per task (the method's own calibration signal) and the per-task coverage bars.

#include <QList>
#include <QWidget>

#include "training/training_logic.h"

class QBarSet;
class QBarSeries;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace lightbox::ui {

class TrainingCharts : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingCharts(QWidget* parent = nullptr);

  void showSeries(const MonitorSeries& series);
  void showCoverage(const QList<TaskCoverage>& coverage);
  void clear();

  // For tests.
  int trainLossPoints() const;
  int learningRatePoints() const;
  int validationLossPoints() const;
  int heldoutApSeries() const { return int(apSeries_.size()); }
  int heldoutApPoints() const;
  int coverageBars() const;  ///< tasks with a measured held-out AP

 private:
  QChartView* makeView(QChart* chart, const QString& objectName);

  QChart* lossChart_;
  QChart* lrChart_;
  QChart* apChart_;
  QChart* coverageChart_;
  QLineSeries* trainLoss_;
  QLineSeries* valLoss_;
  QLineSeries* lr_;
  QList<QLineSeries*> apSeries_;
  QList<int> apTasks_;
  QValueAxis* lossX_;
  QValueAxis* lossY_;
  QValueAxis* lrX_;
  QValueAxis* lrY_;
  QValueAxis* apX_;
  QValueAxis* apY_;
  QBarSeries* coverage_;
  QBarSet* heldOutBars_;
  QBarSet* trainingBars_ = nullptr;
  QBarCategoryAxis* coverageX_;
  QValueAxis* coverageY_;
  QLabel* coverageNote_;
  int measuredBars_ = 0;
};

}  // namespace lightbox::ui
