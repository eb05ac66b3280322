// Entry points for the project file (fuzz_entries.h): raw bytes as a file, and row edits on a valid project.
#include <sqlite3.h>

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include <zlib.h>

#include "fuzz_entries.h"
#include "project_walk.h"
#include "scratch_file.h"

namespace lightbox::fuzz {

namespace {

// The columns whose stored values the repositories parse or size their allocations by. Editing a value the schema's
// CHECKs refuse is allowed on purpose (ignore_check_constraints): another tool, or a bad disk, can do the same.
struct Column {
  const char* table;
  const char* column;
};
constexpr Column kColumns[] = {
    {"datasets", "role"},          {"datasets", "name"},          {"images", "dataset_id"},
    {"images", "channels"},        {"images", "shape"},           {"images", "spacing"},
    {"images", "origin"},          {"images", "direction"},       {"images", "status"},
    {"images", "excluded"},        {"image_files", "image_id"},   {"image_files", "ordinal"},
    {"arrays", "image_id"},        {"arrays", "kind"},            {"arrays", "dtype"},
    {"arrays", "channels"},        {"arrays", "shape"},           {"arrays", "spacing"},
    {"arrays", "origin"},          {"arrays", "direction"},       {"arrays", "mapping"},
    {"arrays", "codec"},           {"arrays", "raw_size"},        {"arrays", "data"},
    {"arrays", "mask_codec"},      {"arrays", "mask_raw_size"},   {"arrays", "mask_data"},
    {"thumbnails", "image_id"},    {"thumbnails", "width"},       {"thumbnails", "height"},
    {"thumbnails", "format"},      {"thumbnails", "data"},        {"ground_truth", "image_id"},
    {"ground_truth", "kind"},      {"ground_truth", "space"},     {"ground_truth", "shape"},
    {"ground_truth", "codec"},     {"ground_truth", "raw_size"},  {"ground_truth", "data"},
    {"ground_truth", "boxes"},     {"training_runs", "status"},   {"training_runs", "config"},
    {"training_runs", "dataset_id"}, {"run_folds", "fold"},       {"run_folds", "train_tasks"},
    {"run_folds", "heldout_tasks"}, {"run_folds", "status"},      {"run_folds", "best_step"},
    {"run_folds", "best_value"},   {"run_metrics", "fold"},       {"run_metrics", "epoch"},
    {"run_metrics", "value"},      {"checkpoints", "fold"},       {"checkpoints", "kind"},
    {"checkpoints", "epoch"},      {"checkpoints", "state"},      {"checkpoints", "codec"},
    {"checkpoints", "raw_size"},   {"checkpoints", "data"},       {"thresholds", "folds"},
    {"thresholds", "value"},       {"thresholds", "source"},      {"thresholds", "details"},
    {"predictions", "run_id"},     {"predictions", "folds"},      {"predictions", "image_id"},
    {"predictions", "array_id"},   {"predictions", "channels"},   {"predictions", "shape"},
    {"predictions", "codec"},      {"predictions", "raw_size"},   {"predictions", "data"},
    {"predictions", "scores"},     {"findings", "prediction_id"}, {"findings", "threshold"},
    {"findings", "bbox"},          {"findings", "centroid_voxel"}, {"findings", "centroid_mm"},
    {"findings", "size_voxels"},   {"findings", "size_mm"},       {"findings", "slice_index"},
    {"findings", "is_manual"},     {"findings", "manual_shape"},  {"findings", "extent_shape"},
    {"findings", "extent_codec"},  {"findings", "extent_raw_size"}, {"findings", "extent_data"},
    {"findings", "category_id"},   {"reviews", "finding_id"},     {"reviews", "state"},
    {"settings", "value"},         {"settings", "key"},
};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

// Values at the edges of every size check: zero, negative, just past 32 bits, the int64 limits.
constexpr int64_t kInts[] = {0, 1, -1, 2, 3, 4, 5, 6, 8, 255, 256, 4096, 4097, 65536, 2147483647, 2147483648LL,
                             -2147483648LL, 4294967296LL, 4294967297LL, 1LL << 40, 1LL << 62, INT64_MAX, INT64_MIN};
// Texts in the forms the schema stores, with lies: shapes, JSON of the wrong type, enum words.
constexpr const char* kTexts[] = {
    "[3,5,4]", "[5,4]", "[8,6]", "[6,10,8]", "[16,12]", "[0,5,4]", "[-1,5,4]", "[1,1]", "[1]", "[]", "[3,5,4,1]",
    "[2147483648,2147483648,2]", "[9223372036854775807,2,1]", "[4294967296,1]", "[1e308,1]", "[1.5,2]", "[\"a\"]",
    "{}", "null", "true", "\"x\"", "[[1]]", "[1,0,0,0,1,0,0,0,1]", "[1,0,0,1]", "[NaN]", "[0]", "[0,1]", "[-1]",
    "[1,1,1]", "[0,0,0]", "zlib", "none", "float32", "float64", "grey8", "png", "mask", "boxes", "best", "latest",
    "imported", "failed", "healthy", "test", "blend", "working", "original", "proposed", "user", "accepted",
    "rejected", "box", "ellipse", "brush", "{\"mean\":0.1,\"p75\":0.2,\"top25_mean\":0.3}",
    "[{\"class\":\"x\",\"x_min\":1,\"y_min\":1,\"x_max\":0,\"y_max\":2}]", "{\"min\":1,\"max\":0,\"colormap\":\"x\"}",
    "[0,1,1]", "[2,3,3]", "[[0,1,1],[2,3,3]]", "{\"per_slice\":{\"mean\":[1]}}", "", "\xff\xfe", "1e999", "-0"};

/// Reads the op stream; running out of bytes reads zeros, so every prefix of an input is a valid program.
class Reader {
 public:
  explicit Reader(Bytes data) : data_(data) {}
  bool done() const { return pos_ >= data_.size(); }
  uint8_t byte() { return pos_ < data_.size() ? data_[pos_++] : 0; }
  Bytes take(size_t n) {
    n = std::min(n, data_.size() - std::min(pos_, data_.size()));
    const Bytes out = data_.subspan(std::min(pos_, data_.size()), n);
    pos_ += n;
    return out;
  }
  uint64_t u64() {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = v << 8 | byte();
    return v;
  }

