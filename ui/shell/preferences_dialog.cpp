#include "shell/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace lightbox::ui {

QString languageSettingsKey() { return QStringLiteral("ui/language"); }

QStringList availableLanguages() {
  return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString storedLanguage() {
  const QString code = QSettings().value(languageSettingsKey()).toString();
  return availableLanguages().contains(code) ? code : QString();
}

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("preferencesDialog"));
  setWindowTitle(tr("Preferences"));

  language_ = new QComboBox(this);
  language_->setObjectName(QStringLiteral("languageCombo"));
  // Each language is named in itself, so that it can be found whatever the current language is.
  language_->addItem(tr("System default"), QString());
  language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
  language_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
  language_->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));

  note_ = new QLabel(this);
  note_->setObjectName(QStringLiteral("languageNote"));
  note_->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("&Language:"), language_);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    save();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note_);
  layout->addStretch();
  layout->addWidget(buttons);

  initial_ = storedLanguage();
  setLanguage(initial_);
  connect(language_, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateNote);
  updateNote();
  setMinimumWidth(420);
}

QString PreferencesDialog::language() const { return language_->currentData().toString(); }

void PreferencesDialog::setLanguage(const QString& code) {
  const int i = language_->findData(code);
  language_->setCurrentIndex(i >= 0 ? i : 0);
}

void PreferencesDialog::save() const {
  QSettings settings;
  if (language().isEmpty())
    settings.remove(languageSettingsKey());
  else
    settings.setValue(languageSettingsKey(), language());
}

void PreferencesDialog::updateNote() {
  note_->setText(language() == initial_ ? tr("The language applies to the whole application.")
                                        : tr("The new language applies after Lightbox is restarted."));
}

}  // namespace lightbox::ui
