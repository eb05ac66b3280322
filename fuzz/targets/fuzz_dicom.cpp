// libFuzzer target: the DICOM reader: readDicomInfo, readDicomImage, series grouping on one file (fuzz_entries.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)lightbox::fuzz::readDicomBytes({data, size});
  return 0;
}