 private:
  Bytes data_;
  size_t pos_ = 0;
};

std::vector<uint8_t> zlibOf(Bytes raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<uint8_t> out(size);
  compress2(out.data(), &size, raw.data(), static_cast<uLong>(raw.size()), Z_BEST_SPEED);
  out.resize(size);
  return out;
}

/// Binds parameter 1 as the op's value kind (0..8) says, reading the value's bytes from the stream.
void bindValue(sqlite3_stmt* st, uint8_t kind, Reader& in) {
  switch (kind % 9) {
    case 0: sqlite3_bind_null(st, 1); break;
    case 1: sqlite3_bind_int64(st, 1, kInts[in.byte() % (sizeof(kInts) / sizeof(kInts[0]))]); break;
    case 2: sqlite3_bind_int64(st, 1, static_cast<int64_t>(in.u64())); break;
    case 3: {
      const uint64_t bits = in.u64();
      double d;
      std::memcpy(&d, &bits, sizeof d);
      sqlite3_bind_double(st, 1, d);
      break;
    }
    case 4:
      sqlite3_bind_text(st, 1, kTexts[in.byte() % (sizeof(kTexts) / sizeof(kTexts[0]))], -1, SQLITE_STATIC);
      break;
    case 5: {
      const Bytes t = in.take(in.byte());
      sqlite3_bind_text(st, 1, reinterpret_cast<const char*>(t.data()), static_cast<int>(t.size()), SQLITE_TRANSIENT);
      break;
    }
    case 6: {
      const Bytes b = in.take(in.byte() * 4u);
      sqlite3_bind_blob(st, 1, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
      break;
    }
    case 7: {  // a valid zlib stream of fuzzed bytes: passes the stream checks, so the size checks after it run
      const std::vector<uint8_t> z = zlibOf(in.take(in.byte() * 4u));
      sqlite3_bind_blob(st, 1, z.data(), static_cast<int>(z.size()), SQLITE_TRANSIENT);
      break;
    }
    default: {  // a shape of 1..4 interesting sizes
      std::string s = "[";
      const int n = 1 + in.byte() % 4;
      for (int i = 0; i < n; ++i) {
        if (i > 0) s += ',';
        s += std::to_string(kInts[in.byte() % (sizeof(kInts) / sizeof(kInts[0]))]);
      }
      s += "]";
      sqlite3_bind_text(st, 1, s.c_str(), -1, SQLITE_TRANSIENT);
    }
  }
}

/// One op: [column, row, kind, value...] on the row-th row of the column's table. Kinds 0..8 set a value, 9 deletes
/// the row (dangling references), 10 adds a small signed delta (a declared size off by one), 11 sets a zero blob of
/// 64 KiB .. 16 MiB (big enough to pass the inflate-ratio check of sizes near the 2^31-element limit).
void applyOp(sqlite3* db, Reader& in) {
  const Column& c = kColumns[in.byte() % kColumnCount];
  const int row = in.byte() % 8;
  const uint8_t kind = in.byte() % 12;
  const std::string which = "(SELECT rowid FROM " + std::string(c.table) + " ORDER BY rowid LIMIT 1 OFFSET " +
                            std::to_string(row) + ")";
  std::string sql;
  if (kind == 9) sql = "DELETE FROM " + std::string(c.table) + " WHERE rowid = " + which;
  else if (kind == 10) sql = "UPDATE " + std::string(c.table) + " SET " + c.column + " = " + c.column +
                             " + ?1 WHERE rowid = " + which;
  else sql = "UPDATE " + std::string(c.table) + " SET " + c.column + " = ?1 WHERE rowid = " + which;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return;
  if (kind == 10) sqlite3_bind_int64(st, 1, static_cast<int8_t>(in.byte()));  // off by a little: raw_size ± 1
  else if (kind == 11) sqlite3_bind_zeroblob(st, 1, (in.byte() + 1) << 16);
  else if (kind != 9) bindValue(st, kind, in);
  sqlite3_step(st);  // a refused edit (trigger, unique index) simply does not happen
  sqlite3_finalize(st);
}

}  // namespace

Outcome openProjectBytes(Bytes data) {
  const auto path = detail::writeScratch("input.lightbox", data);
  return detail::openAndWalk(path) ? Outcome::Accepted : Outcome::Rejected;
}

Outcome openMutatedProject(const std::filesystem::path& seed, Bytes ops) {
  const auto path = detail::scratchFolder() / "mutated.lightbox";
  std::filesystem::copy_file(seed, path, std::filesystem::copy_options::overwrite_existing);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(db);
    throw std::logic_error("fuzz harness: cannot open the copy of the seed project " + path.string());
  }
  sqlite3_exec(db, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; BEGIN", nullptr, nullptr,
               nullptr);
  Reader in(ops);
  for (int n = 0; n < 32 && !in.done(); ++n) applyOp(db, in);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close_v2(db);
  return detail::openAndWalk(path) ? Outcome::Accepted : Outcome::Rejected;
}

}  // namespace lightbox::fuzz
