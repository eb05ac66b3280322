#pragma once
// Remaining-time estimate for long jobs, and its wording. No widgets: tested on its own.

#include <QString>

namespace lightbox::ui {

/// Estimates the time left from the average rate since the first report with a known total (the scanning phase
/// before it, of unknown length, would make the rate meaningless).
class EtaEstimator {
 public:
  void reset();
  /// Returns the estimated seconds left, or a negative number while unknown (no total, nothing done yet, or less
  /// than `minElapsed` seconds of measured work).
  double update(long long done, long long total, double elapsedSeconds);

  static constexpr double minElapsed = 1.0;

 private:
  bool started_ = false;
  double startSeconds_ = 0;
  long long startDone_ = 0;
  long long total_ = -1;
};

/// "about 3 min left", "12 s left", "about 1 h 5 min left"; empty for a negative (unknown) value.
QString formatEta(double secondsLeft);

/// "2,345 of 10,000" (locale-aware digits), or just "2,345" when the total is unknown.
QString formatCount(long long done, long long total);

}  // namespace lightbox::ui
