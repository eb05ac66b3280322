#include "ground_truth_pairing.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <string_view>

namespace lightbox::workflows {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 11> kImageExtensions = {".nii.gz", ".nii", ".hdr", ".img",  ".png", ".tiff",
                                                               ".tif",    ".jpeg", ".jpg", ".dicom", ".dcm"};
constexpr std::array<std::string_view, 6> kMaskSuffixes = {"_mask", "_seg", "_label", "-mask", "-seg", "-label"};
// BraTS sequences: 2018-2021 (_t1, _t1ce, _t2, _flair) and 2023 (-t1c, -t1n, -t2f, -t2w).
constexpr std::array<std::string_view, 9> kBratsSequences = {"t1", "t1ce", "t1gd", "t2", "flair",
                                                             "t1c", "t1n", "t2f", "t2w"};

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool endsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - long(suffix.size()), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

/// The dot-separated parts of an ISLES name (VSD.Brain.XX.O.MR_Flair.70613).
std::vector<std::string_view> dotParts(std::string_view name) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

bool hasIslesMaskPart(std::string_view name) {
  const auto parts = dotParts(name);
  return std::find(parts.begin(), parts.end(), "OT") != parts.end();
}

bool hasIslesImagePart(std::string_view name) {
  for (const auto part : dotParts(name))
    if (part.substr(0, 3) == "MR_") return true;
  return false;
}

}  // namespace

std::string imageName(const std::string& path) {
  const std::string file = fs::path(path).filename().string();
  for (const auto ext : kImageExtensions)
    if (file.size() > ext.size() && endsWithNoCase(file, ext)) return file.substr(0, file.size() - ext.size());
  return file;
}

std::string unitName(const ImportUnit& unit) {
  if (unit.isSeries && !unit.files.empty()) return fs::path(unit.files.front()).parent_path().filename().string();
  return imageName(unit.displayPath);
}

bool hasMaskName(const std::string& name) {
  for (const auto suffix : kMaskSuffixes)
    if (name.size() > suffix.size() && endsWith(name, suffix)) return true;
  return hasIslesMaskPart(name);
}

std::string MaskIndex::caseFolderOf(const std::string& path) {
  std::error_code ec;
  fs::path folder = fs::weakly_canonical(fs::path(path), ec).parent_path();
  if (folder.filename().string() == imageName(path)) folder = folder.parent_path();
  return folder.string();
}

MaskIndex::MaskIndex(std::vector<MaskFile> candidates, bool sharedTree) {
  for (auto& m : candidates)
    if (isMask(m.name, sharedTree)) files_.push_back(std::move(m));
  for (size_t k = 0; k < files_.size(); ++k) {
    byName_.emplace(files_[k].name, k);
    if (hasIslesMaskPart(files_[k].name)) islesByCase_.emplace(files_[k].caseFolder, k);
  }
}

std::vector<size_t> MaskIndex::byName(const std::string& name) const {
  std::vector<size_t> out;
  const auto [from, to] = byName_.equal_range(name);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

MaskMatch MaskIndex::find(const std::string& name, const std::string& imagePath) const {
  MaskMatch m;
  if (m.masks = byName(name); !m.masks.empty()) {
    m.rule = "same name";
    return m;
  }
  for (const auto suffix : kMaskSuffixes) {
    const auto more = byName(name + std::string(suffix));
    m.masks.insert(m.masks.end(), more.begin(), more.end());
  }
  if (!m.masks.empty()) {
    m.rule = "name with a _mask/_seg/_label suffix";
    return m;
  }
  for (const char sep : {'_', '-'})
    for (const auto sequence : kBratsSequences) {
      const std::string tail = std::string(1, sep) + std::string(sequence);
      if (name.size() <= tail.size() || !endsWith(name, tail)) continue;
      const auto more = byName(name.substr(0, name.size() - tail.size()) + sep + "seg");
      m.masks.insert(m.masks.end(), more.begin(), more.end());
    }
  if (!m.masks.empty()) {
    m.rule = "BraTS <case>_seg";
    return m;
  }
  if (hasIslesImagePart(name)) {
    const auto [from, to] = islesByCase_.equal_range(caseFolderOf(imagePath));
    for (auto it = from; it != to; ++it) m.masks.push_back(it->second);
    if (!m.masks.empty()) m.rule = "ISLES OT of the same case";
  }
  return m;
}

}  // namespace lightbox::workflows
