#pragma once
// Findings exported to CSV for a spreadsheet or a script (docs/project-file.md, "Findings CSV"): RFC 4180 (comma,
// CRLF, fields with a comma, quote, CR or LF quoted, quotes doubled), UTF-8 with a byte-order mark so that Excel reads
// non-ASCII notes correctly. Text that came from users or files is neutralised against formula injection; numbers
// Lightbox wrote are not, so a negative coordinate stays a number. The file is written whole to a temporary file
// beside the target, flushed to disk and renamed over it: a failed export never leaves a partial CSV, and an older
// CSV at that path survives any failure untouched.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "lightbox/project/findings.h"

namespace lightbox::project {

class Project;

struct FindingsCsvOptions {
  bool byteOrderMark = true;         ///< EF BB BF first; Python reads it with encoding="utf-8-sig"
  std::optional<int64_t> datasetId;  ///< only this dataset's images
};

/// The header row's column names, in order.
std::span<const std::string_view> findingsCsvColumns();

/// A text cell as the export writes it: neutralised (a leading =, +, -, @, tab or CR gets a ' before it), then
/// quoted when it holds a comma, quote, CR or LF.
std::string csvTextCell(std::string_view text);

/// Writes the findings of the model (run + folds) that pass `filter`, by dataset, image and finding, and returns
/// how many rows were written (the header not counted). Works on read-only projects. Throws ProjectError(Io) naming
/// `output` when it cannot be written (then `output` is as it was and no temporary file remains), NotFound for an
/// unknown run.
int64_t exportFindingsCsv(Project& project, int64_t runId, std::span<const int> folds, ReviewFilter filter,
                          const std::filesystem::path& output, const FindingsCsvOptions& options = {});

}  // namespace lightbox::project
