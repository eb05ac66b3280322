#include "file_probe.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "connection.h"
#include "lightbox/project/schema.h"

namespace lightbox::project::detail {

namespace {

std::string hex32(int64_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(static_cast<uint32_t>(value)));
  return buf;
}

// The 16-byte magic string at the start of every SQLite 3 database file (file format §1.3).
constexpr char kSqliteMagic[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};
constexpr size_t kSqliteHeaderBytes = 100;

struct HeaderFields {
  bool wal = false;
  int64_t declaredBytes = 0; ///< page size x page count, when the header vouches for its page count; else 0
  int64_t userVersion = 0;
  int64_t applicationId = 0;
};

uint32_t bigEndian32(const unsigned char* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | uint32_t{p[3]};
}

HeaderFields readSqliteHeader(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw ProjectError(ErrorKind::NotFound, path, "does not exist");
  if (std::filesystem::is_directory(path, ec))
    throw ProjectError(ErrorKind::NotProject, path, "is a folder, not a Lightbox project file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ProjectError(ErrorKind::Io, path, "cannot be read (check its permissions)");
  std::array<unsigned char, kSqliteHeaderBytes> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  const auto got = static_cast<size_t>(in.gcount());
  if (got == 0) throw ProjectError(ErrorKind::NotSqlite, path, "is empty, so it is not a Lightbox project");
  if (got < header.size() || std::memcmp(header.data(), kSqliteMagic, sizeof kSqliteMagic) != 0)
    throw ProjectError(ErrorKind::NotSqlite, path,
                       "is not an SQLite database (no SQLite header), so it is not a Lightbox project");
  // File format §1.3: offset 18 is 2 in WAL mode; user_version at 60, application_id at 68, big-endian.
  HeaderFields f;
  f.wal = header[18] == 2;
  f.userVersion = static_cast<int32_t>(bigEndian32(&header[60]));
  f.applicationId = static_cast<int32_t>(bigEndian32(&header[68]));
  // Page size at 16 (2 bytes; 1 means 65536); page count at 28, trustworthy only when the "version valid for"
  // number at 92 equals the change counter at 24 (older writers did not maintain it).
  const uint32_t pageSize = header[16] == 0 && header[17] == 1 ? 65536u : (uint32_t{header[16]} << 8 | header[17]);
  if (bigEndian32(&header[92]) == bigEndian32(&header[24]))
    f.declaredBytes = static_cast<int64_t>(pageSize) * bigEndian32(&header[28]);
  return f;
}

// The header on disk is the whole truth unless a journal beside the file holds newer pages: a non-empty -wal in
// WAL mode, a -journal otherwise.
bool headerIsCurrent(const std::filesystem::path& path, const HeaderFields& f) {
  std::error_code ec;
  const std::filesystem::path journal = path.string() + (f.wal ? "-wal" : "-journal");
  const auto size = std::filesystem::file_size(journal, ec);
  return ec || size == 0;
}

}  // namespace

int probeProjectFile(const std::filesystem::path& path) {
  // Our own reading of the header first: a text file or a PNG gets a precise message without SQLite ever opening
  // it, and so does a foreign database, since even a read-only SQLite connection to a WAL-mode file leaves -wal
  // and -shm files beside it.
  const HeaderFields header = readSqliteHeader(path);
  int64_t appId = header.applicationId, version = header.userVersion;
  const bool current = headerIsCurrent(path, header);
  if (current && header.applicationId == kApplicationId) {
    // A copy cut short (full disk, interrupted transfer) is caught here, before any connection could write to it.
    std::error_code ec;
    const auto size = static_cast<int64_t>(std::filesystem::file_size(path, ec));
    if (!ec && size < header.declaredBytes)
      throw ProjectError(ErrorKind::Corrupt, path,
                         "is truncated: its header describes " + std::to_string(header.declaredBytes) +
                             " bytes but the file has " + std::to_string(size));
  }
  if (!current) {
    try {
      // Read-only: whatever the file turns out to be, this connection cannot write to it.
      Connection c(path, Connection::Access::ReadOnly);
      appId = c.pragmaInt("PRAGMA application_id");
      version = c.pragmaInt("PRAGMA user_version");
    } catch (const ProjectError& e) {
      if (e.kind() == ErrorKind::Corrupt)
        throw ProjectError(ErrorKind::Corrupt, path, "is a damaged SQLite database (" + e.reason() + ")");
      throw;
    }
  }
  if (appId != kApplicationId)
    throw ProjectError(ErrorKind::NotProject, path,
                       "is an SQLite database but not a Lightbox project (application_id " + hex32(appId) +
                           ", a project has " + hex32(kApplicationId) + ")");
  if (version > currentSchemaVersion())
    throw ProjectError(ErrorKind::TooNew, path,
                       "was written by a newer Lightbox (schema version " + std::to_string(version) +
                           "; this build understands up to " + std::to_string(currentSchemaVersion()) +
                           "); open it with a newer Lightbox");
  if (version < 1)
    throw ProjectError(
        ErrorKind::Corrupt, path,
        "is marked as a Lightbox project but has no schema (user_version " + std::to_string(version) + ")");
  return static_cast<int>(version);
}

}  // namespace lightbox::project::detail
