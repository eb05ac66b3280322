#pragma once
// Project-wide settings (table settings; docs/project-file.md): text values under text keys, with typed helpers that
// write one documented form and refuse anything else on reading (Corrupt), so a value typed into an SQLite browser
// cannot silently become 0. Keys are namespaced with '/', e.g. "heatmap/colour_scale/run/3".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lightbox::project {

namespace detail {
class Connection;
}

/// The heat-map colour scale of a run's predictions, shared by every image of a dataset so that colours compare
/// across images: `min` maps to the colormap's first colour, `max` to its last.
struct ColourScale {
  double min = 0.0;
  double max = 1.0;
  std::string colormap = "inferno";  ///< a colormap name the viewer knows
};

class SettingsRepository {
 public:
  explicit SettingsRepository(detail::Connection& connection) : c_(&connection) {}

  /// Keys are non-empty, at most 256 bytes; values are valid UTF-8 without NUL, at most 1 MiB (InvalidArgument).
  void set(std::string_view key, std::string_view value);
  std::optional<std::string> get(std::string_view key) const;
  /// Returns whether the key existed.
  bool remove(std::string_view key);
  /// Keys starting with `prefix` (all when empty), by key.
  std::vector<std::pair<std::string, std::string>> list(std::string_view prefix = {}) const;

  // Typed values: integers in decimal, reals in their shortest round-trip form, booleans as "true"/"false".
  void setInt(std::string_view key, int64_t value);
  void setReal(std::string_view key, double value);  ///< InvalidArgument for NaN or infinity
  void setBool(std::string_view key, bool value);
  /// nullopt when the key is absent; Corrupt when its value is not of that type.
  std::optional<int64_t> getInt(std::string_view key) const;
  std::optional<double> getReal(std::string_view key) const;
  std::optional<bool> getBool(std::string_view key) const;

  /// Stored as JSON {"min":…, "max":…, "colormap":…} under "heatmap/colour_scale/run/<runId>"; deleted with the
  /// run. Throws NotFound for an unknown run, InvalidArgument unless min < max (both finite) and the colormap name
  /// is 1–64 characters of [A-Za-z0-9_-].
  void setColourScale(int64_t runId, const ColourScale& scale);
  std::optional<ColourScale> colourScale(int64_t runId) const;
  static std::string colourScaleKey(int64_t runId);

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
