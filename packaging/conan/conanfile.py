# Conan 2 recipe for tariff, in Conan Center's header-only layout: the package
# holds the headers and the license, nothing else; consumers get
# find_package(tariff) / tariff::tariff from CMakeDeps and tariff.pc from
# PkgConfigDeps. From the repository root:
#
#     conan create packaging/conan
#
# The version is read from include/tariff/version.hpp (its one source).
# Conan cannot be installed on the project's build machines: this recipe has
# not been run there (docs/packaging.md says what is and is not tested).
import os
import re

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout
from conan.tools.scm import Version

required_conan_version = ">=2.0"


class TariffConan(ConanFile):
    name = "tariff"
    description = ("Exact tariff arithmetic for C++20: money, rates, duty expressions, "
                   "assessments and tariff-rate quotas (header-only)")
    license = "BSL-1.0"
    # Placeholder until the project is published: replace with its public address.
    url = "https://github.com/tariff-cpp/tariff"
    homepage = "https://github.com/tariff-cpp/tariff"
    topics = ("tariff", "customs", "duty", "decimal", "money", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    no_copy_source = True

    _min_compilers = {"gcc": "12", "clang": "14", "apple-clang": "15"}

    @property
    def _root(self):
        # The recipe lives in <repository>/packaging/conan.
        return os.path.join(self.recipe_folder, "..", "..")

    def set_version(self):
        text = load(self, os.path.join(self._root, "include", "tariff", "version.hpp"))
        parts = [re.search(rf"#define TARIFF_VERSION_{p} (\d+)", text).group(1)
                 for p in ("MAJOR", "MINOR", "PATCH")]
        self.version = ".".join(parts)

    def export_sources(self):
        copy(self, "LICENSE", self._root, self.export_sources_folder)
        copy(self, "include/*", self._root, self.export_sources_folder)

    def layout(self):
        basic_layout(self, src_folder=".")

    def package_id(self):
        self.info.clear()

    def validate(self):
        # C++20 is required; below it the headers stop with one #error line.
        check_min_cppstd(self, 20)
        compiler = str(self.settings.compiler)
        if compiler == "msvc":
            raise ConanInvalidConfiguration(
                f"{self.ref} is tested with GCC and Clang only; MSVC is not supported yet")
        minimum = self._min_compilers.get(compiler)
        if minimum and Version(self.settings.compiler.version) < minimum:
            raise ConanInvalidConfiguration(
                f"{self.ref} needs {compiler} >= {minimum} (C++20 with class-type "
                f"template parameters)")

    def build(self):
        pass

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"),
             os.path.join(self.package_folder, "include"))

    def package_info(self):
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.set_property("cmake_file_name", "tariff")
        self.cpp_info.set_property("cmake_target_name", "tariff::tariff")
        self.cpp_info.set_property("pkg_config_name", "tariff")
