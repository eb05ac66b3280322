# Imported target for the three OpenCV modules Lightbox uses (core, imgproc, imgcodecs).
# Debian's libopencv-dev would bring OpenCVConfig.cmake but also VTK, GTK and dozens of modules we never call.
find_path(LIGHTBOX_OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
foreach(module core imgproc imgcodecs)
  find_library(LIGHTBOX_OPENCV_${module}_LIBRARY opencv_${module} REQUIRED)
  list(APPEND LIGHTBOX_OPENCV_LIBRARIES "${LIGHTBOX_OPENCV_${module}_LIBRARY}")
endforeach()
add_library(lightbox_opencv INTERFACE IMPORTED)
target_include_directories(lightbox_opencv SYSTEM INTERFACE "${LIGHTBOX_OPENCV_INCLUDE_DIR}")
target_link_libraries(lightbox_opencv INTERFACE ${LIGHTBOX_OPENCV_LIBRARIES})
add_library(Lightbox::opencv ALIAS lightbox_opencv)
