#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "lightbox/project/project_error.h"

namespace lightbox::project::detail {

namespace {

std::string errnoText(int e) { return std::strerror(e); }

// Closes and removes the temporary file unless released: every failure path after its creation cleans up.
class TempFile {
 public:
  TempFile(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int fd() const { return fd_; }
  const std::filesystem::path& path() const { return path_; }
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }
  void release() { path_.clear(); }

 private:
  int fd_;
  std::filesystem::path path_;
};

}  // namespace

void replaceFileAtomically(const std::filesystem::path& target, std::string_view bytes, std::string_view what) {
  const auto fail = [&](const std::string& step, int e) {
    return ProjectError(ErrorKind::Io, target, "cannot write " + std::string(what) + ": " + step + ": " + errnoText(e));
  };
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // A hidden name beside the target, unique per process and call; O_EXCL never reuses someone else's file. Mode
  // 0666 lets the umask decide, as for any file the user saves.
  static std::atomic<unsigned> serial{0};
  int fd = -1;
  std::filesystem::path tmp;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    std::string name = ".";
    name += target.filename().string();
    name += '.';
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(serial++);
    name += ".tmp";
    tmp = folder / name;
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    const int e = errno;  // read before anything else can change it
    if (fd < 0 && e != EEXIST) throw fail("cannot create the temporary file '" + tmp.string() + "'", e);
  }
  if (fd < 0) throw fail("cannot create a temporary file in '" + folder.string() + "'", EEXIST);
  TempFile file(fd, tmp);

  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(file.fd(), p, left);
    if (n < 0) {
      const int e = errno;
      if (e == EINTR) continue;
      throw fail("writing '" + tmp.string() + "' failed", e);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  // Data on disk before the rename: otherwise a crash could leave the new name pointing at an empty file.
  if (::fsync(file.fd()) != 0) {
    const int e = errno;
    throw fail("flushing '" + tmp.string() + "' to disk failed", e);
  }
  if (file.close() != 0) {
    const int e = errno;
    throw fail("closing '" + tmp.string() + "' failed", e);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int e = errno;
    throw fail("cannot rename '" + tmp.string() + "' to '" + target.string() + "'", e);
  }
  file.release();
  // The rename itself is durable once the folder is synced; failing here changes nothing the user can act on.
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace lightbox::project::detail
