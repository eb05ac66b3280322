#include "lightbox/project/findings_csv.h"

#include <array>
#include <charconv>
#include <optional>
#include <type_traits>

#include "atomic_file.h"
#include "lightbox/project/project.h"

namespace lightbox::project {

namespace {

// clang-format off
constexpr std::array<std::string_view, 36> kColumns = {
    "project",         "dataset",         "image_path",     "study_instance_uid", "series_instance_uid",
    "sop_instance_uid", "slice_index",    "finding_id",     "manual",             "centroid_voxel_0",
    "centroid_voxel_1", "centroid_voxel_2", "centroid_x_mm", "centroid_y_mm",     "centroid_z_mm",
    "bbox_min_0",      "bbox_min_1",      "bbox_min_2",     "bbox_max_0",         "bbox_max_1",
    "bbox_max_2",      "size_voxels",     "size_mm",        "size_unit",          "max_score",
    "mean_score",      "threshold",       "run_id",         "run_name",           "folds",
    "category",        "review_state",    "note",           "reviewer",           "reviewed_at",
    "manual_shape"};  // appended, not beside "manual", so that scripts reading columns by position keep working
// clang-format on

// One CSV record under construction. Text from users and files goes through text(); what Lightbox itself formats
// (numbers, fold lists, state words) through raw(), which quotes when needed but never neutralises, so that a
// negative coordinate stays a number in a spreadsheet.
class Record {
 public:
  Record& raw(std::string_view cell) {
    separate();
    const bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) {
      line_ += cell;
      return *this;
    }
    line_ += '"';
    for (const char ch : cell) {
      if (ch == '"') line_ += '"';
      line_ += ch;
    }
    line_ += '"';
    return *this;
  }
  Record& text(std::string_view cell) {
    // A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"); a leading quote
    // makes it text in Excel and LibreOffice and is visible, so nothing is hidden from the reader.
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
      std::string guarded = "'";
      guarded += cell;
      return raw(guarded);
    }
    return raw(cell);
  }
  Record& integer(int64_t v) { return raw(std::to_string(v)); }
  Record& real(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round trip, '.' whatever the locale
    return raw(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
  }
  template <typename T>
  Record& optional(const std::optional<T>& v) {
    if (!v) return raw({});
    if constexpr (std::is_floating_point_v<T>) return real(*v);
    else return integer(*v);
  }
  /// RFC 4180: every record ends in CRLF, the last one included.
  void endInto(std::string& out) {
    out += line_;
    out += "\r\n";
    line_.clear();
    first_ = true;
  }

 private:
  void separate() {
    if (!first_) line_ += ',';
    first_ = false;
  }
  std::string line_;
  bool first_ = true;
};

std::string foldsCell(const std::vector<int>& folds) {
  std::string s = "[";
  for (size_t k = 0; k < folds.size(); ++k) {
    if (k > 0) s += ',';
    s += std::to_string(folds[k]);
  }
  s += ']';
  return s;
}

void appendRow(Record& r, const std::string& projectName, const ReportedFinding& rf) {
  const Finding& f = rf.finding;
  const FindingData& d = f.data;
  const size_t ndim = d.bboxMin.size();
  r.text(projectName).text(rf.datasetName).text(rf.imagePath);
  r.text(rf.studyInstanceUid).text(rf.seriesInstanceUid).text(rf.sopInstanceUid);
  r.optional(d.sliceIndex).integer(f.id).integer(f.manual ? 1 : 0);
  for (size_t a = 0; a < 3; ++a) a < ndim ? r.real(d.centroidVoxel[a]) : r.raw({});
  for (size_t a = 0; a < 3; ++a) r.real(d.centroidMm[a]);
  for (size_t a = 0; a < 3; ++a) a < ndim ? r.integer(d.bboxMin[a]) : r.raw({});
  for (size_t a = 0; a < 3; ++a) a < ndim ? r.integer(d.bboxMax[a]) : r.raw({});
  r.integer(d.sizeVoxels).real(d.sizeMm).raw(ndim == 3 ? "mm3" : "mm2");
  r.optional(d.maxScore).optional(d.meanScore).optional(f.threshold);
  r.integer(f.runId).text(rf.runName).raw(foldsCell(f.folds)).text(rf.category);
  r.raw(toString(f.review.state)).text(f.review.note).text(f.review.reviewer).raw(f.review.reviewedAt);
  r.raw(f.manualShape);  // one of Lightbox's own words (box, ellipse, brush), empty for automatic findings
}

}  // namespace

std::span<const std::string_view> findingsCsvColumns() { return kColumns; }

std::string csvTextCell(std::string_view text) {
  Record r;
  r.text(text);
  std::string out;
  r.endInto(out);
  out.resize(out.size() - 2);
  return out;
}

int64_t exportFindingsCsv(Project& project, int64_t runId, std::span<const int> folds, ReviewFilter filter,
                          const std::filesystem::path& output, const FindingsCsvOptions& options) {
  if (!project.runs().get(runId))
    throw ProjectError(ErrorKind::NotFound, project.path(), "has no training run with id " + std::to_string(runId));
  FindingQuery q;
  q.runId = runId;
  q.folds = std::vector<int>(folds.begin(), folds.end());
  q.datasetId = options.datasetId;
  q.reviews = filter;
  const std::vector<ReportedFinding> rows = project.findings().report(q);

  // The whole file is built first: a failing query never touches the disk, and the write is one atomic replace.
  std::string out = options.byteOrderMark ? "\xEF\xBB\xBF" : "";
  Record r;
  for (const std::string_view name : kColumns) r.raw(name);
  r.endInto(out);
  const std::string projectName = project.path().filename().string();
  for (const ReportedFinding& rf : rows) {
    appendRow(r, projectName, rf);
    r.endInto(out);
  }
  detail::replaceFileAtomically(output, out, "the findings CSV");
  return static_cast<int64_t>(rows.size());
}

}  // namespace lightbox::project
