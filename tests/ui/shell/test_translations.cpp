// Translations (issue #8): lupdate over the sources finds no new, unfinished or missing entry in either language,
// every translation keeps the source's placeholders, and the compiled .qm files (embedded at :/i18n) load and
// translate — including the core's task names and parameters that reach the UI through ui/preview/task_text.
// English (issue #7) has a file of plural forms only, so "%n image(s)" reads "1 image" / "2 images"; the desktop
// application loads it for English and for languages without a translation of their own.
#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include "lightbox/core/task_settings.h"
#include "preview/task_text.h"
#include "shell/preferences_dialog.h"
#include "translations_setup.h"

using namespace lightbox;

namespace {

struct Message {
  QString context, source;
  bool numerus = false;
  QString type;          ///< the translation's type attribute ("unfinished", "vanished", "obsolete" or empty)
  QStringList forms;     ///< the translation, or its numerus forms
};

QList<Message> readTs(const QString& path, QString* error) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = f.errorString();
    return {};
  }
  QList<Message> out;
  QXmlStreamReader xml(&f);
  QString context;
  Message m;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    const auto name = xml.name();
    if (name == QLatin1String("context")) {
      context.clear();
    } else if (name == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (name == QLatin1String("message")) {
      m = Message{context, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}, {}};
    } else if (name == QLatin1String("source")) {
      m.source = xml.readElementText();
    } else if (name == QLatin1String("translation")) {
      m.type = xml.attributes().value(QLatin1String("type")).toString();
      if (m.numerus) {
        while (xml.readNextStartElement())
          if (xml.name() == QLatin1String("numerusform"))
            m.forms << xml.readElementText();
          else
            xml.skipCurrentElement();
      } else {
        m.forms << xml.readElementText();
      }
      out << m;
    }
  }
  if (xml.hasError()) *error = xml.errorString();
  return out;
}

QStringList placeholders(const QString& s) {
  QStringList out;
  static const QRegularExpression re(QStringLiteral("%L?[0-9]|%n"));
  for (auto it = re.globalMatch(s); it.hasNext();) out << it.next().captured();
  out.sort();
  out.removeDuplicates();
  return out;
}

// German and English: one/other; Chinese: one.
int formsFor(const QString& lang) { return lang == QLatin1String("zh_CN") ? 1 : 2; }

/// Removes and deletes the translators that installTranslations-style code parented to the application.
void removeAppTranslators() {
  for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly)) {
    QCoreApplication::removeTranslator(t);
    delete t;
  }
}

QString imagesWithTruth(int n) {
  return QCoreApplication::translate("lightbox::ui::CurvesDialog", "%n image(s) with ground truth", nullptr, n);
}

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void lupdateFindsEveryEntryFinished_data();
  void lupdateFindsEveryEntryFinished();
  void qmLoadsAndTranslates_data();
  void qmLoadsAndTranslates();
  void englishPluralsRead();
  void desktopLoadsEnglishPluralsWithoutATranslation();
  void languagePreferenceIsStored();
};

void TestTranslations::lupdateFindsEveryEntryFinished_data() {
  QTest::addColumn<QString>("lang");
  QTest::newRow("de") << QStringLiteral("de");
  QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
  QTest::newRow("en") << QStringLiteral("en");  // plural forms only
}

