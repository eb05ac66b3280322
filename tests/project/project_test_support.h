#pragma once
// Helpers shared by the project-file tests: raw SQLite access (to build foreign files and damage real ones the way a
// colleague's disk or tool might), file bytes, and deterministic sample images.

#include <sqlite3.h>

#include <QtTest>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"
#include "lightbox/project/records.h"
#include "lightbox/project/sha256.h"

namespace lbtest {

/// A plain SQLite connection, bypassing the library: what the tests use to forge and to inspect files.
class RawDb {
 public:
  explicit RawDb(const std::filesystem::path& path) {
    if (sqlite3_open(path.string().c_str(), &db_) != SQLITE_OK) qFatal("RawDb: cannot open %s", path.c_str());
    exec("PRAGMA foreign_keys = ON");
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void exec(const std::string& sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      const std::string m = msg ? msg : "?";
      sqlite3_free(msg);
      qFatal("RawDb: '%s' failed: %s", sql.c_str(), m.c_str());
    }
  }
  bool tryExec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  int64_t integer(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      qFatal("RawDb: cannot prepare %s", sql.c_str());
    const int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
  }
  std::vector<std::string> texts(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      qFatal("RawDb: cannot prepare %s", sql.c_str());
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
        if (c > 0) row += '|';
        row += t != nullptr ? t : "NULL";
      }
      out.push_back(row);
    }
    sqlite3_finalize(st);
    return out;
  }
  /// Replaces a blob column with `bytes` (bound, so any bytes fit).
  void setBlob(const std::string& sql, const std::vector<uint8_t>& bytes) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      qFatal("RawDb: cannot prepare %s", sql.c_str());
    sqlite3_bind_blob(st, 1, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) qFatal("RawDb: '%s' failed", sql.c_str());
    sqlite3_finalize(st);
  }
  std::vector<uint8_t> blob(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr);
    std::vector<uint8_t> out;
    if (sqlite3_step(st) == SQLITE_ROW) {
      const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(st, 0));
      out.assign(p, p + sqlite3_column_bytes(st, 0));
    }
    sqlite3_finalize(st);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

inline std::vector<char> fileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

/// Geometry with nothing trivial about it: anisotropic spacing, an oblique direction, an origin off zero.
inline lightbox::Geometry obliqueGeometry() {
  lightbox::Geometry g;
  g.spacing = {0.9375, 1.1, 6.000000000000001};
  g.origin = {-120.5, 97.25, -0.0};
  const double c = std::cos(0.3), s = std::sin(0.3);
  g.direction = {c, -s, 0, s, c, 0, 0, 0, -1};
  return g;
}

/// Deterministic values including the ones a lossy path would lose: -0, denormals, huge, NaN with a payload.
inline lightbox::Image sampleImage(int channels, const lightbox::Shape& shape, uint32_t seed) {
  lightbox::Image img(channels, shape);
  uint32_t x = seed * 2654435761u + 1;
  for (float& v : img.values()) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    v = static_cast<float>(x % 100000) / 997.0f - 50.0f;
  }
  float* p = img.data();
  const uint32_t nanBits = 0x7fc01234u, denormBits = 0x00000007u;
  p[0] = -0.0f;
  std::memcpy(&p[1], &denormBits, 4);
  p[2] = 3.4e38f;
  std::memcpy(&p[3], &nanBits, 4);
  img.geometry() = obliqueGeometry();
  return img;
}

inline lightbox::Mask sampleMask(const lightbox::Shape& shape) {
  lightbox::Mask m(shape);
  for (int64_t i = 0; i < m.count(); ++i) m[i] = static_cast<uint8_t>((i * 7 / 5) % 3 == 0);
  return m;
}

inline bool sameBits(const lightbox::Image& a, const lightbox::Image& b) {
  return a.channels() == b.channels() && a.shape() == b.shape() && a.values().size() == b.values().size() &&
         std::memcmp(a.data(), b.data(), a.values().size() * sizeof(float)) == 0;
}

inline bool sameBits(const lightbox::Geometry& a, const lightbox::Geometry& b) {
  return std::memcmp(a.spacing.data(), b.spacing.data(), sizeof a.spacing) == 0 &&
         std::memcmp(a.origin.data(), b.origin.data(), sizeof a.origin) == 0 &&
         std::memcmp(a.direction.data(), b.direction.data(), sizeof a.direction) == 0;
}

/// A complete import: metadata, two source files, a preprocessed array with mask, a thumbnail.
inline lightbox::project::NewImage sampleNewImage(const std::string& name) {
  using namespace lightbox;
  project::NewImage n;
  n.meta.sourcePath = "/data/" + name;
  n.meta.contentHash = project::sha256Hex(name);
  n.meta.format = "dicom";
  n.meta.modality = "MR";
  n.meta.studyInstanceUid = "1.2.3";
  n.meta.seriesInstanceUid = "1.2.3.4";
  n.meta.seriesDescription = "T1 axial";
  n.meta.channels = 1;
  n.meta.shape = Shape(2, 16, 12);
  n.meta.geometry = obliqueGeometry();
  n.files = {{n.meta.sourcePath + "/1.dcm", project::sha256Hex(name + "1"), "1.2.3.4.1"},
             {n.meta.sourcePath + "/2.dcm", project::sha256Hex(name + "2"), "1.2.3.4.2"}};
  project::ArrayData a;
  a.image = sampleImage(1, Shape(2, 8, 6), 7);
  a.mask = sampleMask(Shape(2, 8, 6));
  a.mapping = R"([{"step":"downsample","factor":2}])";
  n.arrays.push_back(project::EncodedArray::encode(a));
  n.thumbnail = project::Thumbnail{4, 3, std::vector<uint8_t>(12, 128)};
  return n;
}

/// Columns, foreign keys and indexes of every table and view, in a form that does not depend on how the schema
/// was reached (CREATE TABLE text differs after ALTER TABLE; the structure must not).
inline std::vector<std::string> schemaFingerprint(RawDb& db) {
  std::vector<std::string> out;
  for (const std::string& row : db.texts("SELECT type || '|' || name FROM sqlite_schema "
                                         "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
    out.push_back(row);
    const std::string name = row.substr(row.find('|') + 1);
    for (const std::string& col :
         db.texts("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" + name + "') ORDER BY cid"))
      out.push_back("  col " + col);
    for (const std::string& fk : db.texts("SELECT \"table\", \"from\", \"to\", on_delete FROM "
                                          "pragma_foreign_key_list('" +
                                          name + "') ORDER BY id, seq"))
      out.push_back("  fk " + fk);
    for (const std::string& ix : db.texts("SELECT name FROM pragma_index_info('" + name + "') ORDER BY seqno"))
      out.push_back("  indexed " + ix);
  }
  return out;
}

}  // namespace lbtest
