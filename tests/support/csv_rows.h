#pragma once
// Reads back a findings CSV the way the GUI tests need it: rows of cells, byte-order mark dropped, split on commas
// outside quotes. Our exports quote no line breaks, so a CRLF always ends a row.

#include <QFile>
#include <QString>
#include <QStringList>
#include <vector>

namespace lightbox::test {

/// Empty when the file cannot be read.
inline std::vector<QStringList> readCsvRows(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QString text = QString::fromUtf8(f.readAll());
  if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);
  std::vector<QStringList> rows;
  for (const QString& line : text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (QChar c : line) {
      if (c == QLatin1Char('"'))
        quoted = !quoted;
      else if (c == QLatin1Char(',') && !quoted)
        cells << cell, cell.clear();
      else
        cell += c;
    }
    cells << cell;
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace lightbox::test
