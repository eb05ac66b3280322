#pragma once
// Errors the workflows report to their callers (CLI, GUI) without exposing which library raised them.

#include <stdexcept>
#include <string>

namespace lightbox::workflows {

/// An input file that cannot be used: unreadable, malformed, unsupported. what() = "<path>: <reason>".
class InputFileError : public std::runtime_error {
 public:
  InputFileError(std::string path, std::string reason)
      : std::runtime_error(path + ": " + reason), path_(std::move(path)), reason_(std::move(reason)) {}
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string path_, reason_;
};

}  // namespace lightbox::workflows
