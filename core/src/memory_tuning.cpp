#include "lightbox/core/memory_tuning.h"

#include <cstdlib>  // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace lightbox {

bool retainFreedMemory() {
#if defined(__GLIBC__)
  // Setting either value also turns off glibc's dynamic mmap threshold, which would otherwise keep moving.
  constexpr int kMiB = 1 << 20;
  const bool trim = mallopt(M_TRIM_THRESHOLD, 256 * kMiB) == 1;
  const bool mmap = mallopt(M_MMAP_THRESHOLD, 32 * kMiB) == 1;  // 32 MiB is glibc's upper limit on 64-bit
  return trim && mmap;
#else
  return false;
#endif
}

}  // namespace lightbox
