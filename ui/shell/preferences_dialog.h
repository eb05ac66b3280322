#pragma once
// Edit > Preferences…: the user interface language (System / English / Deutsch / 简体中文), stored in QSettings
// under languageSettingsKey() and applied at the next start (app/desktop/translations_setup.cpp reads it).

#include <QDialog>
#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;

namespace lightbox::ui {

/// QSettings key of the language preference: "" (or absent) = follow the system, else "en", "de" or "zh_CN".
QString languageSettingsKey();
/// The language codes offered, "" (system) first.
QStringList availableLanguages();
/// The stored preference ("" when unset or unknown).
QString storedLanguage();

class PreferencesDialog : public QDialog {
  Q_OBJECT
 public:
  explicit PreferencesDialog(QWidget* parent = nullptr);

  /// The language code chosen in the dialog ("" = system).
  QString language() const;
  void setLanguage(const QString& code);
  /// Writes the choice to QSettings (also done when the dialog is accepted).
  void save() const;

 private:
  void updateNote();

  QComboBox* language_;
  QLabel* note_;
  QString initial_;
};

}  // namespace lightbox::ui
