# Installers (CPack). Included last from the top-level CMakeLists.txt, after every install() rule.
#   Debian 12:  scripts/build-package.sh  ->  build-package/lightbox_<version>-<release>_amd64.deb  (tested:
#               scripts/installer-test.sh installs it into a clean debootstrap root)
#   Windows:    cpack -G NSIS         (described here, never built or tested: no Windows build of Lightbox exists)
#   macOS:      cpack -G DragNDrop    (described here, never built or tested: no macOS build of Lightbox exists)
# The files installed beside the executables (desktop entry, icons, MIME type, AppStream, man pages) are in packaging/.

add_subdirectory(packaging)

# Directories the install creates: 0755 whatever the umask of the builder (lintian: non-standard-dir-perm).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_PACKAGE_NAME lightbox)
set(CPACK_PACKAGE_VENDOR "The Lightbox developers")
set(CPACK_PACKAGE_CONTACT "Lightbox maintainers <maintainers@users.noreply.r-seed-d6b43155.example>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "anomaly localisation in medical images from healthy examples")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Lightbox")
set(CPACK_PACKAGE_EXECUTABLES lightbox Lightbox) # Start menu / launcher entries of NSIS
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(CPACK_GENERATOR DEB)
  set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # lightbox_0.1.0-1_amd64.deb
  # Revision 1 of the upstream version: a non-native package, hence usr/share/doc/lightbox/changelog.Debian.gz
  # (packaging/changelog, whose top entry must carry the same version).
  set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
  set(CPACK_DEBIAN_PACKAGE_SECTION science)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  # Depends: from dpkg-shlibdeps over the two executables. It resolves every linked library to its Debian package
  # (Qt 6, DCMTK, nifti2, OpenCV, SQLite, and libtorch1.13 for LibTorch's libtorch_cpu/libc10) through
  # the shlibs/symbols files of the build machine, so the build machine must be Debian 12 with those packages.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # Qt draws text with fontconfig fonts: DejaVu for Latin/Greek/Cyrillic, Noto CJK for the Chinese translation and
  # for CJK patient names and series descriptions. Neither is a library, so shlibdeps cannot find them.
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core, fonts-noto-cjk")
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-translations-l10n")
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
  set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
  # Debian's extended description (the synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY); CPack indents the lines.
  set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
      "Lightbox learns what healthy images of a body part look like and points at
whatever in a new image does not fit. It implements 'Many tasks make light
work' (Baugh et al., MICCAI 2023): a U-Net is trained on healthy images only,
into which synthetic anomaly tasks paste anomalies; the tasks held out from
training validate the model, so no real lesion is needed.
.
This package contains the Qt desktop application (lightbox), which imports
DICOM, NIfTI, PNG, JPEG and TIFF images into a project file, previews the
synthetic tasks, trains, and reviews findings on a heat-map overlay, and the
headless command line (lightbox-cli) for servers and clusters.
.
Lightbox is research software and not a medical device.")
elseif(WIN32)
  # Not built or tested (README, "Installing"): a Windows build needs Qt 6, LibTorch and the other libraries from
  # outside Debian, and windeployqt to bundle them.
  set(CPACK_GENERATOR NSIS)
  set(CPACK_NSIS_DISPLAY_NAME "Lightbox")
  set(CPACK_NSIS_PACKAGE_NAME "Lightbox ${PROJECT_VERSION}")
  set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/packaging/icons/lightbox.ico") # to be made from the SVG
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\lightbox.exe")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_MODIFY_PATH ON) # offers to put lightbox-cli on PATH
  set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
      "WriteRegStr HKCR '.lightbox' '' 'Lightbox.Project'
       WriteRegStr HKCR 'Lightbox.Project' '' 'Lightbox project'
       WriteRegStr HKCR 'Lightbox.Project\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\lightbox.exe\\\" \\\"%1\\\"'")
  set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
      "DeleteRegKey HKCR '.lightbox'
       DeleteRegKey HKCR 'Lightbox.Project'")
elseif(APPLE)
  # Not built or tested (README, "Installing"): needs a MACOSX_BUNDLE target and macdeployqt.
  set(CPACK_GENERATOR DragNDrop)
  set(CPACK_DMG_VOLUME_NAME "Lightbox ${PROJECT_VERSION}")
  set(CPACK_DMG_FORMAT UDZO)
endif()

include(CPack)
