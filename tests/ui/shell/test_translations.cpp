// Translations (issue #8): lupdate over the sources finds no new, unfinished or missing entry in either language,
// every translation keeps the source's placeholders, and the compiled .qm files (embedded at :/i18n) load and
// translate — including the core's task names and parameters that reach the UI through ui/preview/task_text.
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

int formsFor(const QString& lang) { return lang == QLatin1String("de") ? 2 : 1; }  // German: one/other; Chinese: one

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void lupdateFindsEveryEntryFinished_data();
  void lupdateFindsEveryEntryFinished();
  void qmLoadsAndTranslates_data();
  void qmLoadsAndTranslates();
  void languagePreferenceIsStored();
};

void TestTranslations::lupdateFindsEveryEntryFinished_data() {
  QTest::addColumn<QString>("lang");
  QTest::newRow("de") << QStringLiteral("de");
  QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
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
  lupdate.start(QStringLiteral(LIGHTBOX_LUPDATE),
                {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                 QStringLiteral("@" LIGHTBOX_LUPDATE_SOURCES), QStringLiteral("-ts"), ts});
  QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
  const QString log = QString::fromLocal8Bit(lupdate.readAll());
  QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(log));

  QString error;
  const QList<Message> before = readTs(committed, &error);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const QList<Message> messages = readTs(ts, &error);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  QVERIFY2(messages.size() > 600, qPrintable(QString::number(messages.size())));

  QStringList problems;
  for (const Message& m : messages) {
    const QString where = QStringLiteral("%1: \"%2\"").arg(m.context, m.source);
    if (!m.type.isEmpty()) {
      problems << QStringLiteral("%1 is %2").arg(where, m.type);
      continue;
    }
    if (m.numerus && m.forms.size() != formsFor(lang))
      problems << QStringLiteral("%1 has %2 plural forms, %3 expects %4").arg(where).arg(m.forms.size()).arg(lang).arg(formsFor(lang));
    for (const QString& f : m.forms) {
      if (f.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) problems << where + QStringLiteral(" is empty");
      if (placeholders(f) != placeholders(m.source))
        problems << QStringLiteral("%1: \"%2\" changes the placeholders").arg(where, f);
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
