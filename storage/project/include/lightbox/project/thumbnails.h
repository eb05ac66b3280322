#pragma once
// Thumbnails: one small grey preview per image, for lists and the import summary.

#include <cstdint>
#include <optional>

#include "lightbox/project/records.h"

namespace lightbox::project {

namespace detail {
class Connection;
}

class ThumbnailRepository {
 public:
  explicit ThumbnailRepository(detail::Connection& connection) : c_(&connection) {}

  /// Replaces the image's thumbnail. Throws InvalidArgument unless 1 <= width, height <= 4096 and the pixel count
  /// matches.
  void store(int64_t imageId, const Thumbnail& thumbnail);
  std::optional<Thumbnail> load(int64_t imageId) const;

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
