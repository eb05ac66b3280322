#pragma once
// Real files fetched by scripts/fetch-data.sh into $LIGHTBOX_TEST_DATA/<package>/<file>; tests that need one skip
// (and only they) when it is not there.

#include <QFileInfo>
#include <QString>
#include <QtGlobal>

namespace fixtures {

inline QString path(const char* relative) {
  const QString root = qEnvironmentVariable("LIGHTBOX_TEST_DATA");
  if (root.isEmpty()) return {};
  const QString p = root + "/" + QString::fromUtf8(relative);
  return QFileInfo(p).isFile() ? p : QString();
}

}  // namespace fixtures

#define LIGHTBOX_REQUIRE_FIXTURE(var, relative)                        \
  const QString var = fixtures::path(relative);                        \
  if (var.isEmpty()) QSKIP("fixtures not fetched: run scripts/fetch-data.sh")
