#pragma once
// The expensive part of importing one image, done in worker threads: hash, decode, preprocess, compress.

#include <optional>
#include <string>
#include <vector>

#include "import_plan.h"
#include "import_presets.h"
#include "lightbox/project/records.h"

namespace lightbox::workflows {

struct PreparedUnit {
  std::optional<project::NewImage> image;  ///< empty when it failed
  project::ImageMetadata meta;             ///< known facts, also for a failure
  std::string error;                       ///< why it failed
  std::vector<std::string> warnings;
  size_t arrayCount = 0;
};

/// Content hash of the unit: the file's SHA-256, or for a series the SHA-256 of its files' hashes in volume order.
/// Fills `files` with each file's hash. Throws std::runtime_error naming an unreadable file.
std::string hashUnit(const ImportUnit& unit, std::vector<project::SourceFile>& files);

/// Decodes and preprocesses; never throws (errors end up in PreparedUnit::error).
PreparedUnit prepareUnit(const ImportUnit& unit, ImportPreset preset, std::string contentHash,
                         std::vector<project::SourceFile> files);

}  // namespace lightbox::workflows
