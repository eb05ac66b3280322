// Replays every input the fuzzers (fuzz/, scripts/fuzz.sh) found a crash, hang or sanitizer report with
// (tests/reliability/fuzz_regressions/<target>/), and every committed seed (fuzz/corpus/<target>/), through the
// same entry points the fuzz targets call (fuzz/entries/fuzz_entries.h). Each must be read or rejected with the
// reader's documented exception; anything else escaping fails the row that names the file.
// Built with the normal compiler and no sanitizer: it keeps fixed bugs fixed in CI; the sanitizer build
// (scripts/sanitizers.sh) runs it under ASan/UBSan too.
#include <QtTest>

#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_entries.h"
#include "lightbox/imageio/image_reader.h"
#include "lightbox/project/project.h"

namespace fs = std::filesystem;
using lightbox::fuzz::Bytes;
using lightbox::fuzz::Outcome;

namespace {

std::vector<uint8_t> readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// One data row per file in fuzz_regressions/<target>/ and fuzz/corpus/<target>/ (folders that are absent add none).
void addRows(const std::string& target) {
  QTest::addColumn<QString>("file");
  int rows = 0;
  const fs::path regressions = fs::path(LIGHTBOX_FUZZ_REGRESSIONS) / target;
  for (const fs::path& folder : {regressions, fs::path(LIGHTBOX_FUZZ_CORPUS) / target}) {
    if (!fs::is_directory(folder)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(folder))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const std::string name = folder.parent_path().filename().string() + "/" + target + "/" + f.filename().string();
      QTest::newRow(name.c_str()) << QString::fromStdString(f.string());
      ++rows;
    }
  }
  if (rows == 0) QTest::newRow("no inputs") << QString();
}

template <typename Entry>
void replay(Entry&& entry) {
  QFETCH(QString, file);
  if (file.isEmpty()) QSKIP("no committed inputs for this target");
  const std::vector<uint8_t> bytes = readAll(file.toStdString());
  try {
    const Outcome o = entry(Bytes(bytes.data(), bytes.size()));
    QVERIFY(o == Outcome::Accepted || o == Outcome::Rejected);
    // "reject-*": inputs whose bug was a huge allocation or a wrong acceptance. Without sanitizers an 8 GiB
    // allocation may just succeed (overcommit), so what keeps such a fix in place is that the input is refused.
    if (fs::path(file.toStdString()).filename().string().rfind("reject-", 0) == 0) QCOMPARE(o, Outcome::Rejected);
  } catch (const std::exception& e) {
    QFAIL(qPrintable(QString("undocumented exception: ") + e.what()));
  }
}

}  // namespace

class TestFuzzRegressions : public QObject {
  Q_OBJECT

  fs::path seed_;

 private Q_SLOTS:
  void initTestCase() {
    seed_ = fs::temp_directory_path() /
            ("lightbox-fuzz-regression-seed-" + std::to_string(QCoreApplication::applicationPid()) + ".lightbox");
    lightbox::fuzz::writeSeedProject(seed_);
  }
  void cleanupTestCase() {
    std::error_code ec;
    fs::remove(seed_, ec);
  }

  void dicom_data() { addRows("dicom"); }
  void dicom() { replay(lightbox::fuzz::readDicomBytes); }
  void nifti_data() { addRows("nifti"); }
  void nifti() { replay(lightbox::fuzz::readNiftiBytes); }
  void raster_data() { addRows("raster"); }
  void raster() { replay(lightbox::fuzz::readRasterBytes); }
  void boxCsv_data() { addRows("box_csv"); }
  void boxCsv() { replay(lightbox::fuzz::parseBoxCsvBytes); }
  void projectFile_data() { addRows("project_file"); }
  void projectFile() { replay(lightbox::fuzz::openProjectBytes); }
  void projectSql_data() { addRows("project_sql"); }
  void projectSql() { replay([&](Bytes b) { return lightbox::fuzz::openMutatedProject(seed_, b); }); }

  /// Headers that declare gigabytes in a file of a few hundred bytes: refused by the size check, with its reason,
  /// before any decoder allocates (the decoders would refuse them too, but only after allocating 4-8 GiB).
  void oversizedHeadersAreRefusedFirst_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("extension");
    const auto row = [](const char* name, const char* file, const char* extension) {
      QTest::newRow(name) << QString::fromStdString((fs::path(LIGHTBOX_FUZZ_REGRESSIONS) / file).string()) << extension;
    };
    row("png", "raster/reject-oom-png-declares-32768x32768-rgba16.png", ".png");
    row("tiff", "raster/reject-oom-tiff-declares-32768x32768-rgb16.tif", ".tif");
    row("tiff lzw", "raster/reject-tiff-lzw-declares-32768x32768-grey16.tif", ".tif");
    row("jpeg", "raster/reject-oom-jpeg-declares-32768x32768-rgb.jpg", ".jpg");
    row("nii.gz", "nifti/reject-oom-gz-volume-larger-than-file.nii.gz", ".nii.gz");
  }
  void oversizedHeadersAreRefusedFirst() {
    QFETCH(QString, file);
    QFETCH(QString, extension);
    std::vector<uint8_t> bytes = readAll(file.toStdString());
    const fs::path path = fs::temp_directory_path() / ("lightbox-fuzz-regression-" +
                                                       std::to_string(QCoreApplication::applicationPid()) +
                                                       extension.toStdString());
    {
      std::ofstream out(path, std::ios::binary);
      out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    try {
      (void)lightbox::imageio::readImage(path.string());
      QFAIL("accepted");
    } catch (const lightbox::imageio::ImageReadError& e) {
      QVERIFY2(std::string(e.reason()).find("can hold") != std::string::npos, e.what());
    }
    fs::remove(path);
  }

  /// A statement built from a temporary string that fails while stepping (a damaged b-tree under training_runs)
  /// names its SQL in the error; it used to read that text after the string was freed (ASan: heap-use-after-free).
  void failingStatementNamesItsSql() {
    const fs::path copy = fs::temp_directory_path() /
                          ("lightbox-fuzz-uaf-" + std::to_string(QCoreApplication::applicationPid()) + ".lightbox");
    fs::copy_file(fs::path(LIGHTBOX_FUZZ_REGRESSIONS) / "project_file/use-after-free-failing-step-of-runs-list.lightbox",
                  copy, fs::copy_options::overwrite_existing);
    using namespace lightbox::project;
    try {
      Project p = Project::open(copy, OpenMode::ReadOnly);
      (void)p.runs().list();
      QFAIL("the damaged runs table was read");
    } catch (const ProjectError& e) {
      QVERIFY2(e.kind() == ErrorKind::Corrupt, e.what());
      QVERIFY2(e.reason().find("SELECT id, coalesce(name") != std::string::npos, e.what());
    }
    std::error_code ec;
    fs::remove(copy, ec);
  }

  /// The seed project itself must open and read back in full: otherwise every row edit would only test rejection.
  void seedProjectReadsBack() {
    QCOMPARE(lightbox::fuzz::openMutatedProject(seed_, {}), Outcome::Accepted);
  }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzz_regressions.moc"
