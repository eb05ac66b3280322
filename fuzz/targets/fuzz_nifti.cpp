// libFuzzer target: the NIfTI reader: the bytes as .nii/.nii.gz, gzipped, and as a .hdr/.img pair (fuzz_entries.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)lightbox::fuzz::readNiftiBytes({data, size});
  return 0;
}