void TestTranslations::lupdateFindsEveryEntryFinished() {
  QFETCH(QString, lang);
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString committed = QStringLiteral(LIGHTBOX_TRANSLATIONS_DIR "/lightbox_%1.ts").arg(lang);
  const QString ts = dir.filePath(QStringLiteral("lightbox_%1.ts").arg(lang));
  QVERIFY2(QFile::copy(committed, ts), qPrintable(committed));
  QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);

  // The same sources as the build's lupdate (translations/CMakeLists.txt writes the list).
  QProcess lupdate;
  lupdate.setProcessChannelMode(QProcess::MergedChannels);
  const bool english = lang == QLatin1String("en");
  QStringList args{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("@" LIGHTBOX_LUPDATE_SOURCES), QStringLiteral("-ts"), ts};
  if (english) args.prepend(QStringLiteral("-pluralonly"));  // as translations/CMakeLists.txt runs it
  lupdate.start(QStringLiteral(LIGHTBOX_LUPDATE), args);
  QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
  const QString log = QString::fromLocal8Bit(lupdate.readAll());
  QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(log));

  QString error;
  const QList<Message> before = readTs(committed, &error);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const QList<Message> messages = readTs(ts, &error);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  QVERIFY2(messages.size() > (english ? 15 : 600), qPrintable(QString::number(messages.size())));

  QStringList problems;
  for (const Message& m : messages) {
    const QString where = QStringLiteral("%1: \"%2\"").arg(m.context, m.source);
    if (!m.type.isEmpty()) {
      problems << QStringLiteral("%1 is %2").arg(where, m.type);
      continue;
    }
    if (english && !m.numerus) problems << where + QStringLiteral(" is not a plural entry");
    if (m.numerus && m.forms.size() != formsFor(lang))
      problems << QStringLiteral("%1 has %2 plural forms, %3 expects %4").arg(where).arg(m.forms.size()).arg(lang).arg(formsFor(lang));
    for (const QString& f : m.forms) {
      if (f.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) problems << where + QStringLiteral(" is empty");
      if (placeholders(f) != placeholders(m.source))
        problems << QStringLiteral("%1: \"%2\" changes the placeholders").arg(where, f);
      if (english && f.contains(QLatin1String("(s)"))) problems << QStringLiteral("%1: \"%2\" keeps \"(s)\"").arg(where, f);
    }
  }
  // Nothing lupdate dropped as gone from the sources either: the committed file holds exactly today's entries.
  if (before.size() != messages.size())
    problems << QStringLiteral("the committed file has %1 entries, the sources %2: run the update_translations target")
                    .arg(before.size())
                    .arg(messages.size());
  QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("lightbox_%1.ts (%2 problems):\n  ").arg(lang).arg(problems.size()) +
                                          problems.mid(0, 40).join(QStringLiteral("\n  "))));
}

void TestTranslations::qmLoadsAndTranslates_data() {
  QTest::addColumn<QString>("lang");
  QTest::addColumn<QString>("file");
  QTest::addColumn<QString>("review");
  QTest::addColumn<QString>("secondsOne");
  QTest::addColumn<QString>("findingsFive");
  QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("&Datei") << QStringLiteral("Befundung")
                      << QStringLiteral("noch 1 s") << QStringLiteral("5 Befunde nach x.csv geschrieben");
  QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)") << QStringLiteral("审阅")
                         << QStringLiteral("剩余 1 秒") << QStringLiteral("已将 5 个发现写入 x.csv");
}

void TestTranslations::qmLoadsAndTranslates() {
  QFETCH(QString, lang);
  QFETCH(QString, file);
  QFETCH(QString, review);
  QFETCH(QString, secondsOne);
  QFETCH(QString, findingsFive);
  QTranslator t;
  QVERIFY2(t.load(QStringLiteral(":/i18n/lightbox_%1.qm").arg(lang)), "the .qm is not in lightbox_ui's resources");
  QVERIFY(QCoreApplication::installTranslator(&t));
  QCOMPARE(QCoreApplication::translate("lightbox::ui::MainWindow", "&File"), file);
  QCOMPARE(QCoreApplication::translate("lightbox::ui::MainWindow", "Review"), review);
  QCOMPARE(QCoreApplication::translate("Eta", "%n s left", nullptr, 1), secondsOne);
  QCOMPARE(QCoreApplication::translate("lightbox::ui::ExportDialog", "%n finding(s) written to %1", nullptr, 5)
               .arg(QStringLiteral("x.csv")),
           findingsFive);
  // The core's English task texts reach the UI translated (QT_TRANSLATE_NOOP tables in ui/preview/task_text.cpp).
  for (int i = 0; i < kTaskCount; ++i) {
    const auto id = TaskId(i);
    QVERIFY2(ui::taskTitle(id) != QString::fromUtf8(taskDisplayName(id).data(), qsizetype(taskDisplayName(id).size())),
             taskDisplayName(id).data());
    QVERIFY2(ui::taskBlurb(id) != QString::fromUtf8(taskDescription(id).data(), qsizetype(taskDescription(id).size())),
             taskDescription(id).data());
  }
  QVERIFY(ui::parameterLabel("label_sigma") != QLatin1String("Soft label sigma"));
  QVERIFY(QCoreApplication::removeTranslator(&t));
  QCOMPARE(QCoreApplication::translate("lightbox::ui::MainWindow", "&File"), QStringLiteral("&File"));
}

