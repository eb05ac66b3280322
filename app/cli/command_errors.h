#pragma once
// One way for every subcommand to turn an exception into a message and an exit code.

#include <iostream>
#include <stdexcept>

namespace lightbox::cli {

/// Runs `body`; a std::invalid_argument (bad input or usage) gives exit code 2, any other exception 1, each with a
/// message naming the command.
template <typename F>
int guarded(const char* command, F&& body) {
  try {
    return body();
  } catch (const std::invalid_argument& e) {
    std::cerr << "lightbox-cli " << command << ": " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "lightbox-cli " << command << ": " << e.what() << '\n';
    return 1;
  }
}

}  // namespace lightbox::cli
