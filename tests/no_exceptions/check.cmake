# Builds overflow.cpp with -fno-exceptions (with the default error handler, then
# with a user's TARIFF_ERROR_HANDLER), runs it, and checks that it stops (abort)
# after printing the error's message.
# Arguments: -DCOMPILER=... -DINCLUDE_DIR=... -DSOURCE=... -DWORK_DIR=...
file(MAKE_DIRECTORY "${WORK_DIR}")
foreach(variant default user)
    set(defines "")
    set(expected "^tariff: error: arithmetic overflow: the exact result does not fit the type \\(built without exceptions")
    if(variant STREQUAL "user")
        set(defines -DUSER_HANDLER)
        set(expected "^user handler: code 1: arithmetic overflow: the exact result does not fit the type")
    endif()
    set(exe "${WORK_DIR}/overflow_${variant}")
    execute_process(
        COMMAND "${COMPILER}" -std=c++20 -fno-exceptions -Wall -Wextra -Wpedantic -Werror
                ${defines} "-I${INCLUDE_DIR}" "${SOURCE}" -o "${exe}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${variant}: build with -fno-exceptions failed:\n${out}${err}")
    endif()
    execute_process(COMMAND "${exe}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc EQUAL 0)
        message(FATAL_ERROR "${variant}: an overflow without exceptions returned normally")
    endif()
    if(NOT "${out}${err}" MATCHES "${expected}")
        message(FATAL_ERROR "${variant}: expected output matching '${expected}', got:\n${out}${err}")
    endif()
    message(STATUS "${variant}: stopped (${rc}) after: ${out}${err}")
endforeach()
