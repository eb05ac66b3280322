// The findings CSV: read back by Python's csv module (an independent RFC 4180 reader) with hostile notes — formula
// prefixes, quotes, commas, line breaks, non-ASCII — and hostile dataset names and paths; the review filters; and
// failed writes (unwritable folder, a write that fails half-way, a rename that fails) that leave no file behind and
// an older CSV untouched.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>
#include <csignal>

#include "lightbox/project/findings_csv.h"
#include "lightbox/project/project.h"
#include "model_fixture.h"

using namespace lightbox;
using namespace lightbox::project;
using lbtest::errorKindOf;
namespace fs = std::filesystem;

namespace {

const char* const kReadCsv = R"PY(
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, strict=True))
json.dump(rows, sys.stdout, ensure_ascii=True)
)PY";

// Review notes chosen to break naive writers and spreadsheets, and what the CSV must hold for each.
const std::vector<std::pair<std::string, std::string>> kNotes = {
    {"=1+2", "'=1+2"},
    {"+SUM(A1:A9)", "'+SUM(A1:A9)"},
    {"-3 mm, maybe", "'-3 mm, maybe"},
    {"@cmd|' /C calc'!A0", "'@cmd|' /C calc'!A0"},
    {"\tTAB first", "'\tTAB first"},
    {"\rCR first", "'\rCR first"},
    {"He said \"no\", twice", "He said \"no\", twice"},
    {"line 1\nline 2\r\nline 3", "line 1\nline 2\r\nline 3"},
    {"Läsion 病变 (verdächtig)", "Läsion 病变 (verdächtig)"},
    {"", ""},
};

// True when every record ends in CRLF: outside quoted fields, CR and LF occur only as the pair.
bool recordsEndInCrlf(const std::string& text) {
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '"') quoted = !quoted;  // a doubled quote toggles twice
    if (quoted) continue;
    if (ch == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) return false;
    if (ch == '\n' && (i == 0 || text[i - 1] != '\r')) return false;
  }
  return !quoted;
}

