// lightbox-bench: prints speed measurements as JSON (stdout) with progress on stderr.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "lightbox/core/memory_tuning.h"
#include "eval_benchmark.h"
#include "import_benchmark.h"
#include "task_benchmark.h"
#ifdef LIGHTBOX_BENCH_TRAIN
#include "train_benchmark.h"
#endif

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

#ifdef LIGHTBOX_BENCH_TRAIN  // only when the models (LibTorch) are built
  lightbox::bench::TrainBenchmarkOptions trainOptions;
  auto* train = app.add_subcommand(
      "train", "Paper networks: one training step (after a warm-up) and one inference, peak RSS per configuration");
  train->add_flag("!--no-2d", trainOptions.run2d, "Skip paper-cxr-2d (batch 50, 256x256)");
  train->add_flag("!--no-3d", trainOptions.run3d, "Skip paper-brain-3d (batch 8, 80x112x80)");
  train->add_flag("!--no-train", trainOptions.train, "Skip the training steps");
  train->add_flag("!--no-inference", trainOptions.inference, "Skip the inferences");
  train->add_option("--threads", trainOptions.threads, "torch::set_num_threads")->check(CLI::PositiveNumber);
  train->add_option("--interop-threads", trainOptions.interopThreads,
                    "at::set_num_interop_threads (0: LibTorch's default)");
  train->add_flag("!--random-data", trainOptions.pipeline2d,
                  "2D: random image and soft label instead of the real generator through BatchPipeline");
  train->add_option("--workers", trainOptions.workers, "Pipeline workers (0: cores - 1, at least 1)");
  train->add_flag("--clone-encoding", trainOptions.cloneEncoding, "Copy the positional encoding (as the trainer does)");
  train->add_flag("!--no-mkldnn", trainOptions.mkldnn, "Disable oneDNN (MKL-DNN) in LibTorch");
  train->add_flag("!--zero-grad", trainOptions.gradsToNone, "optimizer.zero_grad() instead of freeing the gradients");
  train->add_flag("!--no-grad-inference", trainOptions.inferenceMode,
                  "Inference under NoGradGuard instead of InferenceMode");
  train->add_flag("--default-malloc", defaultMalloc, "Leave the allocator as it is (see the tasks subcommand)");
  train->add_option("-o,--output", output, "Also write the JSON to this file");
#endif

  lightbox::bench::EvalBenchmarkOptions evalOptions;
  auto* evalCmd = app.add_subcommand("eval", "Pixel AP/AUROC over many pixels: streamed vs in memory, peak RSS each");
  evalCmd->add_option("--pixels", evalOptions.pixels, "Pixels in the set")->check(CLI::PositiveNumber);
  evalCmd->add_option("--budget-mib", evalOptions.budgetMib, "Streaming memory budget")->check(CLI::Range(4, 65536));
  evalCmd->add_flag("!--no-baseline", evalOptions.inMemoryBaseline, "Skip the in-memory baseline");
  evalCmd->add_option("-o,--output", output, "Also write the JSON to this file");

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
  if (*evalCmd) {
    std::fprintf(stderr, "lightbox-bench eval: %lld pixels, streaming budget %d MiB\n", (long long)evalOptions.pixels,
                 evalOptions.budgetMib);
    result = {{"benchmark", "eval"}, {"results", lightbox::bench::runEvalBenchmark(evalOptions)}};
  }
#ifdef LIGHTBOX_BENCH_TRAIN
  if (*train) {
    std::fprintf(stderr, "lightbox-bench train: %u hardware threads, torch threads %d\n",
                 std::thread::hardware_concurrency(), trainOptions.threads);
    result = {{"benchmark", "train"},
              {"hardware_threads", std::thread::hardware_concurrency()},
              {"retain_freed_memory", retained},
              {"options",
               {{"threads", trainOptions.threads},
                {"interop_threads", trainOptions.interopThreads},
                {"pipeline_2d", trainOptions.pipeline2d},
                {"clone_encoding", trainOptions.cloneEncoding},
                {"mkldnn", trainOptions.mkldnn},
                {"grads_to_none", trainOptions.gradsToNone},
                {"inference_mode", trainOptions.inferenceMode}}},
              {"results", lightbox::bench::runTrainBenchmark(trainOptions)}};
  }
#endif
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
