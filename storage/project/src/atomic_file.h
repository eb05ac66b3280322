#pragma once
// Replacing a file so that readers only ever see the old content or the whole new one: write a temporary file in
// the same folder (same file system, so rename is atomic), fsync it, rename it over the target, fsync the folder.

#include <filesystem>
#include <string_view>

namespace lightbox::project::detail {

/// Throws ProjectError(Io) naming `target` and the step that failed (`what` says what the file is, e.g. "the
/// findings CSV"). On failure the temporary file is removed and `target` is as it was.
void replaceFileAtomically(const std::filesystem::path& target, std::string_view bytes, std::string_view what);

}  // namespace lightbox::project::detail
