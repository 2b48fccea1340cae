# A deterministic synthetic news corpus with ground truth (issue 4): the
# end-to-end facet tests check counts against it; benchmarks reuse it. One
# definition for tests/ and bench/, whichever the build includes (a build
# without tests once linked the generator without its web pages).
if(NOT TARGET newsdex-generate-corpus)
  add_executable(newsdex-generate-corpus ${PROJECT_SOURCE_DIR}/tests/generator/generate_corpus.cpp
                                         ${PROJECT_SOURCE_DIR}/tests/generator/html_pages.cpp)
  target_link_libraries(newsdex-generate-corpus PRIVATE newsdex_index newsdex_cli)
endif()
