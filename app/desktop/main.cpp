// lightbox: the desktop application. Composition root only; ui/ does the work.
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include "screenshots.h"
#include "translations_setup.h"
#include "shell/main_window.h"

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  lightbox::desktop::installTranslations(app);  // language preference, QLocale default, translators
  QApplication::setOrganizationName(QStringLiteral("Lightbox"));
  QApplication::setApplicationName(QStringLiteral("Lightbox"));
  QApplication::setApplicationVersion(QStringLiteral(LIGHTBOX_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("org.lightbox.Lightbox"));  // the desktop entry's id (Wayland app id)

  QTranslator qtTranslator;
  if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(&qtTranslator);

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Anomaly localisation from healthy images"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("project"),
                               QApplication::translate("main", "Project file (.lightbox) to open"),
                               QStringLiteral("[project]"));
  QCommandLineOption screenshotDir(QStringLiteral("screenshot-dir"),
                                   QStringLiteral("Grab every work area into DIR as PNG, then quit (docs)."),
                                   QStringLiteral("DIR"));
  screenshotDir.setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOption(screenshotDir);
  parser.process(app);

  lightbox::ui::MainWindow window;
  const QStringList args = parser.positionalArguments();
  window.show();
  if (parser.isSet(screenshotDir)) {
    if (args.isEmpty()) {
      qCritical("--screenshot-dir needs a project to open");
      return 2;
    }
    window.setInteractive(false);
    window.resize(1560, 960);  // the virtual screen of scripts/screenshots.sh is 1600x1000
    auto* driver = new lightbox::desktop::ScreenshotDriver(&window, parser.value(screenshotDir), &app);
    QTimer::singleShot(0, driver, [driver, project = args.first()] { driver->start(project); });
  } else if (!args.isEmpty()) {
    QTimer::singleShot(0, &window, [&window, project = args.first()] { window.openProject(project); });
  }
  return QApplication::exec();
}
