#include "input_scan.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <system_error>

namespace lightbox::workflows {

namespace fs = std::filesystem;

namespace {

/// Identity of a folder on disk, to notice a folder reached twice through symlinks.
bool folderIdentity(const fs::path& p, std::pair<dev_t, ino_t>& id) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return false;
  id = {st.st_dev, st.st_ino};
  return true;
}

class Scanner {
 public:
  explicit Scanner(std::function<bool()> stop) : stop_(std::move(stop)) {}

  void add(const fs::path& p) {
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      problem(p, fs::is_symlink(fs::symlink_status(p, ec)) ? "broken symbolic link" : "no such file or folder");
      return;
    }
    if (fs::is_directory(st)) {
      walk(p);
    } else if (fs::is_regular_file(st)) {
      files_.insert(p.lexically_normal().string());
    } else {
      problem(p, "not a regular file (device, socket or pipe)");
    }
  }

  ScanResult result() {
    ScanResult r;
    r.files.assign(files_.begin(), files_.end());
    r.problems = std::move(problems_);
    return r;
  }

 private:
  void walk(const fs::path& folder) {
    std::pair<dev_t, ino_t> id;
    if (!folderIdentity(folder, id)) return problem(folder, "cannot read the folder");
    if (!visited_.insert(id).second) return problem(folder, "folder already scanned: reached again through a symbolic link (a loop or a second link)");
    std::error_code ec;
    fs::directory_iterator it(folder, ec), end;
    if (ec) return problem(folder, "cannot open the folder: " + ec.message());
    std::vector<fs::path> entries;
    for (; it != end && !stop_(); it.increment(ec)) {
      if (ec) {
        problem(folder, "cannot list the folder completely: " + ec.message());
        break;
      }
      entries.push_back(it->path());
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) {
      if (stop_()) return;
      add(e);
    }
  }

  void problem(const fs::path& p, std::string reason) { problems_.push_back({p.string(), std::move(reason)}); }

  std::function<bool()> stop_;
  std::set<std::string> files_;
  std::set<std::pair<dev_t, ino_t>> visited_;
  std::vector<ScanProblem> problems_;
};

}  // namespace

ScanResult scanInputs(const std::vector<std::string>& paths, const std::function<bool()>& stop) {
  Scanner s(stop ? stop : std::function<bool()>([] { return false; }));
  for (const auto& p : paths) s.add(fs::path(p));
  return s.result();
}

}  // namespace lightbox::workflows
