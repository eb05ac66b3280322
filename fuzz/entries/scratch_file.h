#pragma once
// Where the entry points put the bytes they are given: the readers take paths, not buffers. One folder per process
// (fuzzers with -jobs, parallel ctest) and fixed names inside it, so that a long run does not fill the disk.

#include <filesystem>
#include <span>
#include <string>

namespace lightbox::fuzz::detail {

/// $TMPDIR (or /tmp)/lightbox-fuzz-<pid>/, created on first use.
const std::filesystem::path& scratchFolder();

/// Writes `data` to scratchFolder()/name, replacing what was there, and returns the path.
std::filesystem::path writeScratch(const std::string& name, std::span<const uint8_t> data);

}  // namespace lightbox::fuzz::detail
