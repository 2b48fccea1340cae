# make-man-page.cmake: a program's man page from its --help, by help2man,
# with the sections of docs/man/PROGRAM.h2m. A build step (the top-level
# CMakeLists.txt runs it for newsdex-index and newsdex-search):
#
#   cmake -DHELP2MAN=/usr/bin/help2man -DPROGRAM=build/newsdex-search \
#         -DINCLUDE=docs/man/newsdex-search.h2m -DOUTPUT=build/man/newsdex-search.1 \
#         -P scripts/make-man-page.cmake
#
# Two things help2man cannot do alone:
# - --version's second line (the index schema and Xapian versions) would
#   land at the end of the page's last section: help2man gets the first
#   line only, "newsdex-search (newsdex) 0.1.0", for the footer.
# - --help ends with "Exit status:", which help2man makes a subsection of
#   OPTIONS; man pages have an EXIT STATUS section, right after OPTIONS,
#   and so it becomes that.
foreach(var HELP2MAN PROGRAM INCLUDE OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make-man-page.cmake: -D${var}=... is missing")
  endif()
endforeach()

# help2man runs the program through the shell: by its bare name, from its
# folder, so that no path with a space in it can break the command.
get_filename_component(program_dir "${PROGRAM}" DIRECTORY)
get_filename_component(program_name "${PROGRAM}" NAME)

execute_process(COMMAND "./${program_name}" --version WORKING_DIRECTORY "${program_dir}"
                OUTPUT_VARIABLE version RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "make-man-page.cmake: ${PROGRAM} --version failed (${status})")
endif()
string(REGEX REPLACE "\n.*" "" version "${version}")

execute_process(COMMAND "${HELP2MAN}" --no-info "--version-string=${version}" "--include=${INCLUDE}"
                        "--output=${OUTPUT}.tmp" "./${program_name}"
                WORKING_DIRECTORY "${program_dir}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "make-man-page.cmake: help2man failed for ${PROGRAM} (${status})")
endif()

file(READ "${OUTPUT}.tmp" page)
file(REMOVE "${OUTPUT}.tmp")
set(exit_status_heading ".SS \"Exit status:\"")
string(FIND "${page}" "${exit_status_heading}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "make-man-page.cmake: ${PROGRAM} --help has no \"Exit status:\" paragraph")
endif()
string(REPLACE "${exit_status_heading}" ".SH \"EXIT STATUS\"" page "${page}")
file(WRITE "${OUTPUT}" "${page}")
