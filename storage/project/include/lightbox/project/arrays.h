#pragma once
// Working-space arrays (preprocessed images and their object masks), stored zlib-compressed with their geometry and
// the mapping back to the original grid. Loading validates every declared size before allocating, so a damaged or
// hostile project file gives ProjectError(Corrupt), never a crash or a terabyte allocation.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lightbox/project/records.h"

namespace lightbox::project {

namespace detail {
class Connection;
}

class ArrayRepository {
 public:
  explicit ArrayRepository(detail::Connection& connection) : c_(&connection) {}

  /// Stores the array for the image, replacing the image's array of the same kind (and, through the cascade, what
  /// was computed from the old one). Returns the array id. Throws NotFound for an unknown image.
  int64_t store(int64_t imageId, const EncodedArray& array);
  /// Encodes, then stores; throws InvalidArgument as EncodedArray::encode does, naming the project and the image.
  int64_t store(int64_t imageId, const ArrayData& array);
  /// The stored array bit for bit, or nullopt when the image has none of that kind. Throws Corrupt for a row whose
  /// blobs or sizes do not agree.
  std::optional<ArrayData> load(int64_t imageId, std::string_view kind = "preprocessed") const;
  std::vector<std::string> kinds(int64_t imageId) const;
  /// The id of the image's array of that kind (what a prediction links to), or nullopt.
  std::optional<int64_t> id(int64_t imageId, std::string_view kind = "preprocessed") const;

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
