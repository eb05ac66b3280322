#pragma once
// Private to imageio: every reader reports failure as one exception type that names the file.

#include <new>
#include <stdexcept>
#include <string>

#include "lightbox/imageio/image_reader.h"

namespace lightbox::imageio::detail {

/// Runs `read`, turning allocation failures and library or filesystem exceptions into ImageReadError(path, ...).
template <typename Read>
auto withFileErrors(const std::string& path, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const ImageReadError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw ImageReadError(path, "out of memory");
  } catch (const std::exception& e) {
    throw ImageReadError(path, e.what());
  }
}

}  // namespace lightbox::imageio::detail
