# Conan 2 recipe for tariff (header-only). Untested here: Conan cannot be
# installed on the project's build machines. From the repository root:
#   conan create packaging/conan --version 0.1.0
# The CMake install does the work; consumers get find_package(tariff) and the
# target tariff::tariff.
import os

from conan import ConanFile
from conan.tools.cmake import CMake, cmake_layout
from conan.tools.files import copy


class TariffConan(ConanFile):
    name = "tariff"
    version = "0.1.0"
    license = "BSL-1.0"
    description = "Exact tariff arithmetic for C++20 (header-only)"
    topics = ("tariff", "customs", "duty", "decimal", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    generators = "CMakeToolchain"
    no_copy_source = True

    def export_sources(self):
        root = os.path.join(self.recipe_folder, "..", "..")
        for pattern in ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*"):
            copy(self, pattern, root, self.export_sources_folder)

    def layout(self):
        cmake_layout(self)

    def package_id(self):
        self.info.clear()

    def build(self):
        pass

    def package(self):
        cmake = CMake(self)
        cmake.configure(variables={
            "TARIFF_BUILD_TESTS": "OFF",
            "TARIFF_BUILD_EXAMPLES": "OFF",
            "TARIFF_BUILD_BENCHMARKS": "OFF",
            "TARIFF_INSTALL": "ON",
        })
        cmake.install()
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))

    def package_info(self):
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.set_property("cmake_file_name", "tariff")
        self.cpp_info.set_property("cmake_target_name", "tariff::tariff")
        self.cpp_info.set_property("pkg_config_name", "tariff")
