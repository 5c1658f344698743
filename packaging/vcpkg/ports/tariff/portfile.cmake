# vcpkg port for tariff (header-only). Conventional layout: the sources come
# from a release on GitHub; the headers, the CMake package, tariff.pc and the
# license are installed; nothing is compiled.
#
# Publishing a release: set "version" in vcpkg.json to the release, REF below
# follows it, and replace SHA512 with the archive's hash (vcpkg prints the
# right value when the placeholder 0 is given, on the first install).
# To try the port on a local tree instead, run vcpkg with
#     --overlay-ports=<tree>/packaging/vcpkg/ports
# and set the environment variable TARIFF_SOURCE_DIR=<tree>.
#
# vcpkg cannot be installed on the project's build machines: this port has not
# been run there (docs/packaging.md says what is and is not tested).
set(VCPKG_BUILD_TYPE release) # header-only: no debug tree to build

if(DEFINED ENV{TARIFF_SOURCE_DIR})
    set(SOURCE_PATH "$ENV{TARIFF_SOURCE_DIR}")
else()
    vcpkg_from_github(
        OUT_SOURCE_PATH SOURCE_PATH
        REPO tariff-cpp/tariff # placeholder until the project is published
        REF "v${VERSION}"
        SHA512 0 # placeholder: the release archive's SHA512
        HEAD_REF main
    )
endif()

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
vcpkg_fixup_pkgconfig()
# The license and README go to share/tariff/copyright, as vcpkg expects.
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/share/doc")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
