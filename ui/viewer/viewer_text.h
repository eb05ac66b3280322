#pragma once
// Numbers the viewer and the review workspace show, in one place: slice numbers and voxel values.
//
// Slice numbers in words. Numbers a user reads are 1-based; stored identities ("slice:0062", "…#slice:0062"), the
// findings CSV's slice_index and the CLI's machine output stay 0-based (docs/architecture.md, "Slice numbers").
// Every label naming a stored slice goes through these, so that the viewer, the ranking, the audit, the curves lists
// and the findings table say the same number for the same slice.

#include <QString>

#include <cstdint>

namespace lightbox::ui {

qint64 displaySliceNumber(int64_t storedIndex);
/// "slice 63", or "slice 63 of 181" when the number of slices is known (`total` > 0).
QString sliceText(int64_t storedIndex, int64_t total = 0);
/// "ch2bet.nii.gz — slice 63" for a file and a stored array kind "slice:0062"; the file name alone for any other kind.
QString fileAndSliceText(const QString& fileName, const QString& arrayKind);
/// A stored working array's kind in words: "slice 63" for "slice:0062", "preprocessed" (translated), else as stored.
QString arrayKindText(const QString& arrayKind);

/// A voxel value as the probe shows it, in the UI's locale: an integer as an integer ("-1024", "255"), anything else
/// to 4 significant digits ("0.1235", "1234.6" with one decimal from 1000 up, so that no exponent appears there).
QString voxelValueText(double value);

}  // namespace lightbox::ui
