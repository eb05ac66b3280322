// libFuzzer target, structure-aware: the input is a program of row edits (project_entries.cpp) applied to a copy of
// a valid seed project, which is then opened read-only and read in full. Raw-byte mutation of an SQLite file mostly
// breaks its b-trees, so SQLite rejects it before any Lightbox code runs; edits of valid rows reach the blob size
// checks and text parsers directly.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "fuzz_entries.h"

namespace {
std::filesystem::path seedPath;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  seedPath = std::filesystem::temp_directory_path() / "lightbox-fuzz-seed.lightbox";
  lightbox::fuzz::writeSeedProject(seedPath);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)lightbox::fuzz::openMutatedProject(seedPath, {data, size});
  return 0;
}
