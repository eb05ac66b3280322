// libFuzzer target: the PNG/TIFF/JPEG path of readImage (fuzz_entries.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)lightbox::fuzz::readRasterBytes({data, size});
  return 0;
}
