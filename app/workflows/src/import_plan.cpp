#include "import_plan.h"

#include <set>

#include "lightbox/imageio/file_kind.h"
#include "lightbox/imageio/image_reader.h"

namespace lightbox::workflows {

namespace {

void addDicomdirFiles(const std::string& dicomdir, std::vector<std::string>& queue, std::set<std::string>& seen,
                      ImportPlan& plan) {
  try {
    for (const auto& f : imageio::listDicomdirFiles(dicomdir))
      if (seen.insert(f).second) queue.push_back(f);
  } catch (const imageio::ImageReadError& e) {
    plan.failures.push_back({e.path(), e.reason()});
  }
}

}  // namespace

ImportPlan planImport(const ScanResult& scan, const std::function<bool()>& stop) {
  ImportPlan plan;
  plan.failures = scan.problems;
  std::vector<std::string> queue = scan.files;
  std::set<std::string> seen(queue.begin(), queue.end());
  std::vector<imageio::DicomInfo> dicom;

  for (size_t i = 0; i < queue.size() && !(stop && stop()); ++i) {
    const std::string path = queue[i];  // copy: a DICOMDIR appends to the queue
    ++plan.filesSeen;
    const imageio::FileKindResult kind = imageio::classifyImageFile(path);
    switch (kind.kind) {
      case imageio::FileKind::Companion: break;  // imported through its .hdr
      case imageio::FileKind::Unknown: plan.failures.push_back({path, kind.reason}); break;
      case imageio::FileKind::Image: plan.units.push_back({path, kind.format, {path}, false, {}}); break;
      case imageio::FileKind::Dicom:
        try {
          imageio::DicomInfo info = imageio::readDicomInfo(path);
          for (const auto& w : info.warnings) plan.warnings.push_back(path + ": " + w);
          if (info.isDicomdir) addDicomdirFiles(path, queue, seen, plan);
          else dicom.push_back(std::move(info));
        } catch (const imageio::ImageReadError& e) {
          plan.failures.push_back({e.path(), e.reason()});
        }
        break;
    }
  }

  for (auto& series : imageio::groupDicomSeries(dicom, &plan.warnings)) {
    ImportUnit unit;
    unit.format = "dicom";
    unit.isSeries = series.slices.size() > 1;
    for (const auto& s : series.slices) unit.files.push_back(s.path);
    unit.displayPath = unit.files.front();
    unit.series = std::move(series);
    plan.units.push_back(std::move(unit));
  }
  return plan;
}

}  // namespace lightbox::workflows
