#include "lightbox/project/arrays.h"

#include <limits>

#include "blob_codec.h"
#include "connection.h"
#include "lightbox/project/transaction.h"
#include "number_text.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

void requireImageRow(detail::Connection& c, int64_t imageId) {
  Statement st(c, "SELECT 1 FROM images WHERE id = ?1");
  st.bind(1, imageId);
  if (!st.step()) throw c.error(ErrorKind::NotFound, "has no image with id " + std::to_string(imageId));
}

}  // namespace

int64_t ArrayRepository::store(int64_t imageId, const ArrayData& a) {
  c_->requireWritable("store an array");
  try {
    return store(imageId, EncodedArray::encode(a));
  } catch (const ProjectError& e) {
    if (!e.file().empty()) throw;
    throw c_->error(e.kind(), e.reason() + " (image " + std::to_string(imageId) + ")");
  }
}

int64_t ArrayRepository::store(int64_t imageId, const EncodedArray& a) {
  c_->requireWritable("store an array");
  const detail::GeometryText g = detail::formatGeometry(a.geometry_);
  Transaction tx(*c_);
  requireImageRow(*c_, imageId);
  // Delete, then insert (not an upsert): the cascade must remove predictions made from the array being replaced.
  Statement(*c_, "DELETE FROM arrays WHERE image_id = ?1 AND kind = ?2").bind(1, imageId).bind(2, a.kind_).run();
  Statement st(*c_,
               "INSERT INTO arrays (image_id, kind, dtype, channels, shape, spacing, origin, direction, mapping, "
               "codec, raw_size, data, mask_codec, mask_raw_size, mask_data) "
               "VALUES (?1, ?2, 'float32', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  st.bind(1, imageId).bind(2, a.kind_).bind(3, a.channels_).bind(4, detail::formatShape(a.shape_));
  st.bind(5, g.spacing).bind(6, g.origin).bind(7, g.direction).bind(8, a.mapping_);
  st.bind(9, detail::kCodecZlib).bind(10, a.rawSize_).bindBlob(11, a.data_);
  if (a.maskRawSize_ == 0) {
    st.bind(12, std::nullopt).bind(13, std::nullopt).bind(14, std::nullopt);
  } else {
    st.bind(12, detail::kCodecZlib).bind(13, a.maskRawSize_).bindBlob(14, a.mask_);
  }
  st.run();
  const int64_t id = detail::lastInsertId(*c_);
  tx.commit();
  return id;
}

std::optional<ArrayData> ArrayRepository::load(int64_t imageId, std::string_view kind) const {
  Statement st(*c_,
               "SELECT dtype, channels, shape, spacing, origin, direction, mapping, codec, raw_size, data, "
               "mask_codec, mask_raw_size, mask_data FROM arrays WHERE image_id = ?1 AND kind = ?2");
  st.bind(1, imageId).bind(2, kind);
  if (!st.step()) return std::nullopt;
  const auto corrupt = [&](const std::string& why) {
    return c_->error(ErrorKind::Corrupt,
                     "array '" + std::string(kind) + "' of image " + std::to_string(imageId) + " " + why);
  };
  if (st.text(0) != "float32") throw corrupt("has the unsupported element type '" + st.text(0) + "'");
  const int64_t channels = st.int64(1);
  const auto shape = detail::parseShape(st.text(2), kMaxArrayElements);
  if (!shape) throw corrupt("has a malformed shape or more than 2^31 voxels: '" + st.text(2) + "'");
  // kMaxArrayElements / count reaches 2^31 for a 1 x 1 shape, one more than an int holds: Image takes an int.
  if (channels < 1 || channels > kMaxArrayElements / shape->count() || channels > std::numeric_limits<int>::max())
    throw corrupt("has an impossible channel count " + std::to_string(channels));
  const auto geometry = detail::parseGeometry({st.text(3), st.text(4), st.text(5)});
  if (!geometry) throw corrupt("has malformed geometry");

  // Every size is checked against the shape and the blob before anything of that size is allocated.
  const int64_t bytes = channels * shape->count() * static_cast<int64_t>(sizeof(float));
  const auto blob = st.blob(9);
  if (const std::string p = detail::blobSizeProblem(st.text(7), st.int64(8), bytes, blob.size()); !p.empty())
    throw corrupt("data " + p);
  const bool hasMask = !st.isNull(12);
  if (hasMask) {
    if (const std::string p = detail::blobSizeProblem(st.text(10), st.int64(11), shape->count(), st.blob(12).size());
        !p.empty())
      throw corrupt("mask " + p);
  }

  ArrayData out;
  out.kind = std::string(kind);
  out.mapping = st.text(6);
  out.image = Image(static_cast<int>(channels), *shape);
  out.image.geometry() = *geometry;
  const std::span<uint8_t> target(reinterpret_cast<uint8_t*>(out.image.data()), static_cast<size_t>(bytes));
  if (const std::string p = detail::inflateExactly(st.blob(9), target); !p.empty()) throw corrupt("data " + p);
  if (hasMask) {
    out.mask = Mask(*shape);
    if (const std::string p = detail::inflateExactly(st.blob(12), {out.mask.data(), out.mask.values().size()});
        !p.empty())
      throw corrupt("mask " + p);
    for (const uint8_t v : out.mask.values())
      if (v > 1) throw corrupt("mask holds values other than 0 and 1");
  }
  return out;
}

std::vector<std::string> ArrayRepository::kinds(int64_t imageId) const {
  Statement st(*c_, "SELECT kind FROM arrays WHERE image_id = ?1 ORDER BY kind");
  st.bind(1, imageId);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

std::optional<int64_t> ArrayRepository::id(int64_t imageId, std::string_view kind) const {
  Statement st(*c_, "SELECT id FROM arrays WHERE image_id = ?1 AND kind = ?2");
  st.bind(1, imageId).bind(2, kind);
  if (!st.step()) return std::nullopt;
  return st.int64(0);
}

}  // namespace lightbox::project
