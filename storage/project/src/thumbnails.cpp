#include "lightbox/project/thumbnails.h"

#include "connection.h"
#include "lightbox/project/transaction.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

// Thumbnails are previews for lists; anything larger is a mistake (or, on load, a lie).
constexpr int kMaxThumbnailSide = 4096;

bool plausible(int64_t width, int64_t height, size_t bytes) {
  return width >= 1 && height >= 1 && width <= kMaxThumbnailSide && height <= kMaxThumbnailSide &&
         static_cast<size_t>(width * height) == bytes;
}

}  // namespace

void ThumbnailRepository::store(int64_t imageId, const Thumbnail& t) {
  c_->requireWritable("store a thumbnail");
  if (!plausible(t.width, t.height, t.grey.size()))
    throw c_->error(ErrorKind::InvalidArgument,
                    "cannot store a " + std::to_string(t.width) + "x" + std::to_string(t.height) + " thumbnail with " +
                        std::to_string(t.grey.size()) + " pixels for image " + std::to_string(imageId));
  Transaction tx(*c_);
  {
    Statement exists(*c_, "SELECT 1 FROM images WHERE id = ?1");
    exists.bind(1, imageId);
    if (!exists.step()) throw c_->error(ErrorKind::NotFound, "has no image with id " + std::to_string(imageId));
  }
  // Stored uncompressed: a 128x128 preview is 16 KiB, and lists decode hundreds of them at once.
  Statement st(*c_,
               "INSERT INTO thumbnails (image_id, width, height, format, data) VALUES (?1, ?2, ?3, 'grey8', ?4) "
               "ON CONFLICT (image_id) DO UPDATE SET width = excluded.width, height = excluded.height, "
               "format = excluded.format, data = excluded.data");
  st.bind(1, imageId).bind(2, t.width).bind(3, t.height).bindBlob(4, t.grey);
  st.run();
  tx.commit();
}

std::optional<Thumbnail> ThumbnailRepository::load(int64_t imageId) const {
  Statement st(*c_, "SELECT width, height, format, data FROM thumbnails WHERE image_id = ?1");
  st.bind(1, imageId);
  if (!st.step()) return std::nullopt;
  const auto blob = st.blob(3);
  if (st.text(2) != "grey8" || !plausible(st.int64(0), st.int64(1), blob.size()))
    throw c_->error(ErrorKind::Corrupt,
                    "thumbnail of image " + std::to_string(imageId) + " does not match its declared size or format");
  Thumbnail t;
  t.width = static_cast<int>(st.int64(0));
  t.height = static_cast<int>(st.int64(1));
  t.grey.assign(blob.begin(), blob.end());
  return t;
}

}  // namespace lightbox::project
