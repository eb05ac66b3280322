#pragma once
// Checks on free text before it is stored (review notes, reviewer names, setting values): text that later goes into
// a UTF-8 CSV, a Qt label or JSON must be valid UTF-8, and NUL would cut it short in C APIs.

#include <string>
#include <string_view>

namespace lightbox::project::detail {

/// True for well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) without NUL.
bool isCleanUtf8(std::string_view text);

/// Why `text` cannot be stored as `what`, or "" when it can.
std::string textProblem(std::string_view text, std::string_view what, size_t maxBytes);

}  // namespace lightbox::project::detail
