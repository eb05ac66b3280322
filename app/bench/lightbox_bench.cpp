// lightbox-bench: prints speed measurements as JSON (stdout) with progress on stderr.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "lightbox/core/memory_tuning.h"
#include "import_benchmark.h"
#include "task_benchmark.h"

int main(int argc, char** argv) {
  CLI::App app{"Lightbox benchmarks: single-thread throughput, reported as the median of several repeats"};
  app.require_subcommand(1);

  lightbox::bench::TaskBenchmarkOptions taskOptions;
  std::string output;
  auto* tasks = app.add_subcommand("tasks", "Synthetic anomaly tasks: task + label, and full training samples");
  tasks->add_option("--repeats", taskOptions.repeats, "Repeats per measurement (the median is reported)")
      ->check(CLI::PositiveNumber);
  tasks->add_option("--samples-2d", taskOptions.samples2d, "Samples per repeat in 2D")->check(CLI::PositiveNumber);
  tasks->add_option("--samples-3d", taskOptions.samples3d, "Samples per repeat in 3D")->check(CLI::PositiveNumber);
  tasks->add_flag("!--no-2d", taskOptions.run2d, "Skip the 2D measurements");
  tasks->add_flag("!--no-3d", taskOptions.run3d, "Skip the 3D measurements");
  tasks->add_option("-o,--output", output, "Also write the JSON to this file");
  bool defaultMalloc = false;
  tasks->add_flag("--default-malloc", defaultMalloc,
                  "Leave the allocator as it is (by default it keeps freed memory, as sample-generating programs should)");

  lightbox::bench::ImportBenchmarkOptions importOptions;
  auto* import = app.add_subcommand("import", "Import throughput and peak memory (DICOM slices, NIfTI volumes)");
  import->add_option("--dicom", importOptions.dicomSource, "A real DICOM slice to copy (distinct UIDs)")->required();
  import->add_option("--nifti", importOptions.niftiSource, "A real .nii.gz volume to copy");
  import->add_option("--dicom-counts", importOptions.dicomCounts, "How many DICOM copies (one run per count)");
  import->add_option("--nifti-count", importOptions.niftiCount, "How many NIfTI copies");
  import->add_option("--threads", importOptions.threads, "Import threads (0 = all cores)");
  import->add_option("--work", importOptions.workFolder, "Folder for the copies (default: under /tmp)");
  import->add_option("-o,--output", output, "Also write the JSON to this file");

  CLI11_PARSE(app, argc, argv);

  // As the data pipeline does (lightbox/core/memory_tuning.h): without it glibc returns each sample's freed buffers
  // to the kernel and the next sample page-faults them back in.
  const bool retained = !defaultMalloc && lightbox::retainFreedMemory();

  nlohmann::json result;
  if (*tasks) {
    std::fprintf(stderr, "lightbox-bench tasks: one thread, median of %d repeats (task + label / full sample)%s\n",
                 taskOptions.repeats, retained ? "" : ", default allocator");
    result = {{"benchmark", "tasks"},
              {"threads", 1},
              {"hardware_threads", std::thread::hardware_concurrency()},
              {"retain_freed_memory", retained},
              {"results", lightbox::bench::runTaskBenchmark(taskOptions)}};
  }
  if (*import) {
    std::fprintf(stderr, "lightbox-bench import: %u hardware threads\n", std::thread::hardware_concurrency());
    result = {{"benchmark", "import"},
              {"hardware_threads", std::thread::hardware_concurrency()},
              {"results", lightbox::bench::runImportBenchmark(importOptions)}};
  }
  std::cout << result.dump(2) << std::endl;
  if (!output.empty()) {
    std::ofstream file(output);
    if (!(file << result.dump(2) << '\n')) {
      std::cerr << "lightbox-bench: cannot write " << output << '\n';
      return 2;
    }
  }
  return 0;
}