void TestTranslations::englishPluralsRead() {
  QTranslator t;
  QVERIFY2(t.load(QStringLiteral(":/i18n/lightbox_en.qm")), "lightbox_en.qm is not in lightbox_ui's resources");
  QVERIFY(QCoreApplication::installTranslator(&t));
  QCOMPARE(imagesWithTruth(1), QStringLiteral("1 image with ground truth"));
  QCOMPARE(imagesWithTruth(2), QStringLiteral("2 images with ground truth"));
  QCOMPARE(imagesWithTruth(0), QStringLiteral("0 images with ground truth"));
  QCOMPARE(QCoreApplication::translate("lightbox::ui::CurvesDialog", "False positives: %n image(s)", nullptr, 1),
           QStringLiteral("False positives: 1 image"));
  QCOMPARE(QCoreApplication::translate("lightbox::ui::ExportDialog", "%n finding(s) written to %1", nullptr, 5)
               .arg(QStringLiteral("x.csv")),
           QStringLiteral("5 findings written to x.csv"));
  QCOMPARE(QCoreApplication::translate("lightbox::ui::MainWindow", "&File"), QStringLiteral("&File"));  // source text
  QVERIFY(QCoreApplication::removeTranslator(&t));
  QCOMPARE(imagesWithTruth(1), QStringLiteral("1 image(s) with ground truth"));  // what English showed without it
}

void TestTranslations::desktopLoadsEnglishPluralsWithoutATranslation() {
  removeAppTranslators();
  desktop::installLightboxTranslation(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedKingdom));
  QCOMPARE(imagesWithTruth(1), QStringLiteral("1 image with ground truth"));
  removeAppTranslators();
  // French has no translation: the English source text shows, with its plurals.
  desktop::installLightboxTranslation(*QCoreApplication::instance(), QLocale(QLocale::French, QLocale::France));
  QCOMPARE(imagesWithTruth(2), QStringLiteral("2 images with ground truth"));
  removeAppTranslators();
  desktop::installLightboxTranslation(*QCoreApplication::instance(), desktop::localeForLanguage(QStringLiteral("de")));
  QCOMPARE(imagesWithTruth(1), QStringLiteral("1 Bild mit Referenzdaten"));
  QCOMPARE(imagesWithTruth(2), QStringLiteral("2 Bilder mit Referenzdaten"));
  removeAppTranslators();
  QCOMPARE(imagesWithTruth(1), QStringLiteral("1 image(s) with ground truth"));
}

void TestTranslations::languagePreferenceIsStored() {
  QSettings().remove(ui::languageSettingsKey());
  QCOMPARE(ui::storedLanguage(), QString());
  ui::PreferencesDialog d;
  QCOMPARE(d.language(), QString());
  d.setLanguage(QStringLiteral("zh_CN"));
  d.save();
  QCOMPARE(ui::storedLanguage(), QStringLiteral("zh_CN"));
  QCOMPARE(ui::PreferencesDialog().language(), QStringLiteral("zh_CN"));
  d.setLanguage(QString());
  d.save();
  QVERIFY(!QSettings().contains(ui::languageSettingsKey()));
  QSettings().setValue(ui::languageSettingsKey(), QStringLiteral("klingon"));
  QCOMPARE(ui::storedLanguage(), QString());  // unknown codes fall back to the system's language
  QSettings().remove(ui::languageSettingsKey());
}

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("LightboxTests"));
  QCoreApplication::setApplicationName(QStringLiteral("test_translations"));
  TestTranslations test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_translations.moc"
