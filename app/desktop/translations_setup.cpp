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

bool install(QCoreApplication& app, const QLocale& locale, const QString& name, const QString& dir) {
  auto* t = new QTranslator(&app);
  if (t->load(locale, name, QStringLiteral("_"), dir)) {
    QCoreApplication::installTranslator(t);
    return true;
  }
  delete t;
  return false;
}

}  // namespace

void installLightboxTranslation(QCoreApplication& app, const QLocale& locale) {
  if (locale.language() != QLocale::English && install(app, locale, QStringLiteral("lightbox"), QStringLiteral(":/i18n")))
    return;
  // English is the source text, and also what a language without a translation shows: its file holds only the
  // plural forms, which the source writes as "%n image(s)".
  auto* t = new QTranslator(&app);
  if (t->load(QStringLiteral(":/i18n/lightbox_en.qm")))
    QCoreApplication::installTranslator(t);
  else
    delete t;
}

QLocale installTranslations(QCoreApplication& app) {
  const QString code = chosenLanguage(app);
  const QLocale locale = localeForLanguage(code);
  QLocale::setDefault(locale);
  if (locale.language() != QLocale::English)
    install(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  installLightboxTranslation(app, locale);
  return locale;
}

}  // namespace lightbox::desktop
