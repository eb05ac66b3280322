# Use ccache when it is installed: LibTorch and Qt headers make rebuilds slow otherwise.
find_program(LIGHTBOX_CCACHE ccache)
if(LIGHTBOX_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${LIGHTBOX_CCACHE}")
endif()
