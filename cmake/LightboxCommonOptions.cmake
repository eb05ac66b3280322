# One INTERFACE target carries the options every Lightbox target shares.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()
set(CMAKE_CXX_EXTENSIONS OFF) # -std=c++20, so GCC keeps -ffp-contract=off: seeded results stay bit-identical

add_library(lightbox_common_options INTERFACE)
add_library(Lightbox::common_options ALIAS lightbox_common_options)
target_compile_features(lightbox_common_options INTERFACE cxx_std_20)
target_compile_options(lightbox_common_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wno-unused-parameter>)

# Qt targets add this on top: Qt's `slots`/`signals` macros break LibTorch headers.
add_library(lightbox_qt_options INTERFACE)
add_library(Lightbox::qt_options ALIAS lightbox_qt_options)
target_compile_definitions(lightbox_qt_options INTERFACE QT_NO_KEYWORDS)
target_link_libraries(lightbox_qt_options INTERFACE lightbox_common_options)
