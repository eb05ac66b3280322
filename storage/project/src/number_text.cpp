#include "number_text.h"

#include <charconv>
#include <cmath>

namespace lightbox::project::detail {

namespace {

void skipSpace(std::string_view text, size_t& i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
}

bool expect(std::string_view text, size_t& i, char ch) {
  skipSpace(text, i);
  if (i >= text.size() || text[i] != ch) return false;
  ++i;
  return true;
}

// Walks "[a, b, c]", calling parseOne(first, last) -> const char* for each element; false on any deviation.
template <typename ParseOne>
bool forEachElement(std::string_view text, size_t maxCount, ParseOne parseOne) {
  size_t i = 0, count = 0;
  if (!expect(text, i, '[')) return false;
  skipSpace(text, i);
  if (i < text.size() && text[i] == ']') {
    ++i;
  } else {
    for (;;) {
      if (++count > maxCount) return false;
      skipSpace(text, i);
      const char* end = parseOne(text.data() + i, text.data() + text.size());
      if (end == nullptr) return false;
      i = static_cast<size_t>(end - text.data());
      skipSpace(text, i);
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (!expect(text, i, ']')) return false;
      break;
    }
  }
  skipSpace(text, i);
  return i == text.size();
}

}  // namespace

std::string formatNumbers(std::span<const double> values) {
  std::string out = "[";
  char buf[32];
  for (size_t k = 0; k < values.size(); ++k) {
    if (k > 0) out += ',';
    const auto r = std::to_chars(buf, buf + sizeof buf, values[k]);
    out.append(buf, r.ptr);
  }
  return out + "]";
}

std::string formatIntegers(std::span<const int64_t> values) {
  std::string out = "[";
  for (size_t k = 0; k < values.size(); ++k) {
    if (k > 0) out += ',';
    out += std::to_string(values[k]);
  }
  return out + "]";
}

bool parseNumbers(std::string_view text, std::span<double> out) {
  size_t n = 0;
  const bool ok = forEachElement(text, out.size(), [&](const char* first, const char* last) -> const char* {
    double v = 0;
    const auto r = std::from_chars(first, last, v);
    if (r.ec != std::errc() || !std::isfinite(v)) return nullptr;
    out[n++] = v;
    return r.ptr;
  });
  return ok && n == out.size();
}

std::optional<std::vector<int64_t>> parseIntegers(std::string_view text, size_t maxCount) {
  std::vector<int64_t> values;
  const bool ok = forEachElement(text, maxCount, [&](const char* first, const char* last) -> const char* {
    int64_t v = 0;
    const auto r = std::from_chars(first, last, v);
    if (r.ec != std::errc()) return nullptr;
    values.push_back(v);
    return r.ptr;
  });
  if (!ok) return std::nullopt;
  return values;
}

std::string formatShape(const Shape& shape) {
  return formatIntegers(std::span<const int64_t>(shape.size.data(), static_cast<size_t>(shape.ndim)));
}

std::optional<Shape> parseShape(std::string_view text, int64_t maxVoxels) {
  const auto sizes = parseIntegers(text, kMaxDims);
  if (!sizes || sizes->size() < 2) return std::nullopt;
  int64_t count = 1;
  for (const int64_t s : *sizes) {
    // Checked one factor at a time so that the product can never overflow on the way.
    if (s < 1 || s > maxVoxels || count > maxVoxels / s) return std::nullopt;
    count *= s;
  }
  return Shape::fromVector(*sizes);
}

GeometryText formatGeometry(const Geometry& g) {
  return {formatNumbers(g.spacing), formatNumbers(g.origin), formatNumbers(g.direction)};
}

std::optional<Geometry> parseGeometry(const GeometryText& text) {
  Geometry g;
  if (!parseNumbers(text.spacing, g.spacing) || !parseNumbers(text.origin, g.origin) ||
      !parseNumbers(text.direction, g.direction))
    return std::nullopt;
  return g;
}

bool isFinite(const Geometry& g) {
  for (const double v : g.spacing)
    if (!std::isfinite(v)) return false;
  for (const double v : g.origin)
    if (!std::isfinite(v)) return false;
  for (const double v : g.direction)
    if (!std::isfinite(v)) return false;
  return true;
}

}  // namespace lightbox::project::detail
