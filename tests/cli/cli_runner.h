#pragma once
// Runs the lightbox-cli binary under test (path from the build: LIGHTBOX_CLI) and collects what a user would see.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace clitest {

struct Run {
  int exitCode;
  QString out, err;
};

inline Run cli(const QStringList& args, int timeoutMs = 180000) {
  QProcess p;
  p.start(QStringLiteral(LIGHTBOX_CLI), args);
  if (!p.waitForFinished(timeoutMs)) return {-1, {}, QStringLiteral("timed out")};
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace clitest
