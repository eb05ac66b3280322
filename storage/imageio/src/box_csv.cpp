#include "lightbox/imageio/box_csv.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace lightbox::imageio {

namespace {

constexpr size_t kMaxCsvBytes = size_t(1) << 30;  // a box table larger than 1 GiB is not a box table

/// Splits RFC 4180 records; quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> parseRecords(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, fieldStarted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && !fieldStarted) {
      quoted = fieldStarted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      fieldStarted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(std::move(field));
      records.push_back(std::move(record));
      record.clear();
      field.clear();
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (fieldStarted || !record.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

std::string trim(std::string s) {
  const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
  s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
  return s;
}

bool parseNumber(const std::string& text, double& value) {
  const std::string t = trim(text);
  if (t.empty()) return false;
  std::istringstream in(t);
  in.imbue(std::locale::classic());
  in >> value;
  return in && in.peek() == std::char_traits<char>::eof() && std::isfinite(value);
}

}  // namespace

BoxTable parseBoxCsv(const std::string& input, const std::string& name) {
  std::string text = input;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  const auto records = parseRecords(text);
  if (records.empty()) throw std::runtime_error(name + ": empty box table");

  std::map<std::string, size_t> column;
  for (size_t c = 0; c < records[0].size(); ++c) column[trim(records[0][c])] = c;
  for (const char* needed : {"image_id", "class_name", "x_min", "y_min", "x_max", "y_max"})
    if (!column.count(needed)) throw std::runtime_error(name + ": no column '" + needed + "' in the header line");

  BoxTable table;
  std::set<std::string> withBoxes, noFinding;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& row = records[r];
    if (row.size() == 1 && trim(row[0]).empty()) continue;  // blank line
    const auto cell = [&](const char* key) -> std::string {
      const size_t c = column[key];
      return c < row.size() ? row[c] : std::string();
    };
    const std::string problemPrefix = "line " + std::to_string(r + 1) + ": ";
    const std::string id = trim(cell("image_id"));
    const std::string cls = trim(cell("class_name"));
    if (id.empty()) {
      table.problems.push_back(problemPrefix + "no image_id");
      continue;
    }
    if (cls == "No finding") {
      noFinding.insert(id);
      continue;
    }
    GroundTruthBox box{cls};
    if (!parseNumber(cell("x_min"), box.xMin) || !parseNumber(cell("y_min"), box.yMin) ||
        !parseNumber(cell("x_max"), box.xMax) || !parseNumber(cell("y_max"), box.yMax)) {
      table.problems.push_back(problemPrefix + "box coordinates are not numbers");
      continue;
    }
    if (box.xMax < box.xMin || box.yMax < box.yMin || box.xMin < 0 || box.yMin < 0) {
      table.problems.push_back(problemPrefix + "box has negative coordinates or a negative size");
      continue;
    }
    table.boxesByImage[id].push_back(box);
    withBoxes.insert(id);
  }
  for (const auto& id : noFinding)
    if (!withBoxes.count(id)) table.imagesWithoutFindings.push_back(id);
  return table;
}

BoxTable readBoxCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the box table");
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0 || size_t(size) > kMaxCsvBytes) throw std::runtime_error(path + ": box table is too large");
  in.seekg(0);
  std::string text(size_t(size), '\0');
  if (!in.read(text.data(), size)) throw std::runtime_error(path + ": cannot read the box table");
  return parseBoxCsv(text, path);
}

}  // namespace lightbox::imageio