std::vector<std::string> filesIn(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

class TestProjectFindingsCsv : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;
  fs::path freshDir() {
    const fs::path d = fs::path(dir_.path().toStdString()) / ("d" + std::to_string(++serial_));
    fs::create_directories(d);
    return d;
  }

  // A project with a hostile dataset name and image path; one finding per note in kNotes, reviewed in turn
  // accepted, rejected, unreviewed-with-note.
  static lbtest::ModelFixture hostileProject(const fs::path& path) {
    auto f = lbtest::makeModelFixture(path, 0);
    const Dataset d = f.project.datasets().create("+cmd|' /C calc'!A0", DatasetRole::Test);
    NewImage img = lbtest::sampleNewImage("odd");
    img.meta.sourcePath = "-/data/odd,path \"quoted\"/Läsion";
    const int64_t image = f.project.images().insert(d.id, img);
    const int64_t pred = f.project.predictions().put({f.runId, {0, 2}, image}, f.project.arrays().id(image).value(),
                                                     lbtest::sampleMap(f.shape, 1), {});
    std::vector<FindingData> found;
    for (size_t k = 0; k < kNotes.size(); ++k) found.push_back(lbtest::sampleFinding(int(k % 5)));
    const auto ids = f.project.findings().replaceAutomatic(pred, 0.5, found);
    const ReviewState states[] = {ReviewState::Accepted, ReviewState::Rejected, ReviewState::Unreviewed};
    for (size_t k = 0; k < ids.size(); ++k)
      f.project.reviews().record(ids[k], states[k % 3], kNotes[k].first, "dr. Ünal");
    return f;
  }

 private Q_SLOTS:
  void cellsAreNeutralisedAndQuoted() {
    QCOMPARE(csvTextCell("=1"), std::string("'=1"));
    QCOMPARE(csvTextCell("a,b"), std::string("\"a,b\""));
    QCOMPARE(csvTextCell("-\"x\""), std::string("\"'-\"\"x\"\"\""));
    QCOMPARE(csvTextCell("a\nb"), std::string("\"a\nb\""));
    QCOMPARE(csvTextCell(" =not a formula"), std::string(" =not a formula"));
    QCOMPARE(csvTextCell(""), std::string());
  }

  void hostileTextSurvivesPythonsCsvReader() {
    const fs::path dir = freshDir();
    auto f = hostileProject(dir / "study.lightbox");
    const fs::path csv = dir / "findings.csv";
    const std::vector<int> folds{2, 0};
    QCOMPARE(exportFindingsCsv(f.project, f.runId, folds, ReviewFilter::All, csv), int64_t(kNotes.size()));

    const std::vector<char> bytes = lbtest::fileBytes(csv);
    const std::string text(bytes.begin(), bytes.end());
    QVERIFY(text.rfind("\xEF\xBB\xBF"
                       "project,dataset,image_path,",
                       0) == 0);  // BOM, then the header
    QVERIFY(text.size() > 2 && text.substr(text.size() - 2) == "\r\n");
    QVERIFY(recordsEndInCrlf(text));
    QVERIFY(text.find(",\"line 1\nline 2\r\nline 3\",") != std::string::npos);  // line breaks kept, inside quotes
    QVERIFY(text.find(",-12.5,") != std::string::npos);  // a negative coordinate we wrote stays a number

    QVERIFY2(QFileInfo::exists(LIGHTBOX_PYTHON3),
             "python3 was not found when configuring; install it (scripts/quickstart.sh does) and reconfigure");
    QProcess py;
    py.start(LIGHTBOX_PYTHON3, {"-c", kReadCsv, QString::fromStdString(csv.string())});
    QVERIFY(py.waitForFinished(30000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const QJsonArray rows = QJsonDocument::fromJson(py.readAllStandardOutput()).array();
    QCOMPARE(rows.size(), qsizetype(kNotes.size() + 1));

    const auto columns = findingsCsvColumns();
    const QJsonArray header = rows[0].toArray();
    QCOMPARE(header.size(), qsizetype(columns.size()));
    std::map<std::string, int> col;
    for (int c = 0; c < header.size(); ++c) {
      QCOMPARE(header[c].toString().toStdString(), std::string(columns[size_t(c)]));
      col[header[c].toString().toStdString()] = c;
    }
    const auto cell = [&](int row, const char* name) {
      return rows[row].toArray()[col.at(name)].toString().toStdString();
    };
    for (size_t k = 0; k < kNotes.size(); ++k) {
      const int r = int(k) + 1;
      QCOMPARE(rows[r].toArray().size(), header.size());
      QCOMPARE(cell(r, "note"), kNotes[k].second);
      QCOMPARE(cell(r, "reviewer"), std::string("dr. Ünal"));
      QCOMPARE(cell(r, "project"), std::string("study.lightbox"));
      QCOMPARE(cell(r, "dataset"), std::string("'+cmd|' /C calc'!A0"));
      QCOMPARE(cell(r, "image_path"), std::string("'-/data/odd,path \"quoted\"/Läsion"));
      QCOMPARE(cell(r, "folds"), std::string("[0,2]"));
      QCOMPARE(cell(r, "run_name"), std::string("brains v1"));
      QCOMPARE(cell(r, "threshold"), std::string("0.5"));
      QCOMPARE(cell(r, "size_unit"), std::string("mm3"));
      QCOMPARE(cell(r, "review_state"), std::string(k % 3 == 0 ? "accepted" : k % 3 == 1 ? "rejected" : "unreviewed"));
      QVERIFY(!cell(r, "reviewed_at").empty());
      const FindingData d = lbtest::sampleFinding(int(k % 5));
      QCOMPARE(std::stod(cell(r, "centroid_x_mm")), d.centroidMm[0]);  // shortest round trip: exact
      QCOMPARE(std::stod(cell(r, "centroid_z_mm")), d.centroidMm[2]);
      QCOMPARE(cell(r, "centroid_voxel_1"), std::to_string(int(k % 5) + 1) + ".25");
      QCOMPARE(std::stoll(cell(r, "bbox_max_2")), d.bboxMax[2]);
      QCOMPARE(std::stoll(cell(r, "size_voxels")), d.sizeVoxels);
      QCOMPARE(cell(r, "slice_index"), std::string("1"));
      QCOMPARE(cell(r, "sop_instance_uid"), d.sopInstanceUid);
      QCOMPARE(cell(r, "study_instance_uid"), std::string("1.2.3"));
      QCOMPARE(cell(r, "manual"), std::string("0"));
      QCOMPARE(cell(r, "category"), std::string());
    }
  }

  void twoDimensionalFindingsLeaveTheThirdAxisEmpty() {
    const fs::path dir = freshDir();
    auto f = lbtest::makeModelFixture(dir / "xray.lightbox", 0);
    NewImage img = lbtest::sampleNewImage("chest");
    ArrayData a;
    a.image = lbtest::sampleImage(1, Shape(8, 6), 3);
    img.arrays = {EncodedArray::encode(a)};
    const int64_t image = f.project.images().insert(f.datasetId, img);
    const int64_t pred = f.project.predictions().put({f.runId, {1}, image}, f.project.arrays().id(image).value(),
                                                     lbtest::sampleMap(Shape(8, 6), 2), {});
    FindingData d;
    d.bboxMin = {2, 1};
    d.bboxMax = {5, 3};
    d.centroidVoxel = {3.0, 1.5};
    d.centroidMm = {-4.25, 10.0, 0.0};
    d.sizeVoxels = 6;
    d.sizeMm = 3.75;
    d.maxScore = 0.75;
    d.meanScore = 0.5;
    f.project.findings().replaceAutomatic(pred, 0.25, std::vector{d});
    const fs::path csv = dir / "xray.csv";
    const std::vector<int> folds{1};
    QCOMPARE(exportFindingsCsv(f.project, f.runId, folds, ReviewFilter::All, csv, FindingsCsvOptions{false, {}}),
             int64_t(1));
    const std::vector<char> bytes = lbtest::fileBytes(csv);
    const std::string text(bytes.begin(), bytes.end());
    const std::string row = text.substr(text.find("\r\n") + 2);
    // ...,slice_index (none),finding_id,manual,voxel 0,1,(2 empty),x,y,z mm,min 0,1,(2),max 0,1,(2),sizes,unit
    QVERIFY2(row.find(",,1,0,3,1.5,,-4.25,10,0,2,1,,5,3,,6,3.75,mm2,0.75,0.5,0.25,") != std::string::npos, row.c_str());
  }

  void filtersByReviewState() {
    const fs::path dir = freshDir();
    auto f = hostileProject(dir / "p.lightbox");
    const std::vector<int> folds{0, 2}, other{1};
    const fs::path csv = dir / "out.csv";
    // 10 findings: states cycle accepted, rejected, unreviewed.
    QCOMPARE(exportFindingsCsv(f.project, f.runId, folds, ReviewFilter::Accepted, csv), int64_t(4));
    QCOMPARE(exportFindingsCsv(f.project, f.runId, folds, ReviewFilter::Reviewed, csv), int64_t(7));
    QCOMPARE(exportFindingsCsv(f.project, f.runId, other, ReviewFilter::All, csv), int64_t(0));
    QCOMPARE(
        exportFindingsCsv(f.project, f.runId, folds, ReviewFilter::All, csv, FindingsCsvOptions{true, f.datasetId}),
        int64_t(0));
    // Without the BOM, on request; the header is still written for an empty export.
    exportFindingsCsv(f.project, f.runId, other, ReviewFilter::All, csv, FindingsCsvOptions{false, std::nullopt});
    const std::vector<char> bytes = lbtest::fileBytes(csv);
    QVERIFY(std::string(bytes.begin(), bytes.end()).rfind("project,dataset,", 0) == 0);
    QVERIFY(errorKindOf([&] { exportFindingsCsv(f.project, f.runId + 9, folds, ReviewFilter::All, csv); }) ==
            ErrorKind::NotFound);
  }

  void exportsFromReadOnlyProjects() {
    const fs::path dir = freshDir();
    int64_t run = 0;
    {
      auto f = hostileProject(dir / "ro.lightbox");
      run = f.runId;
    }
    Project p = Project::open(dir / "ro.lightbox", OpenMode::ReadOnly);
    const std::vector<int> folds{0, 2};
    QCOMPARE(exportFindingsCsv(p, run, folds, ReviewFilter::All, dir / "ro.csv"), int64_t(kNotes.size()));
  }

  void failedWritesLeaveNothingBehind() {
    const fs::path projectDir = freshDir();
    auto f = hostileProject(projectDir / "p.lightbox");
    const std::vector<int> folds{0, 2};
    const fs::path out = freshDir();
    const fs::path csv = out / "findings.csv";
    // The old CSV: the header alone (nothing is accepted in the other model).
    const std::vector<int> other{1};
    exportFindingsCsv(f.project, f.runId, other, ReviewFilter::All, csv);
    const std::vector<char> old = lbtest::fileBytes(csv);
    // What is wrong with the failed export to `target`, or "" when it failed as it should.
    const auto ioProblem = [&](const fs::path& target) -> std::string {
      try {
        exportFindingsCsv(f.project, f.runId, folds, ReviewFilter::All, target);
      } catch (const ProjectError& e) {
        if (e.kind() != ErrorKind::Io) return std::string("not an I/O error: ") + e.what();
        if (e.file() != target || std::string(e.what()).find(target.string()) != 0)
          return std::string("does not begin with the path: ") + e.what();
        return {};
      }
      return "the export to " + target.string() + " did not fail";
    };

    // 1. A write that fails half-way (the file size limit stands in for a full disk; it binds root too).
    {
      rlimit saved{};
      getrlimit(RLIMIT_FSIZE, &saved);
      const auto previous = std::signal(SIGXFSZ, SIG_IGN);  // else the kernel kills the process at the limit
      rlimit small = saved;
      small.rlim_cur = old.size() + 64;
      setrlimit(RLIMIT_FSIZE, &small);
      const std::string problem = ioProblem(csv);
      setrlimit(RLIMIT_FSIZE, &saved);
      std::signal(SIGXFSZ, previous);
      QVERIFY2(problem.empty(), problem.c_str());
      QVERIFY(lbtest::fileBytes(csv) == old);
      QVERIFY((filesIn(out) == std::vector<std::string>{"findings.csv"}));
    }
    // 2. A rename that fails: the target is a folder.
    {
      const fs::path folder = out / "taken";
      fs::create_directory(folder);
      const std::string problem = ioProblem(folder);
      QVERIFY2(problem.empty(), problem.c_str());
      QVERIFY((filesIn(out) == std::vector<std::string>{"findings.csv", "taken"}));
      fs::remove(folder);
    }
    // 3. A folder that does not exist.
    const std::string missing = ioProblem(out / "missing" / "findings.csv");
    QVERIFY2(missing.empty(), missing.c_str());
    QVERIFY(!fs::exists(out / "missing"));
    // 4. An unwritable folder. Root (and CAP_DAC_OVERRIDE) writes anyway, so the case is only shown where the
    //    permission holds; cases 1-3 cover every failure path as any user.
    fs::permissions(out, fs::perms::owner_read | fs::perms::owner_exec);
    const fs::path probe = out / ".probe";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      ::close(fd);
      ::unlink(probe.c_str());
      qInfo("running with permission override (root?): the unwritable-folder case cannot be shown here");
    } else {
      const std::string problem = ioProblem(csv);
      QVERIFY2(problem.empty(), problem.c_str());
      QVERIFY(lbtest::fileBytes(csv) == old);
      QVERIFY((filesIn(out) == std::vector<std::string>{"findings.csv"}));
    }
    fs::permissions(out, fs::perms::owner_all);
    // And after all that, a good write replaces the old CSV.
    QCOMPARE(exportFindingsCsv(f.project, f.runId, folds, ReviewFilter::All, csv), int64_t(kNotes.size()));
    QVERIFY(lbtest::fileBytes(csv) != old);
    QVERIFY((filesIn(out) == std::vector<std::string>{"findings.csv"}));
  }
};

QTEST_GUILESS_MAIN(TestProjectFindingsCsv)
#include "test_project_findings_csv.moc"
