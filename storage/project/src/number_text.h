#pragma once
// Shapes and geometry as JSON number arrays ("[20,256,256]", "[0.9375,0.9375,6]"): readable in any SQLite browser
// and usable from json_extract(), yet exact: doubles are written in their shortest round-trip form (std::to_chars)
// and read back with std::from_chars, so a stored geometry comes back bit for bit.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"

namespace lightbox::project::detail {

std::string formatNumbers(std::span<const double> values);
std::string formatIntegers(std::span<const int64_t> values);

/// Exactly `out.size()` finite numbers, or false (the text is treated as untrusted).
bool parseNumbers(std::string_view text, std::span<double> out);
/// At most `maxCount` integers, or nullopt.
std::optional<std::vector<int64_t>> parseIntegers(std::string_view text, size_t maxCount);

std::string formatShape(const Shape& shape);
/// A 2D or 3D shape whose every size is at least 1 and whose voxel count is at most `maxVoxels`; else nullopt.
std::optional<Shape> parseShape(std::string_view text, int64_t maxVoxels);

struct GeometryText {
  std::string spacing, origin, direction;
};
GeometryText formatGeometry(const Geometry& geometry);
std::optional<Geometry> parseGeometry(const GeometryText& text);
bool isFinite(const Geometry& geometry);

}  // namespace lightbox::project::detail
