#pragma once
// Reads everything a project holds, through the public repositories only, the way the GUI does on open: every
// listing, and every blob decoded (arrays, masks, thumbnails, ground truth, predictions, checkpoints).

#include "lightbox/project/project.h"

namespace lightbox::fuzz::detail {

/// Throws ProjectError for what the file cannot give; anything else escaping is a bug in the project layer.
void walkProject(project::Project& p);

/// Project::open read-only on `path` (after removing stale -wal/-shm beside it: they belong to an earlier input),
/// then walkProject. Returns Rejected when ProjectError was thrown.
bool openAndWalk(const std::filesystem::path& path);

}  // namespace lightbox::fuzz::detail
