#pragma once
// The user interface language of the desktop application, chosen once at start-up.

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace lightbox::desktop {

/// The locale for a language code: "" = the system's, "en", "de", "zh_CN" (anything else: the system's).
QLocale localeForLanguage(const QString& code);

/// Installs on `app` Lightbox's translation for `locale` (embedded at :/i18n); for English, or a language Lightbox
/// has no translation for (which then shows the English source text), the English plural forms ("1 image").
void installLightboxTranslation(QCoreApplication& app, const QLocale& locale);

/// Chooses the language — $LIGHTBOX_LANGUAGE if set, else the preference of Edit > Preferences (QSettings
/// "ui/language", organisation and application "Lightbox"), else the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
/// — makes it QLocale's default, so numbers and dates follow it, and installs on `app` Lightbox's translation
/// (see installLightboxTranslation) and Qt's own (qtbase_*.qm of qt6-translations-l10n, when installed; none for English).
/// Call right after the application object is constructed, before any widget exists. Returns the locale.
QLocale installTranslations(QCoreApplication& app);

}  // namespace lightbox::desktop
