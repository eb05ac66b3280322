#include "lightbox/project/images.h"

#include "connection.h"
#include "image_rows.h"
#include "lightbox/project/arrays.h"
#include "lightbox/project/datasets.h"
#include "lightbox/project/thumbnails.h"
#include "lightbox/project/transaction.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

constexpr const char* kInsertImage =
    "INSERT INTO images (dataset_id, status, error, source_path, content_hash, format, modality, "
    "study_instance_uid, series_instance_uid, sop_instance_uid, series_description, channels, shape, spacing, "
    "origin, direction) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

void requireDataset(detail::Connection& c, int64_t datasetId) {
  if (!DatasetRepository(c).get(datasetId))
    throw c.error(ErrorKind::NotFound, "has no dataset with id " + std::to_string(datasetId));
}

void requireImage(detail::Connection& c, int64_t imageId) {
  if (detail::changes(c) == 0) throw c.error(ErrorKind::NotFound, "has no image with id " + std::to_string(imageId));
}

int64_t insertRow(detail::Connection& c, int64_t datasetId, const ImageMetadata& meta, ImportStatus status,
                  std::string_view error) {
  Statement st(c, kInsertImage);
  st.bind(1, datasetId).bind(2, toString(status)).bindOrNull(3, error);
  detail::bindMetadata(c, st, 4, meta);
  st.run();
  return detail::lastInsertId(c);
}

}  // namespace

int64_t ImageRepository::insert(int64_t datasetId, const NewImage& image) {
  c_->requireWritable("import an image");
  Transaction tx(*c_);
  requireDataset(*c_, datasetId);
  if (!image.meta.contentHash.empty())
    if (const auto existing = findByHash(datasetId, image.meta.contentHash))
      throw c_->error(ErrorKind::Duplicate, "the dataset already holds '" + existing->meta.sourcePath +
                                                "' with the same content as '" + image.meta.sourcePath + "'");
  const int64_t id = insertRow(*c_, datasetId, image.meta, ImportStatus::Imported, {});
  Statement file(*c_,
                 "INSERT INTO image_files (image_id, ordinal, path, content_hash, sop_instance_uid) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (size_t k = 0; k < image.files.size(); ++k) {
    const SourceFile& f = image.files[k];
    if (!f.contentHash.empty() && !detail::isSha256Hex(f.contentHash))
      throw c_->error(ErrorKind::InvalidArgument, "content hash of '" + f.path + "' is not SHA-256 hex");
    file.bind(1, id).bind(2, static_cast<int64_t>(k)).bind(3, f.path);
    file.bindOrNull(4, f.contentHash).bindOrNull(5, f.sopInstanceUid);
    file.run();
    file.reset();
  }
  ArrayRepository arrays(*c_);
  for (const EncodedArray& a : image.arrays) arrays.store(id, a);
  if (image.thumbnail) ThumbnailRepository(*c_).store(id, *image.thumbnail);
  tx.commit();
  return id;
}

int64_t ImageRepository::recordFailure(int64_t datasetId, const ImageMetadata& meta, std::string_view error) {
  c_->requireWritable("record a failed import");
  Transaction tx(*c_);
  requireDataset(*c_, datasetId);
  const int64_t id = insertRow(*c_, datasetId, meta, ImportStatus::Failed, error.empty() ? "unknown error" : error);
  tx.commit();
  return id;
}

void ImageRepository::markFailed(int64_t imageId, std::string_view error) {
  c_->requireWritable("mark an image as failed");
  Transaction tx(*c_);
  Statement st(*c_, "UPDATE images SET status = 'failed', error = ?2 WHERE id = ?1");
  st.bind(1, imageId).bind(2, error.empty() ? std::string_view("unknown error") : error).run();
  requireImage(*c_, imageId);
  // A failed image must not look usable: what was stored for it goes with the status change.
  Statement(*c_, "DELETE FROM arrays WHERE image_id = ?1").bind(1, imageId).run();
  Statement(*c_, "DELETE FROM thumbnails WHERE image_id = ?1").bind(1, imageId).run();
  tx.commit();
}

void ImageRepository::setExcluded(int64_t imageId, bool excluded, std::string_view reason) {
  c_->requireWritable("exclude an image");
  Transaction tx(*c_);
  Statement st(*c_,
               "UPDATE images SET excluded = ?2, excluded_reason = ?3, "
               "excluded_at = CASE WHEN ?2 THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END WHERE id = ?1");
  st.bind(1, imageId).bind(2, excluded ? 1 : 0);
  if (excluded)
    st.bindOrNull(3, reason);
  else
    st.bind(3, std::nullopt);
  st.run();
  requireImage(*c_, imageId);
  tx.commit();
}

void ImageRepository::remove(int64_t imageId) {
  c_->requireWritable("delete an image");
  Transaction tx(*c_);
  Statement(*c_, "DELETE FROM images WHERE id = ?1").bind(1, imageId).run();
  requireImage(*c_, imageId);
  tx.commit();
}

std::optional<ImageRecord> ImageRepository::get(int64_t imageId) const {
  Statement st(*c_, "SELECT " LIGHTBOX_IMAGE_COLUMNS " FROM images WHERE id = ?1");
  st.bind(1, imageId);
  if (!st.step()) return std::nullopt;
  return detail::readImage(*c_, st);
}

std::optional<ImageRecord> ImageRepository::findByHash(int64_t datasetId, std::string_view contentHash) const {
  Statement st(*c_, "SELECT " LIGHTBOX_IMAGE_COLUMNS " FROM images WHERE dataset_id = ?1 AND content_hash = ?2");
  st.bind(1, datasetId).bind(2, contentHash);
  if (!st.step()) return std::nullopt;
  return detail::readImage(*c_, st);
}

std::vector<ImageRecord> ImageRepository::list(int64_t datasetId) const {
  Statement st(*c_, "SELECT " LIGHTBOX_IMAGE_COLUMNS " FROM images WHERE dataset_id = ?1 ORDER BY id");
  st.bind(1, datasetId);
  std::vector<ImageRecord> out;
  while (st.step()) out.push_back(detail::readImage(*c_, st));
  return out;
}

int64_t ImageRepository::count(int64_t datasetId, std::optional<ImportStatus> status) const {
  Statement st(*c_, "SELECT count(*) FROM images WHERE dataset_id = ?1 AND (?2 IS NULL OR status = ?2)");
  st.bind(1, datasetId);
  if (status)
    st.bind(2, toString(*status));
  else
    st.bind(2, std::nullopt);
  return st.step() ? st.int64(0) : 0;
}

std::vector<SourceFile> ImageRepository::files(int64_t imageId) const {
  Statement st(*c_,
               "SELECT path, coalesce(content_hash, ''), coalesce(sop_instance_uid, '') FROM image_files "
               "WHERE image_id = ?1 ORDER BY ordinal");
  st.bind(1, imageId);
  std::vector<SourceFile> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
  return out;
}

}  // namespace lightbox::project
