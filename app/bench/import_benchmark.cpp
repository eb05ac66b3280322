#include "import_benchmark.h"

#include "child_process.h"

#include <zlib.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "lightbox/core/progress.h"
#include "lightbox/imageio/dicom.h"
#include "lightbox/workflows/import.h"
#include "lightbox/workflows/project_overview.h"

namespace lightbox::bench {

namespace fs = std::filesystem;

namespace {

void makeDicomCopies(const std::string& source, const fs::path& folder, int count) {
  fs::create_directories(folder);
  for (int i = 0; i < count; ++i) {
    // Distinct study, series and instance UIDs: every file is an image of its own, as in a PACS export of
    // single-slice studies (the slowest case per file: each one is preprocessed and stored separately).
    const std::string root = "1.2.826.0.1.3680043.9.7433." + std::to_string(i + 1);
    imageio::writeDicomCopy(source, (folder / ("slice" + std::to_string(i) + ".dcm")).string(),
                            {root + ".1", root + ".2", root + ".3", 1, std::nullopt});
  }
}

std::string gunzip(const std::string& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) throw std::runtime_error("cannot open " + path);
  std::string out;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(in, buffer, sizeof buffer)) > 0) out.append(buffer, size_t(n));
  gzclose(in);
  if (out.size() < 352) throw std::runtime_error(path + " is not a NIfTI-1 file");
  return out;
}

/// Copies of the volume differing in their header's description field (so every copy has its own content hash).
void makeNiftiCopies(const std::string& source, const fs::path& folder, int count) {
  fs::create_directories(folder);
  std::string bytes = gunzip(source);
  for (int i = 0; i < count; ++i) {
    char descrip[80] = {};
    std::snprintf(descrip, sizeof descrip, "lightbox-bench copy %d", i);
    std::memcpy(bytes.data() + 148, descrip, sizeof descrip);
    const std::string out = (folder / ("volume" + std::to_string(i) + ".nii.gz")).string();
    gzFile f = gzopen(out.c_str(), "wb1");
    if (!f || gzwrite(f, bytes.data(), unsigned(bytes.size())) != int(bytes.size())) throw std::runtime_error("cannot write " + out);
    gzclose(f);
  }
}

/// Imports `folder` into a new project in a child process; returns seconds, peak RSS and the counts.
nlohmann::json importInChild(const fs::path& folder, const fs::path& project, int threads) {
  fs::remove(project);
  nlohmann::json j = measureInChild([&]() -> nlohmann::json {
    workflows::createProject(project.string());
    workflows::ImportParams p;
    p.projectPath = project.string();
    p.paths = {folder.string()};
    p.threads = threads;
    NullProgress progress;
    const auto start = std::chrono::steady_clock::now();
    const auto r = workflows::runImport(p, progress);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return {{"seconds", seconds}, {"imported", r.imported}, {"failed", r.failed.size()}};
  });
  j["project_mb"] = fs::exists(project) ? double(fs::file_size(project)) / (1024.0 * 1024.0) : 0.0;
  return j;
}

}  // namespace

nlohmann::json runImportBenchmark(const ImportBenchmarkOptions& o) {
  const fs::path work = o.workFolder.empty() ? fs::temp_directory_path() / "lightbox-bench-import" : fs::path(o.workFolder);
  fs::remove_all(work);
  nlohmann::json results = nlohmann::json::array();
  for (int count : o.dicomCounts) {
    std::fprintf(stderr, "  writing %d DICOM copies of %s ...\n", count, o.dicomSource.c_str());
    makeDicomCopies(o.dicomSource, work / "dicom", count);
    std::fprintf(stderr, "  importing them ...");
    nlohmann::json r = importInChild(work / "dicom", work / "dicom.lightbox", o.threads);
    if (r.contains("seconds")) r["files_per_second"] = double(count) / r["seconds"].get<double>();
    r["kind"] = "dicom";
    r["files"] = count;
    std::fprintf(stderr, " %s\n", r.dump().c_str());
    results.push_back(r);
    fs::remove_all(work / "dicom");
  }
  if (o.niftiCount > 0 && !o.niftiSource.empty()) {
    std::fprintf(stderr, "  writing %d NIfTI copies of %s ...\n", o.niftiCount, o.niftiSource.c_str());
    makeNiftiCopies(o.niftiSource, work / "nifti", o.niftiCount);
    std::fprintf(stderr, "  importing them ...");
    nlohmann::json r = importInChild(work / "nifti", work / "nifti.lightbox", o.threads);
    if (r.contains("seconds")) r["files_per_second"] = double(o.niftiCount) / r["seconds"].get<double>();
    r["kind"] = "nifti";
    r["files"] = o.niftiCount;
    std::fprintf(stderr, " %s\n", r.dump().c_str());
    results.push_back(r);
  }
  fs::remove_all(work);
  return results;
}

}  // namespace lightbox::bench
