# The version has one source, include/tariff/version.hpp: CMake and the Conan
# recipe read it; vcpkg.json must state it literally, so this test keeps the
# two equal. Arguments: -DSOURCE_DIR=<repository root>
file(STRINGS "${SOURCE_DIR}/include/tariff/version.hpp" lines
     REGEX "^#define TARIFF_VERSION_(MAJOR|MINOR|PATCH) [0-9]+$")
foreach(part MAJOR MINOR PATCH)
    string(REGEX REPLACE ".*#define TARIFF_VERSION_${part} ([0-9]+).*" "\\1" ${part} "${lines}")
endforeach()
set(version "${MAJOR}.${MINOR}.${PATCH}")
file(READ "${SOURCE_DIR}/packaging/vcpkg/ports/tariff/vcpkg.json" manifest)
string(JSON vcpkg_version GET "${manifest}" version)
if(NOT vcpkg_version STREQUAL version)
    message(FATAL_ERROR "packaging/vcpkg/ports/tariff/vcpkg.json says ${vcpkg_version}; "
                        "include/tariff/version.hpp says ${version}")
endif()
file(READ "${SOURCE_DIR}/packaging/conan/conanfile.py" recipe)
if(recipe MATCHES "\n    version = ")
    message(FATAL_ERROR "packaging/conan/conanfile.py must read the version (set_version), not state it")
endif()
foreach(field homepage supports)
    string(JSON value ERROR_VARIABLE missing GET "${manifest}" ${field})
    if(missing)
        message(FATAL_ERROR "vcpkg.json has no \"${field}\"")
    endif()
endforeach()
message(STATUS "version ${version} in version.hpp and vcpkg.json")
