// Writes the seed inputs of fuzz_project_file into a folder: the seed project (seed_project.cpp) and a compacted
// copy of each project file named on the command line (the committed schema fixtures). Usage:
//   fuzz_make_project_seeds <corpus folder> [project files...]
#include <filesystem>
#include <iostream>

#include "fuzz_entries.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fuzz_make_project_seeds <corpus folder> [project files...]\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path folder = argv[1];
  try {
    fs::create_directories(folder);
    lightbox::fuzz::writeSeedProject(folder / "seed-project.lightbox");
    for (int i = 2; i < argc; ++i) {
      const fs::path copy = folder / (fs::path(argv[i]).stem().string() + "-compact.lightbox");
      fs::copy_file(argv[i], copy, fs::copy_options::overwrite_existing);
      lightbox::fuzz::compactProjectFile(copy);
    }
  } catch (const std::exception& e) {
    std::cerr << "fuzz_make_project_seeds: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
