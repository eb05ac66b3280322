#include "scratch_file.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace lightbox::fuzz::detail {

const std::filesystem::path& scratchFolder() {
  static const std::filesystem::path folder = [] {
    auto p = std::filesystem::temp_directory_path() / ("lightbox-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(p);
    return p;
  }();
  return folder;
}

std::filesystem::path writeScratch(const std::string& name, std::span<const uint8_t> data) {
  const auto path = scratchFolder() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  out.close();
  // A harness that cannot write its input would report every input as accepted: fail loudly instead.
  if (!out) throw std::logic_error("fuzz harness: cannot write " + path.string());
  return path;
}

}  // namespace lightbox::fuzz::detail
