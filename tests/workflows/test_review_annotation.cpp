// Annotation use cases of the review workspace on the synthetic review project (2D images of 0.8 x 0.8 mm pixels,
// a 24 x 64 x 64 volume of 2 x 0.8 x 0.8 mm voxels): drawn regions measured in mm² / mm³ as automatic findings are,
// listed and exported as manual, kept by re-finding; extents adjusted and restored exactly; the category list.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "lightbox/core/eval/image_scores.h"
#include "lightbox/workflows/evaluate.h"
#include "lightbox/workflows/review.h"

using namespace lightbox;
namespace fs = std::filesystem;

namespace {

// RFC 4180 records (quotes, doubled quotes; no line breaks inside fields in this data).
std::vector<std::vector<std::string>> readCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell), cell.clear();
    } else if (c == '\r') {
    } else if (c == '\n') {
      rows.back().push_back(cell), cell.clear(), rows.emplace_back();
    } else {
      cell += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

workflows::RegionMask boxRegion(std::vector<int64_t> lo, std::vector<int64_t> hi) {
  workflows::RegionMask r;
  r.min = std::move(lo);
  r.max = std::move(hi);
  int64_t n = 1;
  for (size_t d = 0; d < r.min.size(); ++d) n *= r.max[d] - r.min[d];
  r.values.assign(size_t(n), 1);
  return r;
}

}  // namespace

