# LibTorch as one imported target, Lightbox::torch, for the models/ library and the code that deliberately uses
# its torch API (tests, benchmarks). Nothing else should link it: see docs/models.md.
#
# Debian's TorchConfig.cmake works as shipped, but it goes through Caffe2Config.cmake, which looks up gflags, glog,
# protobuf, MKL and oneDNN and leaves dozens of variables (TORCH_LIBRARIES, Caffe2_*, Protobuf_*, ...) behind. A
# function keeps those variables out of the top-level scope; the imported targets it creates are still visible to
# every subdirectory. Its include directories arrive as SYSTEM (imported target), so -Wall -Wextra -Wshadow stay
# on our code and off LibTorch's.
function(lightbox_find_torch)
  find_package(Torch REQUIRED CONFIG)
  add_library(lightbox_torch INTERFACE IMPORTED)
  # `torch` brings the include directories, -D_GLIBCXX_USE_CXX11_ABI=1 and libtorch/libtorch_cpu/libc10. The
  # package is CPU-only (1.13); a CUDA-enabled LibTorch found first on CMAKE_PREFIX_PATH works the same way.
  target_link_libraries(lightbox_torch INTERFACE torch)
  add_library(Lightbox::torch ALIAS lightbox_torch)
  set(LIGHTBOX_TORCH_VERSION "${Torch_VERSION}" PARENT_SCOPE)
endfunction()
lightbox_find_torch()
message(STATUS "LibTorch ${LIGHTBOX_TORCH_VERSION}")
