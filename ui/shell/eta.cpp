#include "shell/eta.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace lightbox::ui {

void EtaEstimator::reset() { *this = EtaEstimator(); }

double EtaEstimator::update(long long done, long long total, double elapsedSeconds) {
  if (total <= 0) {
    started_ = false;
    return -1;
  }
  if (!started_ || total != total_) {  // a new phase with its own total starts the clock again
    started_ = true;
    startSeconds_ = elapsedSeconds;
    startDone_ = done;
    total_ = total;
    return -1;
  }
  const double spent = elapsedSeconds - startSeconds_;
  const long long progressed = done - startDone_;
  if (done >= total) return 0;
  if (spent < minElapsed || progressed <= 0) return -1;
  return double(total - done) * spent / double(progressed);
}

QString formatEta(double secondsLeft) {
  if (!(secondsLeft >= 0)) return {};
  if (secondsLeft < 1) return QCoreApplication::translate("Eta", "almost done");
  if (secondsLeft < 60) {
    const int s = int(std::ceil(secondsLeft));
    return QCoreApplication::translate("Eta", "%n s left", nullptr, s);
  }
  const int minutes = int(std::ceil(secondsLeft / 60.0));
  if (minutes < 60) return QCoreApplication::translate("Eta", "about %n min left", nullptr, minutes);
  const int hours = minutes / 60, rest = minutes % 60;
  if (rest == 0) return QCoreApplication::translate("Eta", "about %n h left", nullptr, hours);
  return QCoreApplication::translate("Eta", "about %1 h %2 min left").arg(hours).arg(rest);
}

QString formatCount(long long done, long long total) {
  const QLocale locale;
  if (total <= 0) return locale.toString(done);
  return QCoreApplication::translate("Eta", "%1 of %2").arg(locale.toString(done), locale.toString(total));
}

}  // namespace lightbox::ui
