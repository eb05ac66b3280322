// Writes the migration fixture of this build's schema version: make_project_fixture DIR creates
// DIR/schema-vN.lightbox. Run it, and commit the file, before a change bumps the schema version
// (docs/project-file.md, "Adding a schema version").
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "fixture_content.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FIXTURE_DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path path =
      std::filesystem::path(argv[1]) /
      ("schema-v" + std::to_string(lightbox::project::currentSchemaVersion()) + ".lightbox");
  try {
    lightbox::project::Project p = lightbox::project::Project::create(path);
    lbfixture::write(p);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  std::printf("%s\n", path.string().c_str());
  return 0;
}
