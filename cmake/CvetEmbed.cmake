# cvet_embed_files(<output.inc> <comment> <files...>)
# Generates <output.inc>: the rows {"name", R"(contents)"} of a C++ table, one
# per file, regenerated when any of them changes. Used for the API models and
# the rule pages, so that every binary carries its data without finding files.
function(cvet_embed_files output comment)
  set(files ${ARGN})
  list(SORT files)
  string(REPLACE ";" "|" files_arg "${files}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} "-DINPUTS=${files_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "${comment}"
    VERBATIM)
endfunction()
