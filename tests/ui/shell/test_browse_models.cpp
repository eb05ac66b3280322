// The browse workflow (listing, thumbnails, removal, import report) and the browser's item models: row counts,
// roles, lazy thumbnails through the cache, search and dataset filters, sorting. No widgets.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <set>

#include "lightbox/workflows/browse.h"
#include "lightbox/workflows/project_overview.h"
#include "shell/image_filter_proxy.h"
#include "shell/image_table_model.h"
#include "shell/thumbnail_cache.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

QString dataDir() { return qEnvironmentVariable("LIGHTBOX_TEST_DATA"); }

}  // namespace

class BrowseModelsTest : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString synthetic_;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    synthetic_ = dir_.filePath(QStringLiteral("synthetic.lightbox"));
    workflows::writeSyntheticBrowseProject(synthetic_.toStdString(), 300, 3, 32);
  }

  void listingHasEveryImage() {
    const auto contents = workflows::loadProjectContents(synthetic_.toStdString());
    QCOMPARE(contents.datasets.size(), size_t(3));
    QCOMPARE(contents.images.size(), size_t(300));
    for (const auto& d : contents.datasets) {
      QCOMPARE(d.role, std::string("healthy"));
      QCOMPARE(d.imported, 100);
    }
    const auto& first = contents.images.front();
    QCOMPARE(first.status, std::string("imported"));
    QVERIFY(first.sourcePath.find("case-") != std::string::npos);
    QVERIFY(first.voxels >= 256 * 256);
    QVERIFY(!first.spacing.empty());
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, workflows::loadProjectContents(dir_.filePath("missing.lightbox").toStdString()));
  }

  void thumbnailReader() {
    const auto contents = workflows::loadProjectContents(synthetic_.toStdString());
    workflows::ThumbnailReader reader(synthetic_.toStdString());
    const auto t = reader.load(contents.images[3].id);
    QVERIFY(t.has_value());
    QCOMPARE(t->width, 32);
    QCOMPARE(t->grey.size(), size_t(32 * 32));
    QVERIFY(!reader.load(999999).has_value());
  }

  void modelRowsColumnsRoles() {
    ImageTableModel model;
    QCOMPARE(model.rowCount(), 0);
    model.setContents(workflows::loadProjectContents(synthetic_.toStdString()));
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.columnCount(), int(ImageTableModel::ColumnCount));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);  // a flat table
    const QModelIndex file = model.index(0, ImageTableModel::FileColumn);
    QCOMPARE(file.data().toString(), QStringLiteral("case-00000.png"));
    QCOMPARE(file.data(Qt::ToolTipRole).toString(), QStringLiteral("/synthetic/case-00000.png"));
    QCOMPARE(file.data(ImageTableModel::SourcePathRole).toString(), QStringLiteral("/synthetic/case-00000.png"));
    QCOMPARE(model.index(0, ImageTableModel::DatasetColumn).data().toString(), QStringLiteral("synthetic-1"));
    QCOMPARE(model.index(0, ImageTableModel::ModalityColumn).data().toString(), QStringLiteral("MR"));
    QCOMPARE(model.index(0, ImageTableModel::SizeColumn).data().toString(), QStringLiteral("256x256"));
    QCOMPARE(model.index(0, ImageTableModel::StatusColumn).data().toString(), QStringLiteral("imported"));
    QCOMPARE(model.index(0, ImageTableModel::StatusColumn).data(ImageTableModel::StatusRole).toString(),
             QStringLiteral("imported"));
    // rows go by dataset, then import order: row 1 is case 3 (three datasets take turns)
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("case-00003.png"));
    QCOMPARE(model.index(1, ImageTableModel::SizeColumn).data(ImageTableModel::SortRole).toLongLong(),
             qint64(256 * (256 + 3 * 16)));
    const qint64 id = file.data(ImageTableModel::ImageIdRole).toLongLong();
    QVERIFY(id > 0);
    QCOMPARE(model.rowOfImage(id), 0);
    QCOMPARE(model.rowOfImage(-5), -1);
    QCOMPARE(model.headerData(ImageTableModel::FileColumn, Qt::Horizontal).toString(), QStringLiteral("File"));
    QVERIFY(!model.index(0, ImageTableModel::FileColumn).data(Qt::DecorationRole).isValid());  // no cache set
    QVERIFY(!model.index(300, 0).isValid());
  }

  void aVolumeWithSlicesExcludedSaysSo() {
    workflows::ProjectContents c;
    c.datasets.push_back({1, "healthy", "healthy", "brain-slices-2d", 2, 0, 0});
    workflows::BrowseImage volume;
    volume.id = 7;
    volume.datasetId = 1;
    volume.sourcePath = "/data/brain.nii.gz";
    volume.status = "imported";
    volume.slicesExcluded = 2;
    workflows::BrowseImage other = volume;
    other.id = 8;
    other.slicesExcluded = 0;
    c.images = {volume, other};
    ImageTableModel model;
    model.setContents(c);
    QCOMPARE(model.index(0, ImageTableModel::StatusColumn).data().toString(), QStringLiteral("imported, 2 slice(s) excluded"));
    QCOMPARE(model.index(0, ImageTableModel::StatusColumn).data(ImageTableModel::StatusRole).toString(),
             QStringLiteral("imported"));  // the filter's word is unchanged: the volume itself is in
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains("2 slice(s) excluded from later training"));
    QCOMPARE(model.index(1, ImageTableModel::StatusColumn).data().toString(), QStringLiteral("imported"));
  }

  void thumbnailsLoadLazily() {
    ThumbnailCache cache(nullptr, /*capacity*/ 50);
    cache.setTargetSize(QSize(64, 64));
    cache.setProject(synthetic_);
    ImageTableModel model;
    model.setThumbnailCache(&cache);
    model.setContents(workflows::loadProjectContents(synthetic_.toStdString()));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex i = model.index(7, 0);
    const qint64 id = i.data(ImageTableModel::ImageIdRole).toLongLong();
    QVERIFY(!cache.isCached(id));
    const QPixmap placeholder = i.data(Qt::DecorationRole).value<QPixmap>();  // a miss: placeholder, queued
    QVERIFY(!placeholder.isNull());
    QTRY_VERIFY(cache.isCached(id));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), i);
    const QPixmap loaded = i.data(Qt::DecorationRole).value<QPixmap>();
    QCOMPARE(loaded.size(), QSize(64, 64));  // scaled on the loader thread to the target size
    QVERIFY(loaded.cacheKey() != placeholder.cacheKey());

    // the cache is bounded
    for (int r = 0; r < 200; ++r) model.index(r, 0).data(Qt::DecorationRole);
    QTRY_VERIFY_WITH_TIMEOUT(cache.cachedCount() == 50, 10000);
    QCOMPARE(cache.capacity(), 50);
  }

  void thumbnailQueueIsBounded() {
    ThumbnailCache cache(nullptr, 1000, /*maxQueued*/ 10);
    cache.setProject(synthetic_);
    const auto contents = workflows::loadProjectContents(synthetic_.toStdString());
    for (const auto& img : contents.images) cache.thumbnail(img.id);  // a fast scroll past everything
    // the newest requests win: the last image is loaded, most of the early ones were dropped unloaded
    QTRY_VERIFY(cache.isCached(contents.images.back().id));
    QTest::qWait(200);
    QVERIFY(cache.cachedCount() < 100);
    cache.thumbnail(contents.images.front().id);  // asked again later, it loads
    QTRY_VERIFY(cache.isCached(contents.images.front().id));
  }

  void searchAndDatasetFilter() {
    ImageTableModel model;
    model.setContents(workflows::loadProjectContents(synthetic_.toStdString()));
    ImageFilterProxy proxy;
    proxy.setSourceModel(&model);
    QCOMPARE(proxy.rowCount(), 300);
    proxy.setSearchText(QStringLiteral("CT"));  // modality, case-insensitive
    QCOMPARE(proxy.rowCount(), 100);
    proxy.setSearchText(QStringLiteral("ct case-0000"));  // every word must match
    QCOMPARE(proxy.rowCount(), 3);  // case-00001, -00004, -00007
    proxy.setSearchText(QStringLiteral("  PATTERN  "));  // series description; spaces around are ignored
    QCOMPARE(proxy.rowCount(), 300);
    proxy.setSearchText(QString());
    const qint64 second = model.datasets()[1].id;
    proxy.setDatasetId(second);
    QCOMPARE(proxy.rowCount(), 100);
    for (int r = 0; r < proxy.rowCount(); ++r)
      QCOMPARE(proxy.index(r, 0).data(ImageTableModel::DatasetIdRole).toLongLong(), second);
    proxy.setSearchText(QStringLiteral("ct"));  // the second dataset holds cases 1, 4, 7, ...: all CT
    QCOMPARE(proxy.rowCount(), 100);
    proxy.setSearchText(QStringLiteral("mr"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setSearchText(QStringLiteral("no-such-thing"));
    QCOMPARE(proxy.rowCount(), 0);
  }

  void sorting() {
    ImageTableModel model;
    model.setContents(workflows::loadProjectContents(synthetic_.toStdString()));
    ImageFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ImageTableModel::SizeColumn, Qt::DescendingOrder);  // numeric, not text order
    const qint64 first = proxy.index(0, ImageTableModel::SizeColumn).data(ImageTableModel::SortRole).toLongLong();
    const qint64 last = proxy.index(299, ImageTableModel::SizeColumn).data(ImageTableModel::SortRole).toLongLong();
    QCOMPARE(first, qint64(256 * (256 + 4 * 16)));
    QCOMPARE(last, qint64(256 * 256));
    proxy.sort(ImageTableModel::FileColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("case-00299.png"));
    proxy.sort(ImageTableModel::ModalityColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, ImageTableModel::ModalityColumn).data().toString(), QStringLiteral("CR"));
    // the order survives filtering and a reload of the listing
    proxy.sort(ImageTableModel::FileColumn, Qt::DescendingOrder);
    proxy.setSearchText(QStringLiteral("case-001"));
    QCOMPARE(proxy.rowCount(), 100);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("case-00199.png"));
    proxy.setSearchText(QString());
    model.setContents(workflows::loadProjectContents(synthetic_.toStdString()));
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("case-00299.png"));
    QCOMPARE(proxy.index(299, 0).data().toString(), QStringLiteral("case-00000.png"));
  }

  void removeImages() {
    const QString copy = dir_.filePath(QStringLiteral("remove.lightbox"));
    workflows::writeSyntheticBrowseProject(copy.toStdString(), 20);
    auto contents = workflows::loadProjectContents(copy.toStdString());
    const std::vector<int64_t> ids{contents.images[0].id, contents.images[5].id, 424242};
    QCOMPARE(workflows::removeImages(copy.toStdString(), ids), 2);
    contents = workflows::loadProjectContents(copy.toStdString());
    QCOMPARE(contents.images.size(), size_t(18));
    for (const auto& img : contents.images) QVERIFY(img.id != ids[0] && img.id != ids[1]);
  }

  void importReportNamesEveryFile() {
    if (dataDir().isEmpty()) QSKIP("LIGHTBOX_TEST_DATA is not set");
    const QString skimage = dataDir() + QStringLiteral("/python3-skimage");
    const QString camera = skimage + QStringLiteral("/camera.png"), moon = skimage + QStringLiteral("/moon.png");
    if (!QFileInfo::exists(camera) || !QFileInfo::exists(moon)) QSKIP("skimage fixtures not fetched");
    const QString project = dir_.filePath(QStringLiteral("report.lightbox"));
    workflows::createProject(project.toStdString());
    const QString broken = dir_.filePath(QStringLiteral("broken.png"));
    {
      QFile f(broken);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("\x89PNG\r\n\x1a\n this is not an image");
    }
    workflows::ImportParams p;
    p.projectPath = project.toStdString();
    p.role = "blend";
    p.preset = "image-2d";
    p.paths = {camera.toStdString(), moon.toStdString(), broken.toStdString()};
    NullProgress progress;
    auto report = workflows::runImportWithReport(p, progress);
    QCOMPARE(report.result.imported, 2);
    QCOMPARE(report.result.failed.size(), size_t(1));
    std::set<std::string> imported, failed;
    for (const auto& l : report.lines) {
      if (l.outcome == workflows::ImportReportLine::Outcome::Imported) imported.insert(l.path);
      if (l.outcome == workflows::ImportReportLine::Outcome::Failed) {
        failed.insert(l.path);
        QVERIFY(!l.reason.empty());
      }
    }
    QCOMPARE(imported.size(), size_t(2));
    QVERIFY(imported.count(camera.toStdString()));
    QVERIFY(failed.count(broken.toStdString()));

    // again: the two images are duplicates now, each named
    p.paths = {camera.toStdString(), moon.toStdString()};
    report = workflows::runImportWithReport(p, progress);
    QCOMPARE(report.result.imported, 0);
    QCOMPARE(report.result.duplicates, 2);
    QCOMPARE(report.lines.size(), size_t(2));
    for (const auto& l : report.lines) {
      QVERIFY(l.outcome == workflows::ImportReportLine::Outcome::Duplicate);
      QVERIFY(l.path == camera.toStdString() || l.path == moon.toStdString());
    }
  }
};

QTEST_MAIN(BrowseModelsTest)
#include "test_browse_models.moc"
