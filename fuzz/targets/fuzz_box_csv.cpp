// libFuzzer target: the VinDr-style box CSV parser (fuzz_entries.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)lightbox::fuzz::parseBoxCsvBytes({data, size});
  return 0;
}
