# nifti_clib as imported targets NIFTI::nifti2 and NIFTI::niftiio.
# Debian 12's NIFTIConfig.cmake points at /usr/lib/libznz.so.3.0.0, which the package does not install, so
# find_package(NIFTI CONFIG) fails there; locate the headers and libraries directly instead.
find_path(LIGHTBOX_NIFTI_INCLUDE_DIR nifti2_io.h PATH_SUFFIXES nifti REQUIRED)
find_library(LIGHTBOX_NIFTI2_LIBRARY nifti2 REQUIRED)
find_library(LIGHTBOX_NIFTIIO_LIBRARY niftiio REQUIRED)
find_library(LIGHTBOX_ZNZ_LIBRARY znz REQUIRED)
find_package(ZLIB REQUIRED)
foreach(lib nifti2 niftiio)
  string(TOUPPER ${lib} upper)
  add_library(NIFTI::${lib} UNKNOWN IMPORTED)
  set_target_properties(NIFTI::${lib} PROPERTIES
    IMPORTED_LOCATION "${LIGHTBOX_${upper}_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LIGHTBOX_NIFTI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${LIGHTBOX_ZNZ_LIBRARY};ZLIB::ZLIB;m")
endforeach()
