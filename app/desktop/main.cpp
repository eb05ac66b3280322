// lightbox: the desktop application. Composition root only; ui/ does the work.
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include "demo_launcher.h"
#include "demo_screenshots.h"
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
  QCommandLineOption demoScreenshots(QStringLiteral("demo-screenshots"),
                                     QStringLiteral("With --screenshot-dir: grab the review features of a demo project "
                                                    "(it is written to: pass a copy)."));
  demoScreenshots.setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOption(demoScreenshots);
  QCommandLineOption demo(QStringLiteral("demo"),
                          QApplication::translate("main", "Build the demo project (real healthy brain slices, simulated "
                                                          "lesions, a short training) or reuse it, and review it"));
  parser.addOption(demo);
  QCommandLineOption demoProject(QStringLiteral("demo-project"),
                                 QApplication::translate("main", "With --demo: the demo project file"),
                                 QStringLiteral("FILE"));
  parser.addOption(demoProject);
  QCommandLineOption demoMinutes(QStringLiteral("demo-minutes"),
                                 QApplication::translate("main", "With --demo: training time in minutes (default 3)"),
                                 QStringLiteral("M"), QStringLiteral("3"));
  parser.addOption(demoMinutes);
  parser.process(app);

  lightbox::ui::MainWindow window;
  const QStringList args = parser.positionalArguments();
  window.show();
  if (parser.isSet(demo)) {
    lightbox::desktop::DemoLauncher::Options o;
    o.projectPath = parser.value(demoProject);
    o.minutes = parser.value(demoMinutes).toDouble();
    if (!(o.minutes > 0)) o.minutes = 3;
    o.screenshotDir = parser.value(screenshotDir);
    if (!o.screenshotDir.isEmpty()) {
      window.setInteractive(false);
      window.resize(1560, 960);
    }
    auto* launcher = new lightbox::desktop::DemoLauncher(&window, o, &app);
    QTimer::singleShot(0, launcher, &lightbox::desktop::DemoLauncher::start);
  } else if (parser.isSet(screenshotDir)) {
    if (args.isEmpty()) {
      qCritical("--screenshot-dir needs a project to open");
      return 2;
    }
    window.setInteractive(false);
    window.resize(1560, 960);  // the virtual screen of scripts/screenshots.sh is 1600x1000
    if (parser.isSet(demoScreenshots)) {
      auto* driver = new lightbox::desktop::DemoScreenshotDriver(&window, parser.value(screenshotDir), &app);
      QTimer::singleShot(0, driver, [driver, project = args.first()] { driver->start(project); });
    } else {
      auto* driver = new lightbox::desktop::ScreenshotDriver(&window, parser.value(screenshotDir), &app);
      QTimer::singleShot(0, driver, [driver, project = args.first()] { driver->start(project); });
    }
  } else if (!args.isEmpty()) {
    QTimer::singleShot(0, &window, [&window, project = args.first()] { window.openProject(project); });
  }
  return QApplication::exec();
}
