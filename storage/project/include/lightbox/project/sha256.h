#pragma once
// SHA-256 (FIPS 180-4) for content hashes: re-imports are recognised by the hash of the source bytes, so a file that
// moved or was renamed is still the same image. Self-contained to avoid a crypto dependency for one function.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace lightbox::project {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, size_t bytes);
  void update(std::string_view text) { update(text.data(), text.size()); }
  /// The digest; the object must not be updated afterwards.
  std::array<uint8_t, 32> finish();
  /// finish() as 64 lower-case hex digits, the form stored in the project.
  std::string finishHex();

 private:
  void compress(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t totalBytes_ = 0;
};

std::string sha256Hex(const void* data, size_t bytes);
inline std::string sha256Hex(std::string_view text) { return sha256Hex(text.data(), text.size()); }

/// Hashes a file in chunks (memory stays flat for large volumes). Throws std::runtime_error naming the file when it
/// cannot be read.
std::string sha256FileHex(const std::filesystem::path& path);

}  // namespace lightbox::project
