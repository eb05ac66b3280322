#include "viewer/viewer_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace lightbox::ui {

namespace {

/// The translation context of the words below (lupdate sees SliceText::tr).
class SliceText {
  Q_DECLARE_TR_FUNCTIONS(SliceText)
};

/// The stored index of "slice:NNNN"; -1 for any other kind.
int64_t storedSlice(const QString& arrayKind) {
  static const QRegularExpression slice(QStringLiteral("^slice:(\\d+)$"));
  const QRegularExpressionMatch m = slice.match(arrayKind);
  return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

}  // namespace

qint64 displaySliceNumber(int64_t storedIndex) { return qint64(storedIndex) + 1; }

QString sliceText(int64_t storedIndex, int64_t total) {
  const QLocale l;
  if (total > 0)
    return SliceText::tr("slice %1 of %2").arg(l.toString(displaySliceNumber(storedIndex)), l.toString(qint64(total)));
  return SliceText::tr("slice %1").arg(l.toString(displaySliceNumber(storedIndex)));
}

QString fileAndSliceText(const QString& fileName, const QString& arrayKind) {
  const int64_t s = storedSlice(arrayKind);
  return s < 0 ? fileName : SliceText::tr("%1 — %2").arg(fileName, sliceText(s));
}

QString arrayKindText(const QString& arrayKind) {
  if (const int64_t s = storedSlice(arrayKind); s >= 0) return sliceText(s);
  if (arrayKind == QLatin1String("preprocessed")) return SliceText::tr("preprocessed");
  return arrayKind;
}

QString voxelValueText(double value) {
  QLocale l;
  l.setNumberOptions(QLocale::OmitGroupSeparator);  // "-1024" reads as a value (HU), "-1,024" as a count
  if (!std::isfinite(value)) return l.toString(value);
  if (value == std::round(value) && std::abs(value) < 1e15) return l.toString(qint64(value));
  if (std::abs(value) >= 1000) return l.toString(value, 'f', 1);
  return l.toString(value, 'g', 4);
}

}  // namespace lightbox::ui
