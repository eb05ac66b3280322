// libFuzzer target: the a .lightbox file from untrusted bytes, opened read-only and read in full (fuzz_entries.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)lightbox::fuzz::openProjectBytes({data, size});
  return 0;
}
