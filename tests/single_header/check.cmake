# single_header tests: cmake -DMODE=<current|example> -DSOURCE_DIR=<repo> -DWORK_DIR=<dir>
#   -DCXX=<compiler> -DPYTHON=<python3> -P check.cmake
#   current: the committed single_include/ equals what tools/make_single_header.py writes
#   example: examples/ev_paths.cpp built against single_include/ alone prints its .expected
cmake_minimum_required(VERSION 3.23)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
if(MODE STREQUAL "current")
    execute_process(COMMAND "${PYTHON}" "${SOURCE_DIR}/tools/make_single_header.py" "${WORK_DIR}"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "make_single_header.py failed")
    endif()
    foreach(name tariff.hpp io.hpp fmt.hpp format.hpp)
        file(READ "${WORK_DIR}/${name}" fresh)
        file(READ "${SOURCE_DIR}/single_include/tariff/${name}" committed)
        if(NOT fresh STREQUAL committed)
            message(FATAL_ERROR "single_include/tariff/${name} is stale: run "
                                "python3 tools/make_single_header.py and commit the result")
        endif()
    endforeach()
else()
    execute_process(COMMAND "${CXX}" -std=c++20 -Wall -Wextra -Wpedantic -Werror
                            "-I${SOURCE_DIR}/single_include" "${SOURCE_DIR}/examples/ev_paths.cpp"
                            -o "${WORK_DIR}/ev_paths"
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "ev_paths does not build against the single header:\n${err}")
    endif()
    execute_process(COMMAND "${WORK_DIR}/ev_paths" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
    file(READ "${SOURCE_DIR}/examples/ev_paths.expected" expected)
    if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
        message(FATAL_ERROR "ev_paths built from the single header printed:\n${out}")
    endif()
endif()