class TestReviewAnnotation : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t run_ = 0, dataset_ = 0;
  int64_t image2d_ = 0, volume_ = 0;  // prediction ids
  const std::vector<int> model_{0, 1};

  const workflows::ReviewFinding* findIn(const std::vector<workflows::ReviewFinding>& list, int64_t id) {
    const auto it = std::find_if(list.begin(), list.end(), [&](const auto& f) { return f.id == id; });
    return it == list.end() ? nullptr : &*it;
  }

 private Q_SLOTS:
  void initTestCase() {
    path_ = (fs::path(dir_.path().toStdString()) / "a.lightbox").string();
    run_ = workflows::writeSyntheticReviewProject(path_, 2, true);
    dataset_ = workflows::loadReviewCatalogue(path_).datasets.at(0).id;
    for (const auto& im : workflows::listReviewImages(path_, run_, model_, dataset_)) {
      const auto d = workflows::loadReviewImage(path_, im.predictionId);
      (d.map.ndim() == 3 ? volume_ : image2d_) = im.predictionId;
    }
    QVERIFY(image2d_ && volume_);
  }

  void aBoxOnAnImageIsMeasuredInSquareMillimetres() {
    // Loose: the drawn 9 x 8 box holds a 5 x 4 block; the finding is the block.
    workflows::RegionMask r;
    r.min = {8, 18};
    r.max = {17, 26};
    r.values.assign(9 * 8, 0);
    for (int64_t y = 10; y < 15; ++y)
      for (int64_t x = 20; x < 24; ++x) r.values[size_t((y - 8) * 8 + (x - 18))] = 1;
    const auto f = workflows::addManualFinding(path_, image2d_, workflows::ManualShape::Box, r);
    QVERIFY(f.manual);
    QCOMPARE(f.manualShape, std::string("box"));
    QVERIFY(!f.threshold);
    QVERIFY((f.bboxMin == std::vector<int64_t>{10, 20}));
    QVERIFY((f.bboxMax == std::vector<int64_t>{15, 24}));
    QCOMPARE(f.sizeVoxels, int64_t(20));
    QVERIFY(std::abs(f.sizeMm - 20 * 0.64) < 1e-9);  // 20 pixels of 0.8 x 0.8 mm
    QCOMPARE(f.centroidVoxel[0], 12.0);
    QCOMPARE(f.centroidVoxel[1], 21.5);
    // Position and scores through the same geometry and map as automatic findings.
    const auto data = workflows::loadReviewImage(path_, image2d_);
    const auto mm = data.working.image.geometry().indexToPatient({12.0, 21.5, 0.0});
    for (size_t a = 0; a < 3; ++a) QVERIFY(std::abs(f.centroidMm[a] - mm[a]) < 1e-9);
    double max = 0, sum = 0;
    for (int64_t y = 10; y < 15; ++y)
      for (int64_t x = 20; x < 24; ++x) {
        const double v = eval::clipToUnit(data.map.values()[size_t(y * 96 + x)]);
        max = std::max(max, v), sum += v;
      }
    QCOMPARE(*f.maxScore, max);
    QVERIFY(std::abs(*f.meanScore - sum / 20) < 1e-12);

    const auto listed = workflows::listReviewFindings(path_, image2d_);
    const auto* l = findIn(listed, f.id);
    QVERIFY(l && l->manual && l->manualShape == "box");
    QCOMPARE(l->sizeMm, f.sizeMm);
    const auto images = workflows::listReviewImages(path_, run_, model_, dataset_);
    QVERIFY(std::any_of(images.begin(), images.end(), [&](const auto& im) {
      return im.predictionId == image2d_ && im.findings == int64_t(listed.size());
    }));

    // Refused: empty, outside the grid, wrong sizes, not 0/1, unknown prediction.
    const auto refused = [&](const workflows::RegionMask& bad, int64_t prediction) {
      try {
        workflows::addManualFinding(path_, prediction, workflows::ManualShape::Box, bad);
      } catch (const std::invalid_argument&) {
        return true;
      }
      return false;
    };
    workflows::RegionMask empty = boxRegion({0, 0}, {2, 2});
    empty.values.assign(4, 0);
    QVERIFY(refused(empty, image2d_));
    QVERIFY(refused(boxRegion({90, 90}, {97, 92}), image2d_));
    QVERIFY(refused(boxRegion({0, 0, 0}, {1, 2, 2}), image2d_));  // 3 axes on a 2D image
    workflows::RegionMask wrong = boxRegion({0, 0}, {2, 2});
    wrong.values.pop_back();
    QVERIFY(refused(wrong, image2d_));
    wrong = boxRegion({0, 0}, {2, 2});
    wrong.values[0] = 3;
    QVERIFY(refused(wrong, image2d_));
    QVERIFY(refused(boxRegion({0, 0}, {2, 2}), 424242));
    QCOMPARE(workflows::listReviewFindings(path_, image2d_).size(), listed.size());
  }

  void aStrokeOnAVolumeSliceIsMeasuredInCubicMillimetres() {
    // A plus sign of 5 voxels on slice 5 of the volume: 5 x 2 x 0.8 x 0.8 = 6.4 mm³.
    workflows::RegionMask r = boxRegion({5, 30, 40}, {6, 33, 43});
    r.values = {0, 1, 0, 1, 1, 1, 0, 1, 0};
    const auto f = workflows::addManualFinding(path_, volume_, workflows::ManualShape::Brush, r);
    QCOMPARE(f.ndim, 3);
    QCOMPARE(f.sizeVoxels, int64_t(5));
    QVERIFY(std::abs(f.sizeMm - 6.4) < 1e-9);
    QCOMPARE(f.sliceIndex.value(), int64_t(5));  // identity mapping: the working slice is the original one
    QVERIFY((f.centroidVoxel == std::vector<double>{5.0, 31.0, 41.0}));
    QCOMPARE(f.manualShape, std::string("brush"));
    const auto e = workflows::loadFindingExtent(path_, f.id);
    QVERIFY(e.stored);
    QVERIFY(e.region.values == r.values);
    QVERIFY(e.region.min == r.min);
  }

  void automaticExtentsAreDerivedAdjustedAndRestoredExactly() {
    const auto list = workflows::listReviewFindings(path_, image2d_);
    const auto it = std::find_if(list.begin(), list.end(), [](const auto& f) { return !f.manual; });
    QVERIFY(it != list.end());
    const workflows::ReviewFinding original = *it;
    // Derived: the region found at the finding's threshold, exactly its size inside its box.
    const auto derived = workflows::loadFindingExtent(path_, original.id);
    QVERIFY(!derived.stored);
    QCOMPARE(derived.region.voxels(), original.sizeVoxels);
    QVERIFY(derived.region.min == original.bboxMin && derived.region.max == original.bboxMax);
    const auto data = workflows::loadReviewImage(path_, image2d_);
    Index v{0, 0, 0};
    for (v[0] = original.bboxMin[0]; v[0] < original.bboxMax[0]; ++v[0])
      for (v[1] = original.bboxMin[1]; v[1] < original.bboxMax[1]; ++v[1])
        if (derived.region.at(v))
          QVERIFY(double(eval::clipToUnit(data.map.values()[size_t(v[0] * 96 + v[1])])) > *original.threshold);

    const auto before = workflows::saveFindingRegion(path_, original.id);
    QVERIFY(!before.extent);
    // Erase the upper half of the region: fewer voxels, a smaller box, the same finding.
    workflows::RegionMask half = derived.region;
    const int64_t cut = (half.min[0] + half.max[0]) / 2;
    for (v[0] = half.min[0]; v[0] < cut; ++v[0])
      for (v[1] = half.min[1]; v[1] < half.max[1]; ++v[1])
        half.values[size_t((v[0] - half.min[0]) * (half.max[1] - half.min[1]) + (v[1] - half.min[1]))] = 0;
    const auto adjusted = workflows::setFindingExtent(path_, original.id, half);
    QVERIFY(adjusted.adjusted && !adjusted.manual);
    QCOMPARE(adjusted.sizeVoxels, half.voxels());
    QVERIFY(adjusted.sizeVoxels < original.sizeVoxels);
    QCOMPARE(adjusted.bboxMin[0], cut);
    QCOMPARE(adjusted.threshold, original.threshold);
    QVERIFY(std::abs(adjusted.sizeMm - 0.64 * double(adjusted.sizeVoxels)) < 1e-9);
    QVERIFY(workflows::loadFindingExtent(path_, original.id).stored);

    // Re-finding keeps the adjusted finding and the manual ones, at any threshold.
    const auto manualBefore = std::count_if(list.begin(), list.end(), [](const auto& f) { return f.manual; });
    NullProgress none;
    workflows::RefindParams rp;
    rp.projectPath = path_;
    rp.runId = run_;
    rp.folds = model_;
    rp.threshold = 0.7;
    rp.storeAsUserThreshold = false;
    workflows::refindFindings(rp, none);
    rp.threshold = 0.5;
    workflows::refindFindings(rp, none);
    auto after = workflows::listReviewFindings(path_, image2d_);
    QVERIFY(findIn(after, original.id) && findIn(after, original.id)->adjusted);
    QCOMPARE(findIn(after, original.id)->sizeVoxels, adjusted.sizeVoxels);
    QCOMPARE(std::count_if(after.begin(), after.end(), [](const auto& f) { return f.manual; }), manualBefore);

    // Undo: every number as it was, and no stored mask again (so it is no longer "worked on").
    const auto restored = workflows::restoreFindingRegion(path_, before);
    QVERIFY(!restored.adjusted);
    QVERIFY(restored.bboxMin == original.bboxMin && restored.bboxMax == original.bboxMax);
    QVERIFY(restored.centroidVoxel == original.centroidVoxel);
    QVERIFY(restored.centroidMm == original.centroidMm);
    QCOMPARE(restored.sizeVoxels, original.sizeVoxels);
    QCOMPARE(restored.sizeMm, original.sizeMm);
    QCOMPARE(restored.maxScore, original.maxScore);
    QCOMPARE(restored.meanScore, original.meanScore);
    QVERIFY(!workflows::saveFindingRegion(path_, original.id).extent);

    // A manual finding redrawn twice and undone once: the very mask bytes of the first drawing come back.
    auto manual = workflows::addManualFinding(path_, image2d_, workflows::ManualShape::Ellipse,
                                              boxRegion({60, 60}, {64, 66}));
    const auto first = workflows::saveFindingRegion(path_, manual.id);
    workflows::RegionMask redraw = boxRegion({61, 58}, {70, 62});
    redraw.values[0] = 0;
    manual = workflows::setFindingExtent(path_, manual.id, redraw, workflows::ManualShape::Brush);
    QCOMPARE(manual.manualShape, std::string("brush"));
    QCOMPARE(manual.sizeVoxels, int64_t(35));
    manual = workflows::restoreFindingRegion(path_, first);
    const auto back = workflows::saveFindingRegion(path_, manual.id);
    QVERIFY(back.extent && first.extent && *back.extent == *first.extent);
    QCOMPARE(back.manualShape, std::string("ellipse"));
    QVERIFY(back.bboxMin == first.bboxMin && back.bboxMax == first.bboxMax);
    QCOMPARE(back.meanScore, first.meanScore);

    // Removing is for manual findings (the undo of adding).
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::removeManualFinding(path_, original.id));
    workflows::removeManualFinding(path_, manual.id);
    QVERIFY(!findIn(workflows::listReviewFindings(path_, image2d_), manual.id));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::loadFindingExtent(path_, manual.id));
  }

  void manualFindingsAreMarkedInTheCsv() {
    workflows::ExportParams xp;
    xp.projectPath = path_;
    xp.runId = run_;
    xp.folds = model_;
    xp.output = (fs::path(dir_.path().toStdString()) / "all.csv").string();
    workflows::exportFindings(xp);
    const auto rows = readCsv(xp.output);
    QVERIFY(rows.size() > 2);
    const auto& header = rows[0];
    const auto column = [&](const std::string& name) {
      return size_t(std::find(header.begin(), header.end(), name) - header.begin());
    };
    const size_t manual = column("manual"), shape = column("manual_shape"), size = column("size_mm"),
                 unit = column("size_unit"), threshold = column("threshold");
    QVERIFY(shape < header.size());
    int manualRows = 0;
    for (size_t r = 1; r < rows.size(); ++r) {
      QCOMPARE(rows[r].size(), header.size());
      if (rows[r][manual] == "1") {
        ++manualRows;
        QVERIFY(rows[r][shape] == "box" || rows[r][shape] == "brush");
        QVERIFY(rows[r][threshold].empty());
        const bool box = rows[r][shape] == "box";
        QVERIFY(std::abs(std::stod(rows[r][size]) - (box ? 12.8 : 6.4)) < 1e-9);
        QCOMPARE(rows[r][unit], std::string(box ? "mm2" : "mm3"));
      } else {
        QVERIFY(rows[r][shape].empty());
      }
    }
    QCOMPARE(manualRows, 2);
  }

  void theCategoryListIsEditable() {
    const auto names = [&] {
      std::vector<std::string> out;
      for (const auto& c : workflows::loadFindingCategories(path_)) out.push_back(c.name);
      return out;
    };
    QCOMPARE(names(), (std::vector<std::string>{"lesion", "artefact", "normal variant", "unsure"}));
    const int64_t cyst = workflows::addFindingCategory(path_, " cyst ");
    QCOMPARE(names().back(), std::string("cyst"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::addFindingCategory(path_, "Lesion"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::addFindingCategory(path_, "   "));
    workflows::renameFindingCategory(path_, cyst, "cyst (benign)");
    QCOMPARE(names().back(), std::string("cyst (benign)"));

    const auto findings = workflows::listReviewFindings(path_, image2d_);
    workflows::setFindingCategory(path_, findings[0].id, cyst);
    QCOMPARE(workflows::findingCategoryUse(path_, cyst), int64_t(1));
    const auto had = workflows::removeFindingCategory(path_, cyst);
    QVERIFY(had == std::vector<int64_t>{findings[0].id});
    QVERIFY(!findIn(workflows::listReviewFindings(path_, image2d_), findings[0].id)->categoryId);
    QCOMPARE(names().size(), size_t(4));
    // Undo of the removal: same id, same place, given back.
    QCOMPARE(workflows::restoreFindingCategory(path_, cyst, "cyst (benign)", 1, had), cyst);
    QCOMPARE(names()[1], std::string("cyst (benign)"));
    QCOMPARE(findIn(workflows::listReviewFindings(path_, image2d_), findings[0].id)->category, std::string("cyst (benign)"));

    std::vector<int64_t> ids;
    for (const auto& c : workflows::loadFindingCategories(path_)) ids.push_back(c.id);
    std::rotate(ids.begin(), ids.begin() + 1, ids.end());
    workflows::reorderFindingCategories(path_, ids);
    QCOMPARE(names().back(), std::string("lesion"));
    ids.pop_back();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::reorderFindingCategories(path_, ids));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::renameFindingCategory(path_, 9999, "x"));
  }
};

QTEST_GUILESS_MAIN(TestReviewAnnotation)
#include "test_review_annotation.moc"
