// listDicomdirFiles: the files a DICOMDIR's directory records reference. The record hierarchy (patient, study,
// series) is not needed: grouping uses each file's own header, which is the authority anyway.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "dicom_file.h"
#include "lightbox/imageio/image_reader.h"

namespace lightbox::imageio {
namespace detail {
namespace {

namespace fs = std::filesystem;

bool equalNoCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

/// `dir / component`, or the entry of `dir` whose name differs only in case when that is what exists.
fs::path child(const fs::path& dir, const std::string& component) {
  std::error_code ec;
  fs::path exact = dir / component;
  if (fs::exists(exact, ec)) return exact;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (equalNoCase(it->path().filename().string(), component)) return it->path();
  return exact;
}

/// A File ID is up to 8 components of A-Z, 0-9 and '_' (PS3.10 §8.2); anything that could climb out of the
/// DICOMDIR's folder is not one and is left out.
bool validComponent(const std::string& c) {
  return !c.empty() && c != "." && c != ".." && c.find('/') == std::string::npos;
}

std::vector<std::string> splitFileId(const OFString& id) {
  std::vector<std::string> parts;
  std::string cur;
  for (const char ch : std::string(id.c_str())) {
    if (ch == '\\') {
      parts.push_back(cur);
      cur.clear();
    } else if (ch != ' ') {
      cur += ch;
    }
  }
  parts.push_back(cur);
  return parts;
}

}  // namespace
}  // namespace detail

std::vector<std::string> listDicomdirFiles(const std::string& dicomdirPath) {
  namespace fs = std::filesystem;
  try {
    detail::DicomFile file = detail::openDicomFile(dicomdirPath);
    DcmSequenceOfItems* records = nullptr;
    if (file.file->getDataset()->findAndGetSequence(DCM_DirectoryRecordSequence, records).bad() || !records)
      throw ImageReadError(dicomdirPath, "not a DICOMDIR (no DirectoryRecordSequence)");
    const fs::path root = fs::path(dicomdirPath).parent_path();
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (unsigned long i = 0; i < records->card(); ++i) {
      DcmItem* record = records->getItem(i);
      OFString id;
      if (!record || record->findAndGetOFStringArray(DCM_ReferencedFileID, id).bad() || id.empty()) continue;
      const std::vector<std::string> parts = detail::splitFileId(id);
      if (!std::all_of(parts.begin(), parts.end(), detail::validComponent)) continue;
      fs::path p = root;
      for (const std::string& c : parts) p = detail::child(p, c);
      const std::string s = p.string();
      if (seen.insert(s).second) out.push_back(s);
    }
    return out;
  } catch (const ImageReadError&) {
    throw;
  } catch (const std::exception& e) {
    throw ImageReadError(dicomdirPath, e.what());
  }
}

}  // namespace lightbox::imageio
