# Overlay port for tariff (header-only). Untested here: vcpkg cannot be
# installed on the project's build machines. Use it with
#   vcpkg install tariff --overlay-ports=<repo>/packaging/vcpkg/ports
# It builds from the source tree that contains this port; to build a release
# instead, replace SOURCE_PATH with vcpkg_from_github(REPO ... REF ... SHA512 ...).
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DTARIFF_BUILD_TESTS=OFF
        -DTARIFF_BUILD_EXAMPLES=OFF
        -DTARIFF_BUILD_BENCHMARKS=OFF
        -DTARIFF_INSTALL=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/tariff)
# Header-only: nothing is built, so there is no debug tree worth keeping.
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
