#include "text_checks.h"

#include <cstdint>

namespace lightbox::project::detail {

bool isCleanUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char b = s[i];
    if (b == 0) return false;
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0, min = 0;
    if ((b & 0xE0) == 0xC0) len = 2, cp = b & 0x1F, min = 0x80;
    else if ((b & 0xF0) == 0xE0) len = 3, cp = b & 0x0F, min = 0x800;
    else if ((b & 0xF8) == 0xF0) len = 4, cp = b & 0x07, min = 0x10000;
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

std::string textProblem(std::string_view text, std::string_view what, size_t maxBytes) {
  if (text.size() > maxBytes)
    return std::string(what) + " is " + std::to_string(text.size()) + " bytes long, more than the " +
           std::to_string(maxBytes) + " allowed";
  if (!isCleanUtf8(text)) return std::string(what) + " is not valid UTF-8 text (or holds a NUL character)";
  return {};
}

}  // namespace lightbox::project::detail
