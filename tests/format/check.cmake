# Every C++ source of the project is formatted as .clang-format says.
# Arguments: -DCLANG_FORMAT=<path> -DSOURCE_DIR=<repository root>
# Skipped (exit code 77 via the message below) when clang-format is not release
# 14, whose output the tree follows: other releases format some constructs
# differently.
execute_process(COMMAND "${CLANG_FORMAT}" --version OUTPUT_VARIABLE version)
if(NOT version MATCHES "version 14\\.")
    message(STATUS "SKIPPED: the tree is formatted with clang-format 14; this is ${version}")
    return()
endif()
file(GLOB_RECURSE sources LIST_DIRECTORIES false
     "${SOURCE_DIR}/include/*.hpp" "${SOURCE_DIR}/tests/*.hpp" "${SOURCE_DIR}/tests/*.cpp"
     "${SOURCE_DIR}/examples/*.hpp" "${SOURCE_DIR}/examples/*.cpp"
     "${SOURCE_DIR}/bench/*.hpp" "${SOURCE_DIR}/bench/*.cpp"
     "${SOURCE_DIR}/tools/*.hpp" "${SOURCE_DIR}/tools/*.cpp")
# Fixtures of the compile-fail harness keep the exact text their tests need.
list(FILTER sources EXCLUDE REGEX "/tests/(compile_fail|fuzz/corpus[^/]*)/")
list(LENGTH sources count)
execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror ${sources}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${out}${err}\nSome files are not formatted. From the repository root run\n"
                        "    git ls-files '*.hpp' '*.cpp' | grep -v -e single_include -e compile_fail | xargs clang-format -i\n"
                        "and commit the result.")
endif()
message(STATUS "${count} files formatted as .clang-format says")
