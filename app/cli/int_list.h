#pragma once
// "0,2,3" -> {0, 2, 3}: the form task and fold lists take on the command line.

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace lightbox::cli {

inline std::vector<int> parseIntList(const std::string& text, const char* what) {
  std::vector<int> out;
  std::stringstream s(text);
  for (std::string item; std::getline(s, item, ',');) {
    if (item.empty()) continue;
    size_t used = 0;
    int v = 0;
    try {
      v = std::stoi(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != item.size()) throw std::invalid_argument(std::string(what) + " takes numbers like 0,2, not '" + text + "'");
    out.push_back(v);
  }
  return out;
}

}  // namespace lightbox::cli
