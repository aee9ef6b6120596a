# Sets VNUM_VERSION from meson.build's project(), the one place the version is set, and stops with
# an error if include/vnum/version.hpp says otherwise. Run as a script (cmake -P) it prints the
# version, which tests/version_test compares with meson's.
file(READ "${CMAKE_CURRENT_LIST_DIR}/../meson.build" _vnum_meson)
if(NOT _vnum_meson MATCHES "project\\([^)]*version *: *'([0-9]+)\\.([0-9]+)\\.([0-9]+)'")
  message(FATAL_ERROR "vnum: no version : 'X.Y.Z' in meson.build's project()")
endif()
set(VNUM_VERSION "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}.${CMAKE_MATCH_3}")
set(_vnum_parts "MAJOR;${CMAKE_MATCH_1};MINOR;${CMAKE_MATCH_2};PATCH;${CMAKE_MATCH_3};STRING;\"${VNUM_VERSION}\"")

file(READ "${CMAKE_CURRENT_LIST_DIR}/../include/vnum/version.hpp" _vnum_header)
while(_vnum_parts)
  list(POP_FRONT _vnum_parts _vnum_part _vnum_value)
  if(NOT _vnum_header MATCHES "#define VNUM_VERSION_${_vnum_part} ([^\n]*)\n"
     OR NOT CMAKE_MATCH_1 STREQUAL _vnum_value)
    message(FATAL_ERROR "vnum: include/vnum/version.hpp has VNUM_VERSION_${_vnum_part} "
                        "'${CMAKE_MATCH_1}', but meson.build says ${_vnum_value}")
  endif()
endwhile()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E echo "${VNUM_VERSION}")
endif()
