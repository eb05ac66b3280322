#pragma once
// The entry points the fuzz targets (fuzz/targets/) and the regression test (tests/reliability/) share, so that a
// crashing input is replayed through exactly the code that found it. Each takes untrusted bytes, feeds them to one
// reader the way an importer or the GUI would, and returns how the reader answered. Only the documented exception of
// that reader counts as a clean rejection; anything else (another exception type, a crash, a sanitizer report) is a
// bug and is left to escape so that libFuzzer, or the test, sees it.

#include <cstdint>
#include <filesystem>
#include <span>

namespace lightbox::fuzz {

enum class Outcome {
  Accepted,  ///< the reader returned normally
  Rejected,  ///< the reader threw its documented exception (ImageReadError, ProjectError, std::runtime_error)
};

using Bytes = std::span<const uint8_t>;

/// readDicomInfo, then readDicomImage (or listDicomdirFiles for a DICOMDIR), groupDicomSeries and
/// classifyImageFile, on the bytes written to a .dcm file. Documented: ImageReadError.
Outcome readDicomBytes(Bytes data);
/// readImage on the bytes as .nii (.nii.gz when they are gzip), then gzipped as .nii.gz, then split into a
/// .hdr (first 348 bytes) / .img pair. Documented: ImageReadError.
Outcome readNiftiBytes(Bytes data);
/// readImage on the bytes as .png, .tif or .jpg (by their magic). Documented: ImageReadError.
Outcome readRasterBytes(Bytes data);
/// parseBoxCsv on the bytes as text. Documented: std::runtime_error (a missing column).
Outcome parseBoxCsvBytes(Bytes data);
/// The bytes written to a .lightbox file, opened read-only and walked (walkProject). Documented: ProjectError.
Outcome openProjectBytes(Bytes data);
/// A copy of `seed` (a valid project) whose rows are first changed as the bytes say (project_sql_ops.h), then
/// opened read-only and walked. Documented: ProjectError.
Outcome openMutatedProject(const std::filesystem::path& seed, Bytes ops);

/// Writes a small valid project with one of everything that decodes a blob or parses text (arrays with masks,
/// thumbnail, ground-truth mask and boxes, a run with folds, metrics and both checkpoints, a prediction with scores,
/// thresholds, findings with reviews, settings). Same content every time. Throws ProjectError.
void writeSeedProject(const std::filesystem::path& path);
/// Rewrites a project file in place with 512-byte pages, no WAL and no free pages, so that raw-byte fuzzing
/// mutates a file of a few kilobytes instead of 180 KB of mostly empty pages.
void compactProjectFile(const std::filesystem::path& path);

}  // namespace lightbox::fuzz
