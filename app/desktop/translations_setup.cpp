#include "translations_setup.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include "shell/preferences_dialog.h"

namespace lightbox::desktop {

QLocale localeForLanguage(const QString& code) {
  if (code == QLatin1String("en")) return QLocale(QLocale::English, QLocale::UnitedStates);
  if (code == QLatin1String("de")) return QLocale(QLocale::German, QLocale::Germany);
  if (code == QLatin1String("zh_CN")) return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
  return QLocale::system();
}

namespace {

QString chosenLanguage(const QCoreApplication& app) {
  if (qEnvironmentVariableIsSet("LIGHTBOX_LANGUAGE")) return qEnvironmentVariable("LIGHTBOX_LANGUAGE");
  // main() names the organisation and application after this call; the settings are the same file.
  const QString org = app.organizationName().isEmpty() ? QStringLiteral("Lightbox") : app.organizationName();
  const QString name = app.applicationName().isEmpty() || app.applicationName() == QFileInfo(app.applicationFilePath()).fileName()
                           ? QStringLiteral("Lightbox")
                           : app.applicationName();
  const QString code = QSettings(org, name).value(ui::languageSettingsKey()).toString();
  return ui::availableLanguages().contains(code) ? code : QString();
}

void install(QCoreApplication& app, const QLocale& locale, const QString& name, const QString& dir) {
  auto* t = new QTranslator(&app);
  if (t->load(locale, name, QStringLiteral("_"), dir))
    QCoreApplication::installTranslator(t);
  else
    delete t;
}

}  // namespace

QLocale installTranslations(QCoreApplication& app) {
  const QString code = chosenLanguage(app);
  const QLocale locale = localeForLanguage(code);
  QLocale::setDefault(locale);
  if (code == QLatin1String("en") || locale.language() == QLocale::English) return locale;  // the source text
  install(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  install(app, locale, QStringLiteral("lightbox"), QStringLiteral(":/i18n"));
  return locale;
}

}  // namespace lightbox::desktop
