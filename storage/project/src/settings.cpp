#include "lightbox/project/settings.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "connection.h"
#include "fold_list.h"
#include "lightbox/project/transaction.h"
#include "statement.h"
#include "text_checks.h"

namespace lightbox::project {

using detail::Statement;

namespace {

constexpr size_t kMaxKeyBytes = 256;
constexpr size_t kMaxValueBytes = 1 << 20;

void checkKey(const detail::Connection& c, std::string_view key) {
  if (key.empty()) throw c.error(ErrorKind::InvalidArgument, "a setting needs a key");
  if (const std::string p = detail::textProblem(key, "the setting key", kMaxKeyBytes); !p.empty())
    throw c.error(ErrorKind::InvalidArgument, p);
}

bool isColormapName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char ch : name)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
      return false;
  return true;
}

template <typename T>
std::optional<T> parseWhole(std::string_view text) {
  T v{};
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace

void SettingsRepository::set(std::string_view key, std::string_view value) {
  c_->requireWritable("change a setting");
  checkKey(*c_, key);
  if (const std::string p =
          detail::textProblem(value, "the value of setting '" + std::string(key) + "'", kMaxValueBytes);
      !p.empty())
    throw c_->error(ErrorKind::InvalidArgument, p);
  // An empty view may have a null data pointer, which SQLite would bind as NULL; the column is NOT NULL.
  Statement(*c_,
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bindAll(key, value.empty() ? std::string_view("") : value)
      .run();
}

std::optional<std::string> SettingsRepository::get(std::string_view key) const {
  Statement st(*c_, "SELECT value FROM settings WHERE key = ?1");
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

bool SettingsRepository::remove(std::string_view key) {
  c_->requireWritable("remove a setting");
  Statement(*c_, "DELETE FROM settings WHERE key = ?1").bind(1, key).run();
  return detail::changes(*c_) > 0;
}

std::vector<std::pair<std::string, std::string>> SettingsRepository::list(std::string_view prefix) const {
  // substr() rather than LIKE: a key may hold '%' or '_', which LIKE would read as wildcards.
  Statement st(*c_, "SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
  st.bind(1, prefix.empty() ? std::string_view("") : prefix);
  std::vector<std::pair<std::string, std::string>> out;
  while (st.step()) out.emplace_back(st.text(0), st.text(1));
  return out;
}

void SettingsRepository::setInt(std::string_view key, int64_t value) { set(key, std::to_string(value)); }

void SettingsRepository::setReal(std::string_view key, double value) {
  if (!std::isfinite(value))
    throw c_->error(ErrorKind::InvalidArgument, "setting '" + std::string(key) + "' must be a finite number");
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  set(key, std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
}

void SettingsRepository::setBool(std::string_view key, bool value) { set(key, value ? "true" : "false"); }

std::optional<int64_t> SettingsRepository::getInt(std::string_view key) const {
  const auto text = get(key);
  if (!text) return std::nullopt;
  const auto v = parseWhole<int64_t>(*text);
  if (!v) throw c_->error(ErrorKind::Corrupt, "setting '" + std::string(key) + "' is not an integer: '" + *text + "'");
  return v;
}

std::optional<double> SettingsRepository::getReal(std::string_view key) const {
  const auto text = get(key);
  if (!text) return std::nullopt;
  const auto v = parseWhole<double>(*text);
  if (!v || !std::isfinite(*v))
    throw c_->error(ErrorKind::Corrupt, "setting '" + std::string(key) + "' is not a finite number: '" + *text + "'");
  return v;
}

std::optional<bool> SettingsRepository::getBool(std::string_view key) const {
  const auto text = get(key);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  throw c_->error(ErrorKind::Corrupt, "setting '" + std::string(key) + "' is not true or false: '" + *text + "'");
}

std::string SettingsRepository::colourScaleKey(int64_t runId) {
  return "heatmap/colour_scale/run/" + std::to_string(runId);
}

void SettingsRepository::setColourScale(int64_t runId, const ColourScale& s) {
  c_->requireWritable("change a colour scale");
  if (!std::isfinite(s.min) || !std::isfinite(s.max) || !(s.min < s.max))
    throw c_->error(ErrorKind::InvalidArgument,
                    "the colour scale of run " + std::to_string(runId) + " needs finite min < max");
  if (!isColormapName(s.colormap))
    throw c_->error(ErrorKind::InvalidArgument, "'" + s.colormap + "' is not a colormap name");
  Transaction tx(*c_);
  detail::requireRun(*c_, runId);
  set(colourScaleKey(runId), nlohmann::json{{"min", s.min}, {"max", s.max}, {"colormap", s.colormap}}.dump());
  tx.commit();
}

std::optional<ColourScale> SettingsRepository::colourScale(int64_t runId) const {
  const std::string key = colourScaleKey(runId);
  const auto text = get(key);
  if (!text) return std::nullopt;
  const auto j = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  const auto bad = [&] {
    return c_->error(ErrorKind::Corrupt, "setting '" + key + "' is not a colour scale: '" + *text + "'");
  };
  if (!j.is_object() || !j.contains("min") || !j.contains("max") || !j.contains("colormap")) throw bad();
  if (!j["min"].is_number() || !j["max"].is_number() || !j["colormap"].is_string()) throw bad();
  ColourScale s{j["min"].get<double>(), j["max"].get<double>(), j["colormap"].get<std::string>()};
  if (!std::isfinite(s.min) || !std::isfinite(s.max) || !(s.min < s.max) || !isColormapName(s.colormap)) throw bad();
  return s;
}

}  // namespace lightbox::project
